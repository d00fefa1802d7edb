import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { securityEvents } from "~/server/db/schema";
import { appendAudit } from "../audit";
import { revokeUserSessions } from "../sessions";
import { type AccountEventType, raiseAccountEvent } from "./account-events";
import type { SelfContext, SelfOutcome } from "./context";
import { describeDevice } from "./device-label";
import { currentSessionDevice } from "./devices";
import { afterCursor, cursorTime, type Keyset, pageOf } from "../keyset";

/**
 * The owner's answer to an alert lives in the event's details, beside what
 * raised it, so operations see it on the same row. It does not touch the
 * event's status: that is the operations queue's, and someone holding a
 * stolen session must not be able to close the alerts about themselves.
 */
export type AlertAnswer = "was_me" | "not_me";

export interface OwnerResponse {
  answer: AlertAnswer;
  at: string;
  sessionId: string;
}

/** The owner's own "that wasn't me" reports are alerts too, but there is nothing to answer on them. */
const OWN_REPORT = "account_compromise_reported" satisfies AccountEventType;

const unanswered = and(sql`${securityEvents.details} -> 'ownerResponse' IS NULL`, ne(securityEvents.eventType, OWN_REPORT));

/**
 * Security events about the owner's account, newest first. Only the parts of
 * `details` a person can act on are passed on (where, on what); the rest is
 * operations' working material.
 */
export async function listMyAlerts(
  db: Db,
  viewer: { ownerId: string; sessionId: string },
  input: { cursor?: Keyset; limit: number; unansweredOnly?: boolean },
) {
  const deviceId = await currentSessionDevice(db, viewer.ownerId, viewer.sessionId);
  const rows = await db
    .select({
      id: securityEvents.id,
      eventType: securityEvents.eventType,
      severity: securityEvents.severity,
      createdAt: securityEvents.createdAt,
      ipAddress: securityEvents.ipAddress,
      userAgent: securityEvents.userAgent,
      deviceName: sql<string | null>`${securityEvents.details} ->> 'device'`,
      city: sql<string | null>`${securityEvents.details} ->> 'city'`,
      countryCode: sql<string | null>`${securityEvents.details} ->> 'countryCode'`,
      sessionId: sql<string | null>`${securityEvents.details} ->> 'sessionId'`,
      deviceId: sql<string | null>`${securityEvents.details} ->> 'deviceId'`,
      response: sql<unknown>`${securityEvents.details} -> 'ownerResponse'`,
      cursorAt: cursorTime(securityEvents.createdAt),
    })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, viewer.ownerId),
        input.unansweredOnly ? unanswered : undefined,
        afterCursor(securityEvents.createdAt, securityEvents.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = pageOf(rows, input.limit);
  return {
    items: items.map(({ userAgent, deviceName, response: answer, sessionId, deviceId: eventDeviceId, ...row }) => ({
      ...row,
      // "That was this session (or this device)": the likeliest answer, worth saying next to the buttons.
      fromHere: sessionId === viewer.sessionId || (eventDeviceId !== null && eventDeviceId === deviceId),
      device: userAgent || deviceName ? describeDevice(userAgent, deviceName).label : null,
      response: parseResponse(answer),
      answerable: row.eventType !== OWN_REPORT,
    })),
    nextCursor,
  };
}

/** jsonb comes back parsed from postgres.js and PGlite alike; anything malformed reads as unanswered. */
function parseResponse(value: unknown): OwnerResponse | null {
  const raw = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!raw || typeof raw !== "object") return null;
  const { answer, at, sessionId } = raw as Record<string, unknown>;
  return answer === "was_me" || answer === "not_me" ? { answer, at: String(at), sessionId: String(sessionId) } : null;
}

async function lockMyEvent(tx: Db, ctx: SelfContext, eventId: number) {
  const [row] = await tx
    .select({ id: securityEvents.id, eventType: securityEvents.eventType, severity: securityEvents.severity, details: securityEvents.details })
    .from(securityEvents)
    .where(and(eq(securityEvents.id, eventId), eq(securityEvents.userId, ctx.actor.id)))
    .for("update");
  return row;
}

async function recordAnswer(tx: Db, ctx: SelfContext, eventId: number, answer: AlertAnswer, now: Date) {
  const value: OwnerResponse = { answer, at: now.toISOString(), sessionId: ctx.sessionId };
  await tx
    .update(securityEvents)
    .set({ details: sql`${securityEvents.details} || jsonb_build_object('ownerResponse', ${JSON.stringify(value)}::jsonb)`, updatedAt: now })
    .where(eq(securityEvents.id, eventId));
}

export type AlertOutcome<T> = SelfOutcome<T> | { status: "refused"; detail: string };

/** "This was me": recorded on the event and audited. A "wasn't me" already given is not taken back this way. */
export async function confirmMyAlert(db: Db, ctx: SelfContext, eventId: number): Promise<AlertOutcome<{ answer: AlertAnswer }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const event = await lockMyEvent(tx, ctx, eventId);
    if (!event) return { status: "not_found" };
    if (event.eventType === OWN_REPORT) return { status: "refused", detail: "This is your own report; there is nothing to confirm." };
    const previous = parseResponse(event.details.ownerResponse);
    if (previous?.answer === "was_me") return { status: "unchanged", detail: "You already confirmed this was you." };
    if (previous?.answer === "not_me") {
      return { status: "refused", detail: "You reported this as not you, and operations are looking into it. That report can't be withdrawn here." };
    }
    await recordAnswer(tx, ctx, event.id, "was_me", now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "security_event.owner_confirmed",
        target: { type: "security_event", id: String(event.id) },
        before: { ownerResponse: null },
        after: { ownerResponse: "was_me", eventType: event.eventType },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { answer: "was_me" } };
  });
}

/**
 * "This wasn't me": every session on the account is signed out, this one
 * included (whoever else is in holds a session too, and we cannot tell which),
 * a high-severity event goes to operations, and the owner is told to change
 * their password. One transaction: the report, the sign-outs, the event and
 * the audit entry all happen or none does.
 */
export async function reportMyAlertNotMe(
  db: Db,
  ctx: SelfContext,
  eventId: number,
): Promise<AlertOutcome<{ sessionsSignedOut: number; raisedEventId: number }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const event = await lockMyEvent(tx, ctx, eventId);
    if (!event) return { status: "not_found" };
    if (event.eventType === OWN_REPORT) return { status: "refused", detail: "This is your own report; operations already have it." };
    const previous = parseResponse(event.details.ownerResponse);
    if (previous?.answer === "not_me") {
      return { status: "unchanged", detail: "You already reported this. If you still see activity you don't recognise, change your password and sign out everywhere else." };
    }
    await recordAnswer(tx, ctx, event.id, "not_me", now);
    const revoked = await revokeUserSessions(tx, { ...ctx, now }, {
      userId: ctx.actor.id,
      reason: `Account owner reported security event ${event.id} (${event.eventType}) as not them`,
      action: "session.revoke_all",
    });
    const raisedEventId = await raiseAccountEvent(
      tx,
      ctx,
      "account_compromise_reported",
      { reportedEventId: event.id, reportedEventType: event.eventType, reportedSeverity: event.severity, previousAnswer: previous?.answer ?? null, sessionsSignedOut: revoked.sessions },
      now,
    );
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "security_event.owner_denied",
        target: { type: "security_event", id: String(event.id) },
        before: { ownerResponse: previous?.answer ?? null },
        after: { ownerResponse: "not_me", raisedEventId, sessionsSignedOut: revoked.sessions },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { sessionsSignedOut: revoked.sessions, raisedEventId } };
  });
}

/** Alerts still waiting for the owner's answer: the overview page's badge. */
export async function countMyUnansweredAlerts(db: Db, ownerId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, ownerId), unanswered));
  return row?.n ?? 0;
}
