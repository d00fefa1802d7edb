import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/server/db/client";
import { securityEvents, users } from "~/server/db/schema";
import type { ActionContext } from "./action-context";
import { appendAudit } from "./audit";
import { afterCursor, cursorTime, type Keyset, pageOf } from "./keyset";

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const EVENT_STATUSES = ["open", "acknowledged", "resolved"] as const;

export interface EventFilters {
  severity?: (typeof SEVERITIES)[number][];
  status?: (typeof EVENT_STATUSES)[number][];
  type?: string;
  /** A staff member's id, or "unassigned". */
  assignee?: string;
  userId?: string;
  ip?: string;
  from?: Date;
  to?: Date;
}

const subject = alias(users, "subject");
const assignee = alias(users, "assignee");
const resolver = alias(users, "resolver");

const eventColumns = {
  id: securityEvents.id,
  eventType: securityEvents.eventType,
  severity: securityEvents.severity,
  status: securityEvents.status,
  userId: securityEvents.userId,
  userEmail: subject.email,
  ipAddress: securityEvents.ipAddress,
  userAgent: securityEvents.userAgent,
  details: securityEvents.details,
  assigneeId: securityEvents.assigneeId,
  assigneeEmail: assignee.email,
  acknowledgedAt: securityEvents.acknowledgedAt,
  resolvedAt: securityEvents.resolvedAt,
  resolvedByEmail: resolver.email,
  resolutionNote: securityEvents.resolutionNote,
  createdAt: securityEvents.createdAt,
  updatedAt: securityEvents.updatedAt,
};

function eventsQuery(db: Db) {
  return db
    .select({ ...eventColumns, cursorAt: cursorTime(securityEvents.createdAt) })
    .from(securityEvents)
    .leftJoin(subject, eq(subject.id, securityEvents.userId))
    .leftJoin(assignee, eq(assignee.id, securityEvents.assigneeId))
    .leftJoin(resolver, eq(resolver.id, securityEvents.resolvedBy));
}

/** The events queue: newest first, filtered, keyset-paginated on (created_at, id). */
export async function listEvents(db: Db, filters: EventFilters, page: { cursor?: Keyset; limit: number }) {
  const rows = await eventsQuery(db)
    .where(
      and(
        filters.severity?.length ? inArray(securityEvents.severity, filters.severity) : undefined,
        filters.status?.length ? inArray(securityEvents.status, filters.status) : undefined,
        filters.type ? eq(securityEvents.eventType, filters.type) : undefined,
        filters.assignee === "unassigned" ? isNull(securityEvents.assigneeId) : filters.assignee ? eq(securityEvents.assigneeId, filters.assignee) : undefined,
        filters.userId ? eq(securityEvents.userId, filters.userId) : undefined,
        filters.ip ? sql`${securityEvents.ipAddress} = ${filters.ip}::inet` : undefined,
        filters.from ? gte(securityEvents.createdAt, filters.from) : undefined,
        filters.to ? lt(securityEvents.createdAt, filters.to) : undefined,
        afterCursor(securityEvents.createdAt, securityEvents.id, page.cursor, "bigint"),
      ),
    )
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit);
}

export async function getEvent(db: Db, id: number) {
  const [row] = await eventsQuery(db).where(eq(securityEvents.id, id));
  if (!row) return null;
  const { cursorAt: _c, ...event } = row;
  return event;
}

export async function eventTypes(db: Db) {
  const rows = await db.selectDistinct({ type: securityEvents.eventType }).from(securityEvents).orderBy(securityEvents.eventType).limit(200);
  return rows.map((r) => r.type);
}

export interface BulkOutcome {
  changed: number[];
  unchanged: number[];
  notFound: number[];
}

async function lockEvents(tx: Db, ids: number[]) {
  return tx.select({ id: securityEvents.id, status: securityEvents.status, assigneeId: securityEvents.assigneeId }).from(securityEvents).where(inArray(securityEvents.id, ids)).for("update");
}

/** Open → acknowledged. Events already acknowledged or resolved are left as they are. */
export async function acknowledgeEvents(db: Db, ctx: ActionContext, ids: number[]): Promise<BulkOutcome> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await lockEvents(tx, ids);
    const changed = found.filter((e) => e.status === "open").map((e) => e.id);
    if (changed.length > 0) {
      await tx
        .update(securityEvents)
        .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: ctx.actor.id, assigneeId: sql`coalesce(${securityEvents.assigneeId}, ${ctx.actor.id}::uuid)`, updatedAt: now })
        .where(inArray(securityEvents.id, changed));
      for (const id of changed) {
        await appendAudit(tx, { actor: ctx.actor, action: "event.acknowledge", target: { type: "security_event", id: String(id) }, before: { status: "open" }, after: { status: "acknowledged" }, ipAddress: ctx.info.ip, userAgent: ctx.info.userAgent }, ctx.auditKey, now);
      }
    }
    return outcome(ids, found, changed);
  });
}

/** Gives an event to a staff member (or to nobody). Assigning the current assignee again changes nothing. */
export async function assignEvent(db: Db, ctx: ActionContext, input: { id: number; assigneeId: string | null }): Promise<"assigned" | "unchanged" | "not_found" | "not_staff"> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [event] = await lockEvents(tx, [input.id]);
    if (!event) return "not_found";
    if (input.assigneeId) {
      const [staff] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.assigneeId), or(eq(users.role, "operator"), eq(users.role, "admin")), isNull(users.deletedAt)));
      if (!staff) return "not_staff";
    }
    if (event.assigneeId === input.assigneeId) return "unchanged";
    await tx.update(securityEvents).set({ assigneeId: input.assigneeId, updatedAt: now }).where(eq(securityEvents.id, input.id));
    await appendAudit(tx, { actor: ctx.actor, action: "event.assign", target: { type: "security_event", id: String(input.id) }, before: { assigneeId: event.assigneeId }, after: { assigneeId: input.assigneeId }, ipAddress: ctx.info.ip, userAgent: ctx.info.userAgent }, ctx.auditKey, now);
    return "assigned";
  });
}

/** Resolves events with a note (required: the next person needs to know why). Already-resolved ones keep their note. */
export async function resolveEvents(db: Db, ctx: ActionContext, input: { ids: number[]; note: string }): Promise<BulkOutcome> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await lockEvents(tx, input.ids);
    const changed = found.filter((e) => e.status !== "resolved");
    if (changed.length > 0) {
      await tx
        .update(securityEvents)
        .set({
          status: "resolved",
          resolvedAt: now,
          resolvedBy: ctx.actor.id,
          resolutionNote: input.note,
          acknowledgedAt: sql`coalesce(${securityEvents.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
          acknowledgedBy: sql`coalesce(${securityEvents.acknowledgedBy}, ${ctx.actor.id}::uuid)`,
          updatedAt: now,
        })
        .where(and(inArray(securityEvents.id, changed.map((e) => e.id)), ne(securityEvents.status, "resolved")));
      for (const event of changed) {
        await appendAudit(
          tx,
          { actor: ctx.actor, action: "event.resolve", target: { type: "security_event", id: String(event.id) }, reason: input.note, before: { status: event.status }, after: { status: "resolved", note: input.note }, ipAddress: ctx.info.ip, userAgent: ctx.info.userAgent },
          ctx.auditKey,
          now,
        );
      }
    }
    return outcome(input.ids, found, changed.map((e) => e.id));
  });
}

function outcome(requested: number[], found: { id: number }[], changed: number[]): BulkOutcome {
  const foundIds = new Set(found.map((e) => e.id));
  const changedIds = new Set(changed);
  return {
    changed,
    unchanged: [...foundIds].filter((id) => !changedIds.has(id)),
    notFound: requested.filter((id) => !foundIds.has(id)),
  };
}
