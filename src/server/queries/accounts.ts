import "server-only";
import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Role } from "~/lib/roles";
import { randomToken, sha256Hex } from "~/server/crypto/tokens";
import type { Db } from "~/server/db/client";
import { accountRecovery, apiKeys, securityEvents, sessions, twoFactorAuth, users } from "~/server/db/schema";
import type { ActionContext } from "./action-context";
import { appendAudit } from "./audit";
import { previewUserSessionRevocation, revokeUserSessions } from "./sessions";

/** A lock with no end is stored as the far future: locked_until stays a plain timestamp. */
export const LOCKED_INDEFINITELY = new Date("9999-12-31T23:59:59.000Z");
const RESET_TOKEN_LIFETIME_MS = 24 * 3_600_000;

export type AccountActionResult = { status: "done" | "unchanged" | "not_found"; detail?: string; sessionsRevoked?: number };

function audit(ctx: ActionContext, tx: Db, entry: Omit<Parameters<typeof appendAudit>[1], "actor" | "ipAddress" | "userAgent">, now: Date) {
  return appendAudit(tx, { ...entry, actor: ctx.actor, ipAddress: ctx.info.ip, userAgent: ctx.info.userAgent }, ctx.auditKey, now);
}

async function lockUserRow(tx: Db, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  return user;
}

/** Locks an account until a time (or until unlocked). Its sessions stop working on their next request. */
export async function lockAccount(db: Db, ctx: ActionContext, input: { userId: string; reason: string; until: Date | null }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  const until = input.until ?? LOCKED_INDEFINITELY;
  return db.transaction(async (tx) => {
    const user = await lockUserRow(tx, input.userId);
    if (!user) return { status: "not_found" };
    if (user.lockedUntil && user.lockedUntil.getTime() === until.getTime() && user.lockReason === input.reason) return { status: "unchanged", detail: "Already locked with that reason and end time." };
    await tx.update(users).set({ lockedUntil: until, lockReason: input.reason, updatedAt: now }).where(eq(users.id, user.id));
    await tx.insert(securityEvents).values({
      eventType: "account_locked",
      severity: "medium",
      status: "acknowledged",
      userId: user.id,
      details: { by: ctx.actor.email, reason: input.reason, lockedUntil: input.until?.toISOString() ?? null },
      acknowledgedAt: now,
      acknowledgedBy: ctx.actor.id,
      assigneeId: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await audit(ctx, tx, { action: "account.lock", target: { type: "user", id: user.id }, reason: input.reason, before: { lockedUntil: user.lockedUntil, lockReason: user.lockReason }, after: { lockedUntil: input.until, indefinite: input.until === null, lockReason: input.reason } }, now);
    return { status: "done" };
  });
}

/** Clears the lock and the failure counter. Unlocking an unlocked account changes nothing. */
export async function unlockAccount(db: Db, ctx: ActionContext, input: { userId: string; reason: string | null }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const user = await lockUserRow(tx, input.userId);
    if (!user) return { status: "not_found" };
    const locked = !!user.lockedUntil && user.lockedUntil > now;
    if (!locked && !user.lockedUntil && user.failedLoginCount === 0) return { status: "unchanged", detail: "The account is not locked." };
    await tx.update(users).set({ lockedUntil: null, lockReason: null, failedLoginCount: 0, updatedAt: now }).where(eq(users.id, user.id));
    await audit(ctx, tx, { action: "account.unlock", target: { type: "user", id: user.id }, reason: input.reason, before: { lockedUntil: user.lockedUntil, lockReason: user.lockReason, failedLoginCount: user.failedLoginCount }, after: { lockedUntil: null, failedLoginCount: 0 } }, now);
    return { status: "done" };
  });
}

/**
 * Forces a password reset: a one-time reset token (only its hash is kept;
 * the application's mailer delivers the link) and every session signed out.
 */
export async function forcePasswordReset(db: Db, ctx: ActionContext, input: { userId: string; reason: string }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const user = await lockUserRow(tx, input.userId);
    if (!user) return { status: "not_found" };
    const [pending] = await tx
      .select({ id: accountRecovery.id })
      .from(accountRecovery)
      .where(and(eq(accountRecovery.userId, user.id), eq(accountRecovery.recoveryType, "password_reset"), eq(accountRecovery.status, "pending"), gt(accountRecovery.expiresAt, now), sql`${accountRecovery.initiatedBy} IS NOT NULL`));
    const revoked = await revokeUserSessions(tx, { ...ctx, now }, { userId: user.id, reason: `Password reset forced: ${input.reason}`, action: "session.revoke_all" });
    if (pending && revoked.sessions === 0) return { status: "unchanged", detail: "A forced reset is already pending and no sessions are active." };
    let recoveryId = pending?.id;
    if (!pending) {
      const [row] = await tx
        .insert(accountRecovery)
        .values({ userId: user.id, recoveryType: "password_reset", tokenHash: sha256Hex(randomToken(32)), initiatedBy: ctx.actor.id, requestedIp: ctx.info.ip, userAgent: ctx.info.userAgent, expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS), createdAt: now })
        .returning({ id: accountRecovery.id });
      recoveryId = row!.id;
    }
    await audit(ctx, tx, { action: "account.force_password_reset", target: { type: "user", id: user.id }, reason: input.reason, after: { recoveryId, sessionsRevoked: revoked.sessions, tokenFamiliesRevoked: revoked.tokenFamilies } }, now);
    return { status: "done", sessionsRevoked: revoked.sessions };
  });
}

/** Removes every second factor (and its backup codes): the owner must enrol again. */
export async function resetTwoFactor(db: Db, ctx: ActionContext, input: { userId: string; reason: string }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const user = await lockUserRow(tx, input.userId);
    if (!user) return { status: "not_found" };
    const removed = await tx.delete(twoFactorAuth).where(eq(twoFactorAuth.userId, user.id)).returning({ method: twoFactorAuth.method, enabled: twoFactorAuth.enabled });
    if (removed.length === 0) return { status: "unchanged", detail: "The account has no second factor." };
    await tx.insert(securityEvents).values({ eventType: "mfa_reset", severity: "medium", status: "acknowledged", userId: user.id, details: { by: ctx.actor.email, reason: input.reason, methods: removed.map((r) => r.method) }, acknowledgedAt: now, acknowledgedBy: ctx.actor.id, assigneeId: ctx.actor.id, createdAt: now, updatedAt: now });
    await audit(ctx, tx, { action: "account.reset_2fa", target: { type: "user", id: user.id }, reason: input.reason, before: { factors: removed }, after: { factors: [] } }, now);
    return { status: "done" };
  });
}

export async function revokeApiKey(db: Db, ctx: ActionContext, input: { apiKeyId: string; reason: string }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, input.apiKeyId)).for("update");
    if (!key) return { status: "not_found" };
    if (key.revokedAt) return { status: "unchanged", detail: "The key was already revoked." };
    await tx.update(apiKeys).set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: input.reason }).where(eq(apiKeys.id, key.id));
    await audit(ctx, tx, { action: "api_key.revoke", target: { type: "api_key", id: key.id }, reason: input.reason, before: { revokedAt: null, owner: key.userId, prefix: key.keyPrefix }, after: { revokedAt: now } }, now);
    return { status: "done" };
  });
}

/** Changes a console role. The last administrator cannot be demoted, so the console always has one. */
export async function setRole(db: Db, ctx: ActionContext, input: { userId: string; role: Role; reason: string }): Promise<AccountActionResult> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    // Serialise role changes, so two admins demoting each other cannot leave none.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('warden.role_change'))`);
    const user = await lockUserRow(tx, input.userId);
    if (!user || user.deletedAt) return { status: "not_found" };
    if (user.role === input.role) return { status: "unchanged", detail: `Already ${input.role}.` };
    if (user.role === "admin") {
      const [{ admins }] = (await tx.select({ admins: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.deletedAt), ne(users.id, user.id)))) as [{ admins: number }];
      if (admins === 0) return { status: "unchanged", detail: "This is the last administrator; make someone else an administrator first." };
    }
    await tx.update(users).set({ role: input.role, updatedAt: now }).where(eq(users.id, user.id));
    // A new role takes effect on the next request anyway; ending console sessions makes the change unmistakable.
    await tx.update(sessions).set({ revokedAt: now, revokedBy: ctx.actor.id, revokeReason: `Role changed to ${input.role}` }).where(and(eq(sessions.userId, user.id), eq(sessions.source, "console"), isNull(sessions.revokedAt), ne(sessions.userId, ctx.actor.id)));
    await audit(ctx, tx, { action: "role.change", target: { type: "user", id: user.id }, reason: input.reason, before: { role: user.role }, after: { role: input.role } }, now);
    return { status: "done" };
  });
}

/** What an action on this account would touch, in numbers, for the confirmation dialog. */
export async function accountImpact(db: Db, userId: string, exceptSessionId: string | null, now = new Date()) {
  const [user] = await db.select({ id: users.id, email: users.email, lockedUntil: users.lockedUntil, failedLoginCount: users.failedLoginCount, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [revocation, factors, keys] = await Promise.all([
    previewUserSessionRevocation(db, { userId, exceptSessionId, now }),
    db.select({ method: twoFactorAuth.method, backupCodes: sql<number>`cardinality(${twoFactorAuth.backupCodeHashes})::int` }).from(twoFactorAuth).where(eq(twoFactorAuth.userId, userId)),
    db.select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt))),
  ]);
  return {
    email: user.email,
    role: user.role,
    lockedNow: !!user.lockedUntil && user.lockedUntil > now,
    failedLoginCount: user.failedLoginCount,
    activeSessions: revocation.sessions,
    liveTokenFamilies: revocation.tokenFamilies,
    secondFactors: factors,
    liveApiKeys: keys[0]?.n ?? 0,
  };
}
