import "server-only";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { sessions } from "~/server/db/schema";
import { previewUserSessionRevocation, revokeSession, revokeUserSessions } from "../sessions";
import type { SelfContext, SelfOutcome } from "./context";
import { describeDevice } from "./device-label";
import { afterCursor, cursorTime, type Keyset, pageOf } from "../keyset";

const columns = {
  id: sessions.id,
  source: sessions.source,
  deviceId: sessions.deviceId,
  deviceName: sessions.deviceName,
  userAgent: sessions.userAgent,
  ipAddress: sessions.ipAddress,
  countryCode: sessions.countryCode,
  city: sessions.city,
  mfaVerified: sessions.mfaVerified,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  cursorAt: cursorTime(sessions.createdAt),
};

type SessionRow = Omit<Awaited<ReturnType<typeof selectSessions>>[number], "cursorAt"> & { cursorAt?: string };

function selectSessions(db: Db) {
  return db.select(columns).from(sessions);
}

/** The device as a person names it, and whether this is the session asking; the raw user agent and cursor stay here. */
function present(row: SessionRow, currentSessionId: string) {
  const { userAgent, deviceName, cursorAt: _cursorAt, ...rest } = row;
  return { ...rest, device: describeDevice(userAgent, deviceName), current: row.id === currentSessionId };
}

/**
 * The owner's sessions that still open something: not revoked and within
 * their lifetime (the same test the revoke-all preview counts with, so the
 * list and the confirmation agree). The caller's own session comes first and
 * apart; the others are paged newest first.
 */
export async function listMySessions(db: Db, ctx: SelfContext, page: { cursor?: Keyset; limit: number }) {
  const now = ctx.now ?? new Date();
  const live = and(eq(sessions.userId, ctx.actor.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now));
  const [current] = page.cursor ? [] : await selectSessions(db).where(and(eq(sessions.id, ctx.sessionId), eq(sessions.userId, ctx.actor.id)));
  const rows = await selectSessions(db)
    .where(and(live, ne(sessions.id, ctx.sessionId), afterCursor(sessions.createdAt, sessions.id, page.cursor, "uuid")))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit);
  return {
    current: current ? present(current, ctx.sessionId) : null,
    items: items.map((row) => present(row, ctx.sessionId)),
    nextCursor,
  };
}

/** What "sign out everywhere else" would end, for the confirmation. */
export function previewSignOutOthers(db: Db, ctx: SelfContext) {
  return previewUserSessionRevocation(db, { userId: ctx.actor.id, exceptSessionId: ctx.sessionId, now: ctx.now });
}

export type SignOutSessionOutcome = SelfOutcome<{ sessionId: string }> | { status: "is_current" };

/**
 * Signs one of the owner's other sessions out, through the shared revoke (so
 * its refresh tokens go too, with the audit entry). Another person's session
 * id reads as not found, exactly like an id that does not exist.
 */
export async function signOutMySession(db: Db, ctx: SelfContext, sessionId: string): Promise<SignOutSessionOutcome> {
  if (sessionId === ctx.sessionId) return { status: "is_current" };
  const result = await revokeSession(db, ctx, { sessionId, userId: ctx.actor.id, reason: "Signed out by the account owner from their sessions page" });
  if (result.status === "not_found") return { status: "not_found" };
  if (result.status === "already_revoked") return { status: "unchanged", detail: "That session had already ended." };
  return { status: "done", result: { sessionId: result.sessionId } };
}

/** Every session but the caller's own, as one audited action. */
export function signOutMyOtherSessions(db: Db, ctx: SelfContext) {
  return revokeUserSessions(db, ctx, {
    userId: ctx.actor.id,
    exceptSessionId: ctx.sessionId,
    reason: "Signed out everywhere else by the account owner",
    action: "session.revoke_others",
  });
}
