import "server-only";
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { refreshTokens, sessionAudits, sessions } from "~/server/db/schema";
import type { ActionContext } from "./action-context";
import { appendAudit } from "./audit";

// The one implementation of ending sessions and token families. Staff actions
// (revoke a user's sessions) and self-service (sign out that other device)
// both call these, each passing the scope it is allowed to touch.

type SessionScope = { userId?: string };

export interface RevokeSessionResult {
  status: "revoked" | "already_revoked" | "not_found";
  sessionId: string;
  userId?: string;
}

/**
 * Revokes one session and the refresh tokens issued under it, with its audit
 * entry, in one transaction. `scope.userId` restricts the lookup to one
 * person's sessions: another user's session id then reads as not found.
 */
export async function revokeSession(
  db: Db,
  ctx: ActionContext,
  input: { sessionId: string; reason: string } & SessionScope,
): Promise<RevokeSessionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: sessions.id, userId: sessions.userId, revokedAt: sessions.revokedAt, ipAddress: sessions.ipAddress, deviceName: sessions.deviceName })
      .from(sessions)
      .where(and(eq(sessions.id, input.sessionId), input.userId ? eq(sessions.userId, input.userId) : undefined))
      .for("update");
    if (!row) return { status: "not_found", sessionId: input.sessionId };
    if (row.revokedAt) return { status: "already_revoked", sessionId: row.id, userId: row.userId };

    await tx.update(sessions).set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: input.reason }).where(eq(sessions.id, row.id));
    const tokens = await tx
      .update(refreshTokens)
      .set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: `Session revoked: ${input.reason}` })
      .where(and(eq(refreshTokens.sessionId, row.id), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    await tx.insert(sessionAudits).values({
      sessionId: row.id,
      userId: row.userId,
      action: "revoked",
      ipAddress: ctx.info.ip,
      userAgent: ctx.info.userAgent,
      details: { by: ctx.actor.id, reason: input.reason },
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "session.revoke",
        target: { type: "session", id: row.id },
        reason: input.reason,
        before: { revokedAt: null, userId: row.userId, device: row.deviceName, ip: row.ipAddress },
        after: { revokedAt: now, refreshTokensRevoked: tokens.length },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "revoked", sessionId: row.id, userId: row.userId };
  });
}

/** Which of a user's sessions a bulk revoke touches: all active ones, optionally only one device's, optionally keeping one. */
type BulkScope = { userId: string; exceptSessionId?: string | null; deviceId?: string | null };

function activeSessionsOf(scope: BulkScope, now: Date) {
  return and(
    eq(sessions.userId, scope.userId),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
    scope.exceptSessionId ? ne(sessions.id, scope.exceptSessionId) : undefined,
    scope.deviceId ? eq(sessions.deviceId, scope.deviceId) : undefined,
  );
}

/** The sessions and token families a revoke-all would end: shown to the person before they confirm. */
export async function previewUserSessionRevocation(db: Db, input: BulkScope & { now?: Date }) {
  const now = input.now ?? new Date();
  const active = activeSessionsOf(input, now);
  const [counts] = await db
    .select({
      sessions: sql<number>`count(DISTINCT ${sessions.id})::int`,
      families: sql<number>`count(DISTINCT ${refreshTokens.familyId}) FILTER (WHERE ${refreshTokens.revokedAt} IS NULL)::int`,
    })
    .from(sessions)
    .leftJoin(refreshTokens, eq(refreshTokens.sessionId, sessions.id))
    .where(active);
  return { sessions: counts?.sessions ?? 0, tokenFamilies: counts?.families ?? 0 };
}

/**
 * Revokes every active session of one user (optionally keeping one, the
 * caller's own, or only those on one device) and their refresh tokens, as one
 * audited action. Nothing to revoke is not an error: it changes nothing and
 * writes nothing. Called with a transaction, it joins it.
 */
export async function revokeUserSessions(
  db: Db,
  ctx: ActionContext,
  input: BulkScope & { reason: string; action?: string },
): Promise<{ sessions: number; tokenFamilies: number }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const targets = await tx.select({ id: sessions.id }).from(sessions).where(activeSessionsOf(input, now)).for("update");
    if (targets.length === 0) return { sessions: 0, tokenFamilies: 0 };
    const ids = targets.map((s) => s.id);
    await tx.update(sessions).set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: input.reason }).where(inArray(sessions.id, ids));
    const tokens = await tx
      .update(refreshTokens)
      .set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: `Session revoked: ${input.reason}` })
      .where(and(inArray(refreshTokens.sessionId, ids), isNull(refreshTokens.revokedAt)))
      .returning({ familyId: refreshTokens.familyId });
    const tokenFamilies = new Set(tokens.map((t) => t.familyId)).size;
    await tx.insert(sessionAudits).values(
      ids.map((sessionId) => ({
        sessionId,
        userId: input.userId,
        action: "revoked" as const,
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
        details: { by: ctx.actor.id, reason: input.reason, bulk: true },
        createdAt: now,
      })),
    );
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: input.action ?? "session.revoke_all",
        target: { type: "user", id: input.userId },
        reason: input.reason,
        before: { activeSessions: ids.length },
        after: { revokedSessions: ids, tokenFamiliesRevoked: tokenFamilies, keptSession: input.exceptSessionId ?? null, ...(input.deviceId ? { device: input.deviceId } : {}) },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { sessions: ids.length, tokenFamilies };
  });
}

export interface RevokeFamilyResult {
  status: "revoked" | "already_revoked" | "not_found";
  tokens: number;
}

/** Revokes every token of one refresh-token family; the family's session stays (revoke it separately). */
export async function revokeRefreshFamily(
  db: Db,
  ctx: ActionContext,
  input: { familyId: string; reason: string } & SessionScope,
): Promise<RevokeFamilyResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const tokens = await tx
      .select({ id: refreshTokens.id, userId: refreshTokens.userId, revokedAt: refreshTokens.revokedAt })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.familyId, input.familyId), input.userId ? eq(refreshTokens.userId, input.userId) : undefined))
      .for("update");
    if (tokens.length === 0) return { status: "not_found", tokens: 0 };
    const live = tokens.filter((t) => !t.revokedAt).map((t) => t.id);
    if (live.length === 0) return { status: "already_revoked", tokens: 0 };
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: input.reason })
      .where(inArray(refreshTokens.id, live));
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "token_family.revoke",
        target: { type: "token_family", id: input.familyId },
        reason: input.reason,
        before: { liveTokens: live.length, userId: tokens[0]!.userId },
        after: { revokedAt: now },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "revoked", tokens: live.length };
  });
}
