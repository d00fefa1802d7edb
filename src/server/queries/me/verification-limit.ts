import "server-only";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { mfaVerificationAttempts } from "~/server/db/schema";

/**
 * Wrong codes and passwords on the two-factor page, per account: five in a
 * quarter of an hour and the next try waits. Sign-in has its own lockout;
 * this stops someone holding a session from guessing codes or the password
 * here instead.
 */
export const VERIFICATION_LIMIT = { failures: 5, windowMs: 15 * 60_000 } as const;

const SELF_SERVICE_CONTEXTS = ["enrol", "disable", "backup_regenerate"] as const;
export type SelfServiceMfaContext = (typeof SELF_SERVICE_CONTEXTS)[number];

/**
 * When the owner may try again, or null if they may now. Call it holding the
 * two_factor_auth row lock, so two guesses at once are counted one after the
 * other rather than both slipping under the limit.
 */
export async function verificationBlockedUntil(db: Db, userId: string, now: Date): Promise<Date | null> {
  const failures = await db
    .select({ createdAt: mfaVerificationAttempts.createdAt })
    .from(mfaVerificationAttempts)
    .where(
      and(
        eq(mfaVerificationAttempts.userId, userId),
        eq(mfaVerificationAttempts.success, false),
        inArray(mfaVerificationAttempts.context, [...SELF_SERVICE_CONTEXTS]),
        gt(mfaVerificationAttempts.createdAt, new Date(now.getTime() - VERIFICATION_LIMIT.windowMs)),
      ),
    )
    .orderBy(desc(mfaVerificationAttempts.createdAt))
    .limit(VERIFICATION_LIMIT.failures);
  if (failures.length < VERIFICATION_LIMIT.failures) return null;
  // The limit-th newest failure is the one whose ageing out brings the count under the limit.
  return new Date(failures[failures.length - 1]!.createdAt.getTime() + VERIFICATION_LIMIT.windowMs);
}

export async function recordVerification(
  db: Db,
  attempt: { userId: string; twoFactorId: string | null; context: SelfServiceMfaContext; success: boolean; failureReason?: string; ip: string; userAgent: string | null; now: Date },
) {
  await db.insert(mfaVerificationAttempts).values({
    userId: attempt.userId,
    twoFactorId: attempt.twoFactorId,
    method: "totp",
    context: attempt.context,
    success: attempt.success,
    failureReason: attempt.success ? null : (attempt.failureReason ?? "Did not match"),
    ipAddress: attempt.ip,
    userAgent: attempt.userAgent,
    createdAt: attempt.now,
  });
}
