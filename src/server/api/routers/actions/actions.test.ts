import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encrypt } from "~/server/crypto/encryption";
import { queryRows } from "~/server/db/rows";
import { accountRecovery, apiKeys, sessions, twoFactorAuth, users } from "~/server/db/schema";
import { verifyAuditChain } from "~/server/queries/audit";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { breakAuditInserts, insertRefreshFamily, insertSession } from "~/test/factories";
import { callerAs, type ConsoleUser, createConsoleUsers, TEST_SECRETS } from "~/test/trpc";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;
let op: Awaited<ReturnType<typeof callerAs>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "actions");
  op = await callerAs(t.db, people.operator);
});
afterAll(async () => {
  await t?.close();
});

async function newUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<ConsoleUser> {
  const email = `target-${Math.random().toString(36).slice(2)}@example.com`;
  const [row] = await t.db.insert(users).values({ email, role: "user", ...overrides }).returning({ id: users.id });
  return { id: row!.id, email, role: "user" };
}

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : `THREW ${String(e)}`));
const auditActions = async (targetId: string) =>
  (await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_logs WHERE target_id = ${targetId} ORDER BY seq`)).map((r) => r.action);

describe("staff actions", () => {
  it("revoke all of a user's sessions after showing what it will touch, keeping nobody else's", async () => {
    const target = await newUser();
    const a = await insertSession(t.db, target.id);
    await insertSession(t.db, target.id);
    await insertRefreshFamily(t.db, target.id, a.id);
    const bystander = await insertSession(t.db, people.otherUser.id);
    expect(await op.actions.impact({ userId: target.id })).toMatchObject({ activeSessions: 2, liveTokenFamilies: 1 });
    expect(await op.actions.revokeAllSessions({ userId: target.id, reason: "Credential stuffing victim" })).toMatchObject({ status: "done", sessions: 2, tokenFamilies: 1 });
    expect(await op.actions.revokeAllSessions({ userId: target.id, reason: "again" })).toMatchObject({ status: "unchanged", sessions: 0 });
    const [other] = await t.db.select().from(sessions).where(eq(sessions.id, bystander.id));
    expect(other!.revokedAt).toBeNull();
    expect(await auditActions(target.id)).toEqual(["session.revoke_all"]);
  });

  it("keeps the caller's own session when they revoke their own others", async () => {
    const caller = await callerAs(t.db, people.admin);
    await insertSession(t.db, people.admin.id);
    const before = await t.db.select().from(sessions).where(and(eq(sessions.userId, people.admin.id), sql`${sessions.revokedAt} IS NULL`));
    const result = await caller.actions.revokeAllSessions({ userId: people.admin.id, keepMine: true, reason: "Tidying up" });
    expect(result.sessions).toBe(before.length - 1);
    expect(await caller.auth.session()).not.toBeNull();
  });

  it("lock with a reason and an end, then unlock; each twice is harmless", async () => {
    const target = await newUser({ failedLoginCount: 3 });
    const until = new Date(Date.now() + 3_600_000);
    expect(await op.actions.lockAccount({ userId: target.id, reason: "Chargeback investigation", until })).toMatchObject({ status: "done" });
    expect(await op.actions.lockAccount({ userId: target.id, reason: "Chargeback investigation", until })).toMatchObject({ status: "unchanged" });
    let [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.lockedUntil).toEqual(until);
    expect(row!.lockReason).toBe("Chargeback investigation");
    expect(await op.actions.unlockAccount({ userId: target.id, reason: "Owner verified" })).toMatchObject({ status: "done" });
    expect(await op.actions.unlockAccount({ userId: target.id })).toMatchObject({ status: "unchanged" });
    [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ lockedUntil: null, lockReason: null, failedLoginCount: 0 });
    expect(await auditActions(target.id)).toEqual(["account.lock", "account.unlock"]);
  });

  it("locks until unlocked when no end is given, and refuses an end in the past", async () => {
    const target = await newUser();
    await op.actions.lockAccount({ userId: target.id, reason: "Fraud ring" });
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.lockedUntil!.getUTCFullYear()).toBe(9999);
    expect(await code(op.actions.lockAccount({ userId: target.id, reason: "x y z", until: new Date(Date.now() - 1000) }))).toBe("BAD_REQUEST");
  });

  it("force a password reset: a hashed one-time token and every session ended", async () => {
    const target = await newUser();
    await insertSession(t.db, target.id);
    expect(await op.actions.forcePasswordReset({ userId: target.id, reason: "Password seen in a breach dump" })).toMatchObject({ status: "done", sessionsRevoked: 1 });
    const [recovery] = await t.db.select().from(accountRecovery).where(eq(accountRecovery.userId, target.id));
    expect(recovery).toMatchObject({ recoveryType: "password_reset", status: "pending", initiatedBy: people.operator.id });
    expect(recovery!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await op.actions.forcePasswordReset({ userId: target.id, reason: "Password seen in a breach dump" })).toMatchObject({ status: "unchanged" });
    expect(await t.db.select().from(accountRecovery).where(eq(accountRecovery.userId, target.id))).toHaveLength(1);
  });

  it("reset 2FA removes the factor and its backup codes", async () => {
    const target = await newUser();
    await t.db.insert(twoFactorAuth).values({ userId: target.id, method: "totp", enabled: true, enabledAt: new Date(), secretEncrypted: encrypt("JBSWY3DPEHPK3PXP", TEST_SECRETS.encryptionKey), backupCodeHashes: ["a", "b"] });
    expect(await op.actions.resetTwoFactor({ userId: target.id, reason: "Lost phone, identity verified" })).toMatchObject({ status: "done" });
    expect(await t.db.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, target.id))).toHaveLength(0);
    expect(await op.actions.resetTwoFactor({ userId: target.id, reason: "again" })).toMatchObject({ status: "unchanged" });
  });

  it("revoke an API key once", async () => {
    const target = await newUser();
    const [key] = await t.db.insert(apiKeys).values({ userId: target.id, name: "bot", keyPrefix: "wdn_test", keyHash: "f".repeat(64) }).returning({ id: apiKeys.id });
    expect(await op.actions.revokeApiKey({ apiKeyId: key!.id, reason: "Leaked in a public repo" })).toMatchObject({ status: "done" });
    expect(await op.actions.revokeApiKey({ apiKeyId: key!.id, reason: "Leaked in a public repo" })).toMatchObject({ status: "unchanged" });
  });

  it("revoke a refresh-token family", async () => {
    const target = await newUser();
    const familyId = await insertRefreshFamily(t.db, target.id, null, 3);
    expect(await op.actions.revokeTokenFamily({ familyId, reason: "Reuse detected" })).toMatchObject({ status: "revoked", tokens: 3 });
    expect(await op.actions.revokeTokenFamily({ familyId, reason: "Reuse detected" })).toMatchObject({ status: "already_revoked" });
  });

  it("answer unknown ids with NOT_FOUND and malformed ones with BAD_REQUEST", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const call of [
      () => op.actions.revokeSession({ sessionId: missing, reason: "x y z" }),
      () => op.actions.revokeAllSessions({ userId: missing, reason: "x y z" }),
      () => op.actions.revokeTokenFamily({ familyId: missing, reason: "x y z" }),
      () => op.actions.revokeApiKey({ apiKeyId: missing, reason: "x y z" }),
      () => op.actions.lockAccount({ userId: missing, reason: "x y z" }),
      () => op.actions.unlockAccount({ userId: missing }),
      () => op.actions.forcePasswordReset({ userId: missing, reason: "x y z" }),
      () => op.actions.resetTwoFactor({ userId: missing, reason: "x y z" }),
      () => op.actions.impact({ userId: missing }),
    ]) {
      expect(await code(call())).toBe("NOT_FOUND");
    }
    expect(await code(op.actions.lockAccount({ userId: "1; DROP TABLE users", reason: "x y z" }))).toBe("BAD_REQUEST");
    expect(await code(op.actions.revokeSession({ sessionId: missing, reason: "" }))).toBe("BAD_REQUEST");
  });

  it("each change is undone when its audit entry cannot be written", async () => {
    const target = await newUser({ lockedUntil: new Date(Date.now() + 60_000), failedLoginCount: 2 });
    const session = await insertSession(t.db, target.id);
    const [key] = await t.db.insert(apiKeys).values({ userId: target.id, name: "bot", keyPrefix: "wdn_tx", keyHash: "e".repeat(64) }).returning({ id: apiKeys.id });
    const restore = await breakAuditInserts(t.db);
    try {
      for (const call of [
        () => op.actions.unlockAccount({ userId: target.id, reason: "x y z" }),
        () => op.actions.revokeAllSessions({ userId: target.id, reason: "x y z" }),
        () => op.actions.revokeSession({ sessionId: session.id, reason: "x y z" }),
        () => op.actions.revokeApiKey({ apiKeyId: key!.id, reason: "x y z" }),
        () => op.actions.forcePasswordReset({ userId: target.id, reason: "x y z" }),
      ]) {
        expect(await code(call())).toBe("INTERNAL_SERVER_ERROR");
      }
    } finally {
      await restore();
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row!.lockedUntil).not.toBeNull();
    expect(row!.failedLoginCount).toBe(2);
    const [s] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(s!.revokedAt).toBeNull();
    const [k] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key!.id));
    expect(k!.revokedAt).toBeNull();
    expect(await t.db.select().from(accountRecovery).where(eq(accountRecovery.userId, target.id))).toHaveLength(0);
  });

  it("role changes are for administrators, audited, and never remove the last admin", async () => {
    const admin = await callerAs(t.db, people.admin);
    const target = await newUser();
    expect(await code(op.actions.setRole({ userId: target.id, role: "operator", reason: "New hire" }))).toBe("FORBIDDEN");
    expect(await admin.actions.setRole({ userId: target.id, role: "operator", reason: "New hire" })).toMatchObject({ status: "done" });
    expect(await auditActions(target.id)).toContain("role.change");
    const [{ n }] = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`)) as [{ n: number }];
    expect(n).toBe(1);
    expect(await admin.actions.setRole({ userId: people.admin.id, role: "user", reason: "Stepping down" })).toMatchObject({ status: "unchanged" });
  });

  it("leaves a chain that verifies", async () => {
    expect(await verifyAuditChain(t.db, TEST_SECRETS.auditKey)).toMatchObject({ ok: true });
  });
});
