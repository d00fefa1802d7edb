import "server-only";
import { and, desc, eq, gt, gte, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { loginAttempts, sessions, users } from "~/server/db/schema";
import { countMyUnansweredAlerts } from "./alerts";
import type { SelfContext } from "./context";
import { describeDevice } from "./device-label";
import { countMyDevices } from "./devices";
import { myTwoFactorStatus } from "./two-factor";

const WEEK_MS = 7 * 86_400_000;

function withDevice<T extends { userAgent: string | null }>({ userAgent, ...attempt }: T) {
  return { ...attempt, device: describeDevice(userAgent).label };
}

/**
 * The account page's summary: how many places the owner is signed in, their
 * second factor, alerts waiting for an answer, the sign-in before this one
 * (the question "was that me?" starts there) and failures in the last week.
 */
export async function myAccountOverview(db: Db, ctx: SelfContext) {
  const now = ctx.now ?? new Date();
  const owner = ctx.actor.id;
  const [[current], [user], [active], devices, twoFactor, unansweredAlerts, [failures]] = await Promise.all([
    db.select({ createdAt: sessions.createdAt }).from(sessions).where(and(eq(sessions.id, ctx.sessionId), eq(sessions.userId, owner))),
    db.select({ passwordChangedAt: users.passwordChangedAt, createdAt: users.createdAt }).from(users).where(eq(users.id, owner)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(eq(sessions.userId, owner), isNull(sessions.revokedAt), gt(sessions.expiresAt, now))),
    countMyDevices(db, ctx),
    myTwoFactorStatus(db, owner),
    countMyUnansweredAlerts(db, owner),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.userId, owner), ne(loginAttempts.attemptResult, "success"), gte(loginAttempts.createdAt, new Date(now.getTime() - WEEK_MS)))),
  ]);
  const [previous] = await db
    .select({ createdAt: loginAttempts.createdAt, ipAddress: loginAttempts.ipAddress, userAgent: loginAttempts.userAgent, city: loginAttempts.city, countryCode: loginAttempts.countryCode })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.userId, owner), eq(loginAttempts.attemptResult, "success"), lt(loginAttempts.createdAt, current?.createdAt ?? now)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1);
  return {
    activeSessions: active?.n ?? 0,
    devices,
    twoFactor: { enabled: twoFactor.enabled, backupCodesRemaining: twoFactor.backupCodesRemaining },
    unansweredAlerts,
    failedSignInsThisWeek: failures?.n ?? 0,
    passwordChangedAt: user?.passwordChangedAt ?? null,
    previousSignIn: previous ? withDevice(previous) : null,
  };
}
