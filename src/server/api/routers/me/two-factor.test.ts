import { and, desc, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBackupCode } from "~/server/auth/backup-codes";
import { signInWithPassword, signInWithSecondFactor } from "~/server/auth/sign-in";
import { decrypt } from "~/server/crypto/encryption";
import { mfaVerificationAttempts, securityEvents, twoFactorAuth } from "~/server/db/schema";
import type { SelfContext } from "~/server/queries/me/context";
import { beginTotpEnrolment, confirmTotpEnrolment, regenerateBackupCodes } from "~/server/queries/me/two-factor";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { type ConsoleUser, createConsoleUsers, TEST_INFO, TEST_POLICY, TEST_SECRETS } from "~/test/trpc";
import { failure, setPassword, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;
const PASSWORD = "Lantern-Kettle-Orbit-73";

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-2fa");
  for (const person of Object.values(people)) await setPassword(t.db, person.id, PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const codeAt = (secret: string, ms: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: ms });
const factorOf = async (userId: string) => (await t.db.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, userId)))[0];
const attemptsOf = (userId: string) => t.db.select().from(mfaVerificationAttempts).where(eq(mfaVerificationAttempts.userId, userId)).orderBy(desc(mfaVerificationAttempts.id));

const deps = { info: TEST_INFO, deviceId: "vitest-device", policy: TEST_POLICY, secrets: TEST_SECRETS };

/** Sign-in as the console's form does it: password, then the second factor if asked. */
async function signInWithCode(user: ConsoleUser, code: string) {
  const first = await signInWithPassword(t.db, { identifier: user.email, password: PASSWORD }, deps);
  if (first.status !== "mfa_required") return first;
  return signInWithSecondFactor(t.db, { challenge: first.challenge, code }, deps);
}

describe("two-factor enrolment, backup codes and turning it off", () => {
  it("walks the whole life of a TOTP factor", async () => {
    const me = people.user;
    const { caller } = await signedIn(t.db, me);
    expect(await caller.me.twoFactor.status()).toMatchObject({ enabled: false, backupCodesRemaining: 0 });

    // 1. Begin: a secret for the app, a QR code drawn here, the secret stored encrypted and not yet on.
    const enrolment = await caller.me.twoFactor.beginEnrolment();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Warden:.+\?.*secret=/);
    expect(enrolment.uri).toContain(encodeURIComponent(me.email));
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
    const pending = (await factorOf(me.id))!;
    expect(pending.enabled).toBe(false);
    expect(pending.secretEncrypted).not.toContain(enrolment.secret);
    expect(decrypt(pending.secretEncrypted!, TEST_SECRETS.encryptionKey)).toBe(enrolment.secret);
    // Not on yet: sign-in does not ask for a code.
    expect((await signInWithPassword(t.db, { identifier: me.email, password: PASSWORD }, deps)).status).toBe("signed_in");

    // 2. A wrong code is refused and recorded; the right one switches it on and hands out ten backup codes once.
    const wrong = codeAt(enrolment.secret, Date.now() - 5 * 60_000);
    expect(await failure(caller.me.twoFactor.confirmEnrolment({ code: wrong }))).toMatchObject({ code: "BAD_REQUEST" });
    expect((await attemptsOf(me.id))[0]).toMatchObject({ context: "enrol", success: false });
    const { backupCodes } = await caller.me.twoFactor.confirmEnrolment({ code: codeAt(enrolment.secret, Date.now()).replace(/^(\d{3})/, "$1 ") });
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    for (const code of backupCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const enabled = (await factorOf(me.id))!;
    expect(enabled).toMatchObject({ enabled: true });
    expect(enabled.backupCodeHashes.sort()).toEqual(backupCodes.map((c) => hashBackupCode(c, TEST_SECRETS.encryptionKey)).sort());
    expect(JSON.stringify(enabled)).not.toContain(backupCodes[0]!.replace("-", ""));
    expect((await attemptsOf(me.id))[0]).toMatchObject({ context: "enrol", success: true });
    expect(await caller.me.twoFactor.status()).toMatchObject({ enabled: true, backupCodesRemaining: 10 });
    expect(await failure(caller.me.twoFactor.beginEnrolment())).toMatchObject({ code: "CONFLICT" });

    // 3. Sign-in now asks for a code; a backup code works exactly once.
    expect((await signInWithCode(me, backupCodes[0]!)).status).toBe("signed_in");
    expect(await signInWithCode(me, backupCodes[0]!)).toMatchObject({ status: "rejected", code: "mfa_invalid" });
    expect(await caller.me.twoFactor.status()).toMatchObject({ backupCodesRemaining: 9 });

    // 4. Regenerating needs a current code (not the one already used) and replaces every old backup code.
    const used = codeAt(enrolment.secret, Date.now());
    expect(await failure(caller.me.twoFactor.regenerateBackupCodes({ code: used }))).toMatchObject({ code: "BAD_REQUEST" });
    const fresh = await caller.me.twoFactor.regenerateBackupCodes({ code: codeAt(enrolment.secret, Date.now() + 30_000) });
    expect(fresh.backupCodes).toHaveLength(10);
    expect(fresh.backupCodes).not.toContain(backupCodes[1]);
    expect(await signInWithCode(me, backupCodes[1]!)).toMatchObject({ status: "rejected" });
    expect((await signInWithCode(me, fresh.backupCodes[0]!)).status).toBe("signed_in");

    // 5. Off again only with the password.
    expect(await failure(caller.me.twoFactor.disable({ password: "not my password" }))).toMatchObject({ code: "BAD_REQUEST", message: "That password isn't right." });
    expect((await attemptsOf(me.id))[0]).toMatchObject({ context: "disable", success: false, failureReason: "Password did not match" });
    expect(await caller.me.twoFactor.disable({ password: PASSWORD })).toEqual({ enabled: false });
    expect(await factorOf(me.id)).toBeUndefined();
    expect((await signInWithPassword(t.db, { identifier: me.email, password: PASSWORD }, deps)).status).toBe("signed_in");
    expect(await failure(caller.me.twoFactor.disable({ password: PASSWORD }))).toMatchObject({ code: "CONFLICT" });

    const events = await t.db.select({ type: securityEvents.eventType, severity: securityEvents.severity }).from(securityEvents).where(eq(securityEvents.userId, me.id));
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "mfa_enabled", severity: "low" },
        { type: "backup_codes_regenerated", severity: "low" },
        { type: "mfa_disabled", severity: "medium" },
        { type: "backup_code_used", severity: "low" },
      ]),
    );
  });

  it("starting again replaces a pending secret; confirming with nothing pending is refused", async () => {
    const { caller } = await signedIn(t.db, people.operator);
    expect(await failure(caller.me.twoFactor.confirmEnrolment({ code: "123456" }))).toMatchObject({ code: "CONFLICT" });
    const first = await caller.me.twoFactor.beginEnrolment();
    const second = await caller.me.twoFactor.beginEnrolment();
    expect(second.secret).not.toBe(first.secret);
    expect(await failure(caller.me.twoFactor.confirmEnrolment({ code: codeAt(first.secret, Date.now()) }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.me.twoFactor.confirmEnrolment({ code: codeAt(second.secret, Date.now()) })).toHaveProperty("backupCodes");
  });

  it("refuses codes that are not six digits before looking at anything", async () => {
    const { caller } = await signedIn(t.db, people.compliance);
    for (const code of ["", "12345", "1234567", "abcdef", "12345'; --"]) {
      expect(await failure(caller.me.twoFactor.confirmEnrolment({ code }))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await attemptsOf(people.compliance.id)).toHaveLength(0);
  });
});

describe("verification limits", () => {
  it("after five wrong codes in a quarter hour, even a right one waits", async () => {
    const me = people.admin;
    const { caller } = await signedIn(t.db, me);
    const { secret } = await caller.me.twoFactor.beginEnrolment();
    for (let i = 0; i < 5; i += 1) {
      expect(await failure(caller.me.twoFactor.confirmEnrolment({ code: codeAt(secret, Date.now() - (10 + i) * 60_000) }))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await failure(caller.me.twoFactor.confirmEnrolment({ code: codeAt(secret, Date.now()) }))).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/Wait 1[45] minutes/) });
    expect((await factorOf(me.id))!.enabled).toBe(false);
    // Throttled tries are not verified, so they are not recorded either.
    expect(await attemptsOf(me.id)).toHaveLength(5);
  });
});

describe("TOTP window", () => {
  it("accepts one step of drift either way, never two, and never a step at or before the last one used", async () => {
    const me = people.otherUser;
    // Half-way through a 30-second step, so "one step either way" is unambiguous.
    const T = Math.floor(Date.now() / 30_000) * 30_000 + 15_000;
    const ctx = (now: number): SelfContext => ({ actor: me, info: TEST_INFO, auditKey: TEST_SECRETS.auditKey, sessionId: "00000000-0000-4000-8000-000000000001", now: new Date(now) });
    const keys = { encryptionKey: TEST_SECRETS.encryptionKey };
    const begun = await beginTotpEnrolment(t.db, ctx(T - 300_000), keys);
    if (begun.status !== "done") throw new Error("enrolment did not start");
    const secret = begun.result.secret;
    expect((await confirmTotpEnrolment(t.db, ctx(T - 300_000), codeAt(secret, T - 300_000), keys)).status).toBe("done");

    const at = (offset: number) => regenerateBackupCodes(t.db, ctx(T), codeAt(secret, T + offset), keys);
    expect((await at(-60_000)).status).toBe("invalid_code");
    expect((await at(+60_000)).status).toBe("invalid_code");
    expect((await at(-30_000)).status).toBe("done");
    expect((await at(-30_000)).status).toBe("invalid_code"); // replayed
    expect((await at(0)).status).toBe("done");
    expect((await at(+30_000)).status).toBe("done");
    expect((await at(0)).status).toBe("invalid_code"); // older than the last accepted step
    const factor = (await t.db.select().from(twoFactorAuth).where(and(eq(twoFactorAuth.userId, me.id), eq(twoFactorAuth.enabled, true))))[0]!;
    expect(factor.lastUsedStep).toBe(Math.floor(T / 30_000) + 1);
  });
});
