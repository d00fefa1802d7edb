import "server-only";
import { and, count, desc, eq, gt } from "drizzle-orm";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { checkPasswordStrength, PASSWORD_RULES, type PasswordRefusal } from "~/server/auth/password-policy";
import type { Db } from "~/server/db/client";
import { auditLogs, passwordHistory, users } from "~/server/db/schema";
import { appendAudit } from "../audit";
import { revokeUserSessions } from "../sessions";
import { raiseAccountEvent } from "./account-events";
import type { SelfContext } from "./context";
import { VERIFICATION_LIMIT } from "./verification-limit";

export type ChangePasswordOutcome =
  | { status: "done"; result: { sessionsSignedOut: number } }
  | { status: "wrong_password" }
  | { status: "throttled"; retryAt: Date }
  | { status: "refused"; refusal: PasswordRefusal }
  | { status: "conflict" };

const FAILED_ACTION = "account.password_change_failed";

/**
 * Wrong current passwords are written to the audit trail (a refused attempt
 * is worth a tamper-evident record) and counted from there: the same five in
 * fifteen minutes as the two-factor page, so a borrowed session cannot be
 * used to guess the password either.
 */
async function passwordChangeBlockedUntil(db: Db, ownerId: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - VERIFICATION_LIMIT.windowMs);
  const failures = await db
    .select({ createdAt: auditLogs.createdAt })
    .from(auditLogs)
    .where(and(eq(auditLogs.actorId, ownerId), eq(auditLogs.action, FAILED_ACTION), gt(auditLogs.createdAt, since)))
    .orderBy(desc(auditLogs.createdAt))
    .limit(VERIFICATION_LIMIT.failures);
  if (failures.length < VERIFICATION_LIMIT.failures) return null;
  return new Date(failures[failures.length - 1]!.createdAt.getTime() + VERIFICATION_LIMIT.windowMs);
}

/** Whether `candidate` is the current password or one of the last few: each is a full argon2/bcrypt verification. */
async function reuseOf(db: Db, ownerId: string, currentHash: string, candidate: string): Promise<PasswordRefusal | null> {
  if ((await verifyPassword(currentHash, candidate)).ok) {
    return { code: "current", message: "That is your current password. Choose a new one.", suggestions: [] };
  }
  const recent = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, ownerId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_RULES.historyDepth);
  for (const { hash } of recent) {
    // The newest history row is the current password, already checked above.
    if (hash !== currentHash && (await verifyPassword(hash, candidate)).ok) {
      return {
        code: "reused",
        message: `You have used that password before. Choose one that isn't among your last ${PASSWORD_RULES.historyDepth}.`,
        suggestions: [],
      };
    }
  }
  return null;
}

/**
 * Changes the owner's password: the current one first, then strength, then
 * reuse. The slow hashing happens before the transaction; inside it, the
 * user row is locked and the hash compared with the one verified, so two
 * changes at once cannot both win. A change signs every other session out
 * and raises an event the owner (and operations) can see.
 */
export async function changeMyPassword(db: Db, ctx: SelfContext, input: { currentPassword: string; newPassword: string }): Promise<ChangePasswordOutcome> {
  const now = ctx.now ?? new Date();
  const blockedUntil = await passwordChangeBlockedUntil(db, ctx.actor.id, now);
  if (blockedUntil) return { status: "throttled", retryAt: blockedUntil };

  const [user] = await db
    .select({ passwordHash: users.passwordHash, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, ctx.actor.id));
  const verified = user?.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : { ok: false };
  if (!user?.passwordHash || !verified.ok) {
    await appendAudit(
      db,
      {
        actor: ctx.actor,
        action: FAILED_ACTION,
        target: { type: "user", id: ctx.actor.id },
        reason: "Current password did not match",
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "wrong_password" };
  }

  const strength = checkPasswordStrength(input.newPassword, [user.email, user.displayName]);
  if (!strength.ok) return { status: "refused", refusal: strength.refusal };
  const reused = await reuseOf(db, ctx.actor.id, user.passwordHash, input.newPassword);
  if (reused) return { status: "refused", refusal: reused };
  const newHash = await hashPassword(input.newPassword);

  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.id)).for("update");
    if (locked?.passwordHash !== user.passwordHash) return { status: "conflict" } as const;
    const [{ previous }] = (await tx.select({ previous: count() }).from(passwordHistory).where(eq(passwordHistory.userId, ctx.actor.id))) as [{ previous: number }];
    await tx.update(users).set({ passwordHash: newHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, ctx.actor.id));
    // History holds every password set here, newest first; the reuse check reads its top rows.
    await tx.insert(passwordHistory).values({ userId: ctx.actor.id, passwordHash: newHash, createdAt: now });
    const revoked = await revokeUserSessions(tx, { ...ctx, now }, {
      userId: ctx.actor.id,
      exceptSessionId: ctx.sessionId,
      reason: "Password changed by the account owner",
      action: "session.revoke_others",
    });
    await raiseAccountEvent(tx, ctx, "password_changed", { sessionsSignedOut: revoked.sessions }, now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "account.password_change",
        target: { type: "user", id: ctx.actor.id },
        // Never a hash in the audit trail: only that it changed, and what followed.
        before: { passwordsInHistory: previous },
        after: { passwordChangedAt: now, sessionsSignedOut: revoked.sessions, strengthScore: strength.score },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { sessionsSignedOut: revoked.sessions } } as const;
  });
}
