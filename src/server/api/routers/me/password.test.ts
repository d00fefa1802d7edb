import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { createConsoleSession, resolveConsoleSession } from "~/server/auth/sessions";
import { signInWithPassword } from "~/server/auth/sign-in";
import { queryRows } from "~/server/db/rows";
import { passwordHistory, securityEvents, sessions, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { type ConsoleUser, createConsoleUsers, TEST_INFO, TEST_POLICY, TEST_SECRETS } from "~/test/trpc";
import { failure, setPassword, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;
const START = "Lantern-Kettle-Orbit-73";

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-password");
  for (const person of Object.values(people)) await setPassword(t.db, person.id, START);
});
afterAll(async () => {
  await t?.close();
});

const hashOf = async (userId: string) => (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]!.h!;

async function change(user: ConsoleUser, currentPassword: string, newPassword: string) {
  const { caller } = await signedIn(t.db, user);
  return failure(caller.me.password.change({ currentPassword, newPassword }));
}

describe("me.password.change", () => {
  it("changes the password (argon2id), signs out every other session, records history, an event and an audit entry", async () => {
    const me = people.user;
    const { caller, session } = await signedIn(t.db, me);
    const other = await createConsoleSession(t.db, { userId: me.id, deviceId: null, deviceName: null, mfaVerified: false, info: TEST_INFO, policy: TEST_POLICY, now: new Date() });
    const next = "Granite-Meadow-Pocket-58";

    expect(await caller.me.password.change({ currentPassword: START, newPassword: next })).toEqual({ sessionsSignedOut: 1 });
    const hash = await hashOf(me.id);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect((await verifyPassword(hash, next)).ok).toBe(true);
    expect(await resolveConsoleSession(t.db, other.token, TEST_POLICY)).toBeNull();
    const [mine] = await t.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(mine!.revokedAt).toBeNull();
    const [history] = await t.db.select().from(passwordHistory).where(eq(passwordHistory.userId, me.id)).orderBy(desc(passwordHistory.createdAt));
    expect(history!.passwordHash).toBe(hash);
    const [event] = await t.db.select().from(securityEvents).where(eq(securityEvents.userId, me.id));
    expect(event).toMatchObject({ eventType: "password_changed", severity: "medium" });
    const audit = await queryRows<{ action: string; before: unknown; after: unknown }>(t.db, sql`SELECT action, before, after FROM audit_logs WHERE actor_id = ${me.id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(["session.revoke_others", "account.password_change"]);
    expect(JSON.stringify(audit)).not.toContain("$argon2");
    // The new password signs in; the old one does not.
    const deps = { info: TEST_INFO, deviceId: null, policy: TEST_POLICY, secrets: TEST_SECRETS };
    expect((await signInWithPassword(t.db, { identifier: me.email, password: next }, deps)).status).toBe("signed_in");
    expect((await signInWithPassword(t.db, { identifier: me.email, password: START }, deps)).status).toBe("rejected");
  });

  it("refuses a wrong current password, and changes nothing", async () => {
    const me = people.operator;
    const before = await hashOf(me.id);
    expect(await change(me, "Not-The-Password-1", "Granite-Meadow-Pocket-58")).toEqual({ code: "BAD_REQUEST", message: "Your current password isn't right." });
    expect(await hashOf(me.id)).toBe(before);
  });

  it("refuses weak passwords with the reason", async () => {
    const me = people.compliance;
    expect(await change(me, START, "short1!")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 12 characters") });
    expect(await change(me, START, "password1234")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too easy to guess") });
    expect(await change(me, START, "qwertyuiop123")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too easy to guess") });
    expect(await change(me, START, "Compliance.me-password!")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("name or email") });
    expect(await change(me, START, START)).toMatchObject({ code: "BAD_REQUEST", message: "That is your current password. Choose a new one." });
    expect((await verifyPassword(await hashOf(me.id), START)).ok).toBe(true);
  });

  it("refuses any of the last five passwords and accepts the sixth-oldest", async () => {
    const me = people.admin;
    const passwords = ["Alpha-Quartz-Willow-11", "Bravo-Quartz-Willow-22", "Charlie-Quartz-Willow-33", "Delta-Quartz-Willow-44", "Echo-Quartz-Willow-55", "Foxtrot-Quartz-Willow-66"];
    // History as a user who changed their password six times would have it: oldest first.
    const base = Date.now() - 10 * 86_400_000;
    for (const [i, p] of passwords.entries()) {
      await t.db.insert(passwordHistory).values({ userId: me.id, passwordHash: await hashPassword(p), createdAt: new Date(base + i * 86_400_000) });
    }
    await t.db.update(users).set({ passwordHash: await hashPassword("Foxtrot-Quartz-Willow-66") }).where(eq(users.id, me.id));
    const current = "Foxtrot-Quartz-Willow-66";
    for (const recent of passwords.slice(1, 5)) {
      expect(await change(me, current, recent)).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("used that password before") });
    }
    expect(await change(me, current, current)).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("current password") });
    // Six changes ago: out of the window, allowed again.
    expect(await change(me, current, passwords[0]!)).toBe("OK");
    // And now the one just replaced is among the last five.
    expect(await change(me, passwords[0]!, current)).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("used that password before") });
  });

  it("after five wrong current passwords in a quarter hour, waits even for the right one", async () => {
    const me = people.otherUser;
    for (let i = 0; i < 5; i += 1) expect(await change(me, `Wrong-guess-number-${i}`, "Granite-Meadow-Pocket-58")).toMatchObject({ code: "BAD_REQUEST" });
    expect(await change(me, START, "Granite-Meadow-Pocket-58")).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await verifyPassword(await hashOf(me.id), START)).ok).toBe(true);
    const refused = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_logs WHERE actor_id = ${me.id} AND action = 'account.password_change_failed'`);
    expect(refused[0]!.n).toBe(5);
  });

  it("refuses empty and oversized input before hashing anything", async () => {
    const me = people.user;
    expect(await change(me, "", "Granite-Meadow-Pocket-58")).toMatchObject({ code: "BAD_REQUEST" });
    expect(await change(me, "x", "y".repeat(1025))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("me.password.rules", () => {
  it("tells the form the length and history rules", async () => {
    const { caller } = await signedIn(t.db, people.user);
    expect(await caller.me.password.rules()).toEqual({ minLength: 12, maxLength: 1024, historyDepth: 5 });
  });
});
