import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encrypt } from "~/server/crypto/encryption";
import { queryRows } from "~/server/db/rows";
import { auditLogs, loginAttempts, securityEvents, sessions, twoFactorAuth, userDevices, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { TEST_POLICY, TEST_SECRETS } from "~/test/trpc";
import { hashBackupCode } from "./backup-codes";
import { hashPassword, legacyBcryptHash } from "./password";
import { resolveConsoleSession } from "./sessions";
import { type SignInDeps, signInWithPassword, signInWithSecondFactor } from "./sign-in";
import { totpFor } from "./totp";

let t: TestDatabase;
let ipCounter = 0;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

/** Each test signs in from its own address, so the per-IP throttle only bites where a test wants it to. */
function deps(overrides: Partial<SignInDeps> = {}): SignInDeps {
  ipCounter += 1;
  return { info: { ip: `192.0.2.${ipCounter}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" }, deviceId: "device-1", policy: TEST_POLICY, secrets: TEST_SECRETS, ...overrides };
}

let userCounter = 0;
async function createUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  userCounter += 1;
  const email = `person${userCounter}@example.com`;
  const [row] = await t.db
    .insert(users)
    .values({ email, passwordHash: await hashPassword(PASSWORD), role: "operator", ...overrides })
    .returning();
  return row!;
}

const attemptsFor = (userId: string) =>
  t.db.select().from(loginAttempts).where(eq(loginAttempts.userId, userId)).orderBy(desc(loginAttempts.id));

describe("password sign-in", () => {
  it("signs in, opens a session stored only as a hash, and records the attempt and the audit entry", async () => {
    const user = await createUser();
    const result = await signInWithPassword(t.db, { identifier: user.email.toUpperCase(), password: PASSWORD }, deps());
    expect(result.status).toBe("signed_in");
    if (result.status !== "signed_in") return;
    expect(result.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session!.tokenHash).not.toContain(result.token);
    expect(session!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(session!.source).toBe("console");
    expect((await attemptsFor(user.id))[0]).toMatchObject({ attemptResult: "success" });
    const [entry] = await t.db.select().from(auditLogs).where(and(eq(auditLogs.actorId, user.id), eq(auditLogs.action, "auth.sign_in")));
    expect(entry).toBeDefined();
    expect(await resolveConsoleSession(t.db, result.token, TEST_POLICY)).toMatchObject({ user: { id: user.id, role: "operator" } });
  });

  it("gives the same answer for an unknown account, a wrong password and a locked account", async () => {
    const user = await createUser();
    const locked = await createUser({ lockedUntil: new Date(Date.now() + 60_000) });
    const unknown = await signInWithPassword(t.db, { identifier: "nobody@example.com", password: PASSWORD }, deps());
    const wrong = await signInWithPassword(t.db, { identifier: user.email, password: "not it" }, deps());
    const lockedRight = await signInWithPassword(t.db, { identifier: locked.email, password: PASSWORD }, deps());
    expect(unknown).toEqual({ status: "rejected", code: "invalid_credentials" });
    expect(wrong).toEqual(unknown);
    expect(lockedRight).toEqual(unknown);
    expect((await attemptsFor(locked.id))[0]).toMatchObject({ attemptResult: "locked" });
    const [unknownAttempt] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.identifier, "nobody@example.com"));
    expect(unknownAttempt).toMatchObject({ attemptResult: "unknown_user", userId: null });
  });

  it("locks the account on the fifth wrong password; the sixth, correct, is still refused", async () => {
    const user = await createUser();
    const d = deps();
    for (let i = 0; i < 5; i += 1) {
      expect((await signInWithPassword(t.db, { identifier: user.email, password: `wrong ${i}` }, d)).status).toBe("rejected");
    }
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(after!.lockoutCount).toBe(1);
    expect(after!.failedLoginCount).toBe(0);
    expect(await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, d)).toEqual({ status: "rejected", code: "invalid_credentials" });
    const events = await t.db.select().from(securityEvents).where(and(eq(securityEvents.userId, user.id), eq(securityEvents.eventType, "account_locked")));
    expect(events).toHaveLength(1);
    expect(events[0]!.severity).toBe("medium");
  });

  it("waits longer after each further lockout, then lets the owner back in and resets the counters", async () => {
    const user = await createUser({ lockoutCount: 2 });
    const d = deps();
    const start = Date.now();
    for (let i = 0; i < 5; i += 1) await signInWithPassword(t.db, { identifier: user.email, password: "nope" }, d);
    const [locked] = await t.db.select().from(users).where(eq(users.id, user.id));
    // Third lockout: 1, 2, then 4 minutes.
    expect(locked!.lockedUntil!.getTime() - start).toBeGreaterThanOrEqual(4 * 60_000 - 5_000);
    expect(locked!.lockedUntil!.getTime() - start).toBeLessThanOrEqual(4 * 60_000 + 5_000);
    const later = new Date(Date.now() + 5 * 60_000);
    const result = await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, { ...d, now: later });
    expect(result.status).toBe("signed_in");
    const [reset] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(reset).toMatchObject({ failedLoginCount: 0, lockoutCount: 0 });
  });

  it("upgrades a bcrypt hash from the seed systems to argon2id on the next good sign-in", async () => {
    const user = await createUser({ passwordHash: legacyBcryptHash(PASSWORD, "$2b$10$abcdefghijklmnopqrstuu") });
    expect((await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps())).status).toBe("signed_in");
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps())).status).toBe("signed_in");
  });

  it("refuses suspended and deleted accounts with the same answer", async () => {
    const suspended = await createUser({ status: "suspended" });
    const deleted = await createUser({ deletedAt: new Date() });
    for (const user of [suspended, deleted]) {
      expect(await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps())).toEqual({ status: "rejected", code: "invalid_credentials" });
    }
  });

  it("turns bad input into a field message and an attempt row, and changes nothing else", async () => {
    const user = await createUser();
    const d = deps();
    const cases: [unknown, unknown, string][] = [
      ["", "", "identifier_empty"],
      [`${"a".repeat(10_240)}@example.com`, PASSWORD, "identifier_long"],
      ["' OR 1=1; --", PASSWORD, "identifier_format"],
      [user.email, "", "password_empty"],
      [{ $ne: null }, PASSWORD, "identifier_empty"],
      ["nul\u0000@example.com", PASSWORD, "identifier_format"],
    ];
    for (const [identifier, password, field] of cases) {
      expect(await signInWithPassword(t.db, { identifier, password }, d)).toEqual({ status: "rejected", code: "invalid_input", field });
    }
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const rows = await queryRows<{ n: number; longest: number }>(
      t.db,
      sql`SELECT count(*)::int AS n, max(length(identifier))::int AS longest FROM login_attempts WHERE host(ip_address) = ${d.info.ip} AND attempt_result = 'invalid_input'`,
    );
    expect(rows[0]!.n).toBe(cases.length);
    expect(rows[0]!.longest).toBeLessThanOrEqual(320);
  });

  it("SQL-looking text that is a well-formed address is just an unknown account", async () => {
    const result = await signInWithPassword(t.db, { identifier: "x';DROP/**/TABLE/**/users;--@example.com", password: PASSWORD }, deps());
    expect(result).toEqual({ status: "rejected", code: "invalid_credentials" });
    expect((await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM users`))[0]!.n).toBeGreaterThan(0);
  });

  it("throttles one address cycling through many accounts", async () => {
    const d = deps();
    const limited = { ...d, policy: { ...TEST_POLICY, ipFailureLimit: 4 } };
    for (let i = 0; i < 4; i += 1) {
      expect((await signInWithPassword(t.db, { identifier: `victim${i}@example.com`, password: "guess" }, limited)).status).toBe("rejected");
    }
    const user = await createUser();
    expect(await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, limited)).toEqual({ status: "rejected", code: "throttled" });
    // Another address is unaffected.
    expect((await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps())).status).toBe("signed_in");
  });

  it("records a new device the first time and raises an event only when the account already had one", async () => {
    const user = await createUser();
    await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps({ deviceId: "laptop" }));
    await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps({ deviceId: "laptop" }));
    expect(await t.db.select().from(userDevices).where(eq(userDevices.userId, user.id))).toHaveLength(1);
    expect(await t.db.select().from(securityEvents).where(eq(securityEvents.userId, user.id))).toHaveLength(0);
    await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps({ deviceId: "phone" }));
    const events = await t.db.select().from(securityEvents).where(eq(securityEvents.userId, user.id));
    expect(events.map((e) => e.eventType)).toEqual(["new_device_sign_in"]);
  });
});

describe("two-factor sign-in", () => {
  const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const BACKUP = "ABCDE-12345";

  async function userWithTotp() {
    const user = await createUser();
    await t.db.insert(twoFactorAuth).values({
      userId: user.id,
      method: "totp",
      enabled: true,
      enabledAt: new Date(),
      secretEncrypted: encrypt(SECRET, TEST_SECRETS.encryptionKey),
      backupCodeHashes: [hashBackupCode(BACKUP, TEST_SECRETS.encryptionKey)],
    });
    return user;
  }

  async function challengeFor(user: { email: string }, d: SignInDeps) {
    const first = await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, d);
    expect(first.status).toBe("mfa_required");
    return first.status === "mfa_required" ? first.challenge : "";
  }

  it("asks for a code after the password, and accepts the current TOTP", async () => {
    const user = await userWithTotp();
    const d = deps();
    const challenge = await challengeFor(user, d);
    const noSessionYet = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(noSessionYet).toHaveLength(0);
    const code = totpFor(SECRET).generate();
    const result = await signInWithSecondFactor(t.db, { challenge, code }, d);
    expect(result.status).toBe("signed_in");
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session!.mfaVerified).toBe(true);
  });

  it("refuses a code already used, and a code from far outside the window", async () => {
    const user = await userWithTotp();
    const d = deps();
    const code = totpFor(SECRET).generate();
    expect((await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code }, d)).status).toBe("signed_in");
    const replay = await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code }, d);
    expect(replay).toMatchObject({ status: "rejected", code: "mfa_invalid" });
    const stale = totpFor(SECRET).generate({ timestamp: Date.now() - 5 * 60_000 });
    expect(await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code: stale }, d)).toMatchObject({ code: "mfa_invalid" });
  });

  it("accepts a code from one step either side of now", async () => {
    const user = await userWithTotp();
    const d = deps();
    const previous = totpFor(SECRET).generate({ timestamp: Date.now() - 30_000 });
    expect((await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code: previous }, d)).status).toBe("signed_in");
  });

  it("accepts a backup code exactly once", async () => {
    const user = await userWithTotp();
    const d = deps();
    expect((await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code: "abcde12345" }, d)).status).toBe("signed_in");
    expect(await signInWithSecondFactor(t.db, { challenge: await challengeFor(user, d), code: BACKUP }, d)).toMatchObject({ code: "mfa_invalid" });
    const [factor] = await t.db.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, user.id));
    expect(factor!.backupCodeHashes).toHaveLength(0);
  });

  it("counts wrong codes as failures and locks the account at the threshold", async () => {
    const user = await userWithTotp();
    const d = deps();
    const challenge = await challengeFor(user, d);
    for (let i = 0; i < 4; i += 1) {
      expect(await signInWithSecondFactor(t.db, { challenge, code: "000000" }, d)).toMatchObject({ code: "mfa_invalid" });
    }
    expect(await signInWithSecondFactor(t.db, { challenge, code: "000000" }, d)).toEqual({ status: "rejected", code: "invalid_credentials" });
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.lockedUntil).not.toBeNull();
    expect((await attemptsFor(user.id)).filter((a) => a.attemptResult === "mfa_failed")).toHaveLength(5);
  });

  it("rejects forged, expired and stale-password challenges", async () => {
    const user = await userWithTotp();
    const d = deps();
    const challenge = await challengeFor(user, d);
    const code = totpFor(SECRET).generate();
    expect(await signInWithSecondFactor(t.db, { challenge: challenge.replace(/.$/, (c) => (c === "a" ? "b" : "a")), code }, d)).toEqual({ status: "rejected", code: "challenge_expired" });
    expect(await signInWithSecondFactor(t.db, { challenge, code }, { ...d, now: new Date(Date.now() + 6 * 60_000) })).toEqual({ status: "rejected", code: "challenge_expired" });
    await t.db.update(users).set({ passwordHash: await hashPassword("a brand new password") }).where(eq(users.id, user.id));
    expect(await signInWithSecondFactor(t.db, { challenge, code }, d)).toEqual({ status: "rejected", code: "challenge_expired" });
  });
});

describe("console sessions", () => {
  async function signedIn() {
    const user = await createUser();
    const result = await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps());
    if (result.status !== "signed_in") throw new Error("sign-in failed");
    return { user, ...result };
  }

  it("end after the idle timeout and are marked revoked", async () => {
    const { token, sessionId } = await signedIn();
    const idle = new Date(Date.now() + TEST_POLICY.sessionIdleMs + 1000);
    expect(await resolveConsoleSession(t.db, token, TEST_POLICY, idle)).toBeNull();
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(row!.revokeReason).toBe("Idle timeout");
    expect(await resolveConsoleSession(t.db, token, TEST_POLICY)).toBeNull();
  });

  it("stay alive while used, but not past their absolute lifetime", async () => {
    const { token } = await signedIn();
    let now = Date.now();
    for (let i = 0; i < 30; i += 1) {
      now += 25 * 60_000;
      const alive = await resolveConsoleSession(t.db, token, TEST_POLICY, new Date(now));
      if (now - Date.now() < TEST_POLICY.sessionMaxMs) expect(alive, `at +${i}`).not.toBeNull();
      else {
        expect(alive).toBeNull();
        break;
      }
    }
  });

  it("stop working on the next request once revoked, or once the user is locked or deleted", async () => {
    const a = await signedIn();
    await t.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, a.sessionId));
    expect(await resolveConsoleSession(t.db, a.token, TEST_POLICY)).toBeNull();

    const b = await signedIn();
    await t.db.update(users).set({ lockedUntil: new Date(Date.now() + 60_000) }).where(eq(users.id, b.user.id));
    expect(await resolveConsoleSession(t.db, b.token, TEST_POLICY)).toBeNull();

    const c = await signedIn();
    await t.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, c.user.id));
    expect(await resolveConsoleSession(t.db, c.token, TEST_POLICY)).toBeNull();
  });

  it("reject tokens that were never issued", async () => {
    expect(await resolveConsoleSession(t.db, "not-a-token", TEST_POLICY)).toBeNull();
    expect(await resolveConsoleSession(t.db, "x".repeat(10_000), TEST_POLICY)).toBeNull();
  });
});
