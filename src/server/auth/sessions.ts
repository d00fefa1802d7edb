import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Role } from "~/lib/roles";
import { randomToken, sha256Hex } from "~/server/crypto/tokens";
import type { Db } from "~/server/db/client";
import { refreshTokens, sessionAudits, sessions, users } from "~/server/db/schema";
import { appendAudit } from "~/server/queries/audit";
import type { AuthPolicy } from "./policy";
import type { RequestInfo } from "./request-info";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
}

export interface ResolvedSession {
  sessionId: string;
  user: SessionUser;
  mfaVerified: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** How often a busy session's last_seen_at is written: idle timeouts are in minutes, not seconds. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createConsoleSession(
  db: Db,
  input: { userId: string; deviceId: string | null; deviceName: string | null; mfaVerified: boolean; info: RequestInfo; policy: AuthPolicy; now: Date },
): Promise<{ token: string; sessionId: string }> {
  // 256 bits; only the digest is stored, so a database leak holds no usable session.
  const token = randomToken(32);
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      tokenHash: sha256Hex(token),
      source: "console",
      deviceId: input.deviceId,
      deviceName: input.deviceName,
      ipAddress: input.info.ip,
      userAgent: input.info.userAgent,
      mfaVerified: input.mfaVerified,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.policy.sessionMaxMs),
    })
    .returning({ id: sessions.id });
  await db.insert(sessionAudits).values({
    sessionId: row!.id,
    userId: input.userId,
    action: "created",
    ipAddress: input.info.ip,
    userAgent: input.info.userAgent,
    details: { source: "console", mfaVerified: input.mfaVerified },
    createdAt: input.now,
  });
  return { token, sessionId: row!.id };
}

/**
 * Looks the bearer token up and decides, on every request, whether it still
 * opens the console: not revoked, within its absolute lifetime and its idle
 * timeout, and its user active, not deleted and not locked. A session found
 * expired is revoked there and then, so it shows as ended everywhere.
 */
export async function resolveConsoleSession(db: Db, token: string, policy: AuthPolicy, now = new Date()): Promise<ResolvedSession | null> {
  if (!token || token.length > 128) return null;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      mfaVerified: sessions.mfaVerified,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      deletedAt: users.deletedAt,
      lockedUntil: users.lockedUntil,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256Hex(token)))
    .limit(1);
  if (!row || row.revokedAt) return null;

  const expiredBy =
    row.expiresAt <= now ? "Session lifetime ended" : now.getTime() - row.lastSeenAt.getTime() > policy.sessionIdleMs ? "Idle timeout" : null;
  if (expiredBy) {
    await expireSession(db, row.sessionId, row.userId, expiredBy, now);
    return null;
  }
  if (row.status !== "active" || row.deletedAt || (row.lockedUntil && row.lockedUntil > now)) return null;

  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS))));
  }
  return {
    sessionId: row.sessionId,
    user: { id: row.userId, email: row.email, displayName: row.displayName, role: row.role },
    mfaVerified: row.mfaVerified,
    createdAt: row.createdAt,
    lastSeenAt: now,
    expiresAt: row.expiresAt,
  };
}

async function expireSession(db: Db, sessionId: string, userId: string, reason: string, now: Date) {
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now, revokeReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (ended.length > 0) {
      await tx.insert(sessionAudits).values({ sessionId, userId, action: "expired", details: { reason }, createdAt: now });
    }
  });
}

/** Sign-out: the row is revoked, so the cookie is worthless even if the browser keeps it. */
export async function signOutConsoleSession(
  db: Db,
  which: { sessionId: string } | { token: string },
  info: RequestInfo,
  auditKey: Buffer,
  now = new Date(),
) {
  const match = "token" in which ? eq(sessions.tokenHash, sha256Hex(which.token)) : eq(sessions.id, which.sessionId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: now, revokeReason: "Signed out", revokedBy: sql`${sessions.userId}` })
      .where(and(match, isNull(sessions.revokedAt)))
      .returning({ id: sessions.id, userId: sessions.userId });
    if (!row) return;
    await tx.update(refreshTokens).set({ revokedAt: now, revokeReason: "Session signed out" }).where(and(eq(refreshTokens.sessionId, row.id), isNull(refreshTokens.revokedAt)));
    await tx.insert(sessionAudits).values({ sessionId: row.id, userId: row.userId, action: "signed_out", ipAddress: info.ip, userAgent: info.userAgent, details: {}, createdAt: now });
    const [user] = await tx.select({ email: users.email, role: users.role }).from(users).where(eq(users.id, row.userId));
    await appendAudit(
      tx,
      { actor: { id: row.userId, email: user?.email, role: user?.role }, action: "auth.sign_out", target: { type: "session", id: row.id }, ipAddress: info.ip, userAgent: info.userAgent },
      auditKey,
      now,
    );
  });
}
