import { eq } from "drizzle-orm";
import type { Role } from "~/lib/roles";
import { createCaller } from "~/server/api/root";
import type { TRPCContext } from "~/server/api/trpc";
import type { AuthPolicy } from "~/server/auth/policy";
import { createConsoleSession, type ResolvedSession } from "~/server/auth/sessions";
import type { Db } from "~/server/db/client";
import { users } from "~/server/db/schema";
import type { Secrets } from "~/server/secrets";

export const TEST_SECRETS: Secrets = {
  authSecret: "test-auth-secret-0123456789abcdef0123456789abcdef",
  encryptionKey: Buffer.alloc(32, 3),
  auditKey: Buffer.alloc(32, 4),
};

export const TEST_POLICY: AuthPolicy = {
  lockout: { threshold: 5, baseMinutes: 1, maxMinutes: 15 },
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  ipFailureLimit: 30,
  ipWindowMs: 15 * 60_000,
};

export const TEST_INFO = { ip: "198.51.100.7", userAgent: "vitest" };

export interface ConsoleUser {
  id: string;
  email: string;
  role: Role;
}

/** One console account per role (plus a second end user, for "someone else's rows" tests). */
export async function createConsoleUsers(db: Db, tag = "t"): Promise<Record<Role, ConsoleUser> & { otherUser: ConsoleUser }> {
  const make = async (role: Role, name: string): Promise<ConsoleUser> => {
    const email = `${name}.${tag}@warden.test`;
    const [row] = await db.insert(users).values({ email, role, displayName: name }).returning({ id: users.id });
    return { id: row!.id, email, role };
  };
  return {
    admin: await make("admin", "admin"),
    operator: await make("operator", "operator"),
    compliance: await make("compliance", "compliance"),
    user: await make("user", "user"),
    otherUser: await make("user", "other"),
  };
}

/** A real console session for `user` (so "keep my own session" logic has a row to keep). */
export async function sessionFor(db: Db, user: ConsoleUser, now = new Date()): Promise<ResolvedSession> {
  const { sessionId } = await createConsoleSession(db, { userId: user.id, deviceId: null, deviceName: "vitest", mfaVerified: false, info: TEST_INFO, policy: TEST_POLICY, now });
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, user.id));
  return {
    sessionId,
    user: { id: user.id, email: user.email, displayName: row?.displayName ?? null, role: user.role },
    mfaVerified: false,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + TEST_POLICY.sessionMaxMs),
  };
}

export function contextFor(db: Db, session: ResolvedSession | null): TRPCContext {
  return { db, session, info: TEST_INFO, policy: TEST_POLICY, secrets: () => TEST_SECRETS };
}

/** The whole router, called in-process as `user` (or anonymously), exactly as the route handler would. */
export async function callerAs(db: Db, user: ConsoleUser | null) {
  return createCaller(contextFor(db, user ? await sessionFor(db, user) : null));
}
