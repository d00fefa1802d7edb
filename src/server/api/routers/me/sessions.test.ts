import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleSession, resolveConsoleSession } from "~/server/auth/sessions";
import { queryRows } from "~/server/db/rows";
import { refreshTokens, sessions } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { insertRefreshFamily, insertSession } from "~/test/factories";
import { type ConsoleUser, createConsoleUsers, TEST_POLICY } from "~/test/trpc";
import { failure, insertDevice, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-sessions");
});
afterAll(async () => {
  await t?.close();
});

const auditActions = async (actorId: string) =>
  (await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_logs WHERE actor_id = ${actorId} ORDER BY seq`)).map((r) => r.action);

/** A console session with a real token, so "stops working on its next request" can be checked the way the console checks it. */
async function tokenSession(user: ConsoleUser) {
  const { token, sessionId } = await createConsoleSession(t.db, {
    userId: user.id,
    deviceId: null,
    deviceName: "Safari on iPhone",
    mfaVerified: false,
    info: { ip: "192.0.2.44", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" },
    policy: TEST_POLICY,
    now: new Date(),
  });
  return { token, sessionId };
}

describe("me.sessions.list", () => {
  it("puts the caller's session apart and lists only the owner's live others, with device, place and times", async () => {
    const me = people.user;
    const { caller, session } = await signedIn(t.db, me);
    const device = await insertDevice(t.db, me.id, { name: "Chrome on Android" });
    const other = await insertSession(t.db, me.id, {
      deviceId: device.id,
      userAgent: "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      countryCode: "KE",
      city: "Mombasa",
    });
    await insertSession(t.db, me.id, { revokedAt: new Date() });
    await insertSession(t.db, me.id, { createdAt: new Date(Date.now() - 10_000), expiresAt: new Date(Date.now() - 1000) });
    const foreign = await insertSession(t.db, people.otherUser.id);

    const page = await caller.me.sessions.list();
    expect(page.current?.id).toBe(session.sessionId);
    expect(page.current?.current).toBe(true);
    expect(page.current).not.toHaveProperty("cursorAt");
    const ids = page.items.map((s) => s.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(session.sessionId);
    expect(ids).not.toContain(foreign.id);
    const listed = page.items.find((s) => s.id === other.id)!;
    expect(listed).toMatchObject({ current: false, countryCode: "KE", city: "Mombasa", ipAddress: "203.0.113.10", source: "app" });
    expect(listed.device.label).toBe("Chrome on Android");
    expect(listed.device.deviceType).toBe("mobile");
    expect(listed.createdAt).toBeInstanceOf(Date);
    expect(listed.lastSeenAt).toBeInstanceOf(Date);
  });

  it("pages newest first with a keyset cursor, never repeating or skipping a row", async () => {
    const me = people.compliance;
    const { caller } = await signedIn(t.db, me);
    // Five sessions in the same millisecond: only the id tells them apart.
    const at = new Date(Date.now() - 60_000);
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push((await insertSession(t.db, me.id, { createdAt: at })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await caller.me.sessions.list({ limit: 2, cursor });
      seen.push(...page.items.map((s) => s.id));
      if (pages > 0) expect(page.current).toBeNull();
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.sort()).toEqual(made.sort());
  });

  it("refuses a page size over 100 and a forged cursor with BAD_REQUEST", async () => {
    const { caller } = await signedIn(t.db, people.user);
    expect(await failure(caller.me.sessions.list({ limit: 101 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(caller.me.sessions.list({ cursor: "not-a-cursor" }))).toMatchObject({ code: "BAD_REQUEST" });
    const forged = Buffer.from("2026-02-30T10:00:00.000000|1").toString("base64url");
    expect(await failure(caller.me.sessions.list({ cursor: forged }))).toMatchObject({ code: "BAD_REQUEST" });
    const injected = Buffer.from("2026-01-01T10:00:00.000000|1' OR 1=1 --").toString("base64url");
    expect(await failure(caller.me.sessions.list({ cursor: injected }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("me.sessions.signOut", () => {
  it("ends another of the owner's sessions, which then stops working, with its refresh tokens and an audit entry", async () => {
    const me = people.operator;
    const { caller } = await signedIn(t.db, me);
    const phone = await tokenSession(me);
    const familyId = await insertRefreshFamily(t.db, me.id, phone.sessionId, 2);
    expect(await resolveConsoleSession(t.db, phone.token, TEST_POLICY)).not.toBeNull();

    const result = await caller.me.sessions.signOut({ sessionId: phone.sessionId });
    expect(result).toEqual({ status: "done", result: { sessionId: phone.sessionId } });
    expect(await resolveConsoleSession(t.db, phone.token, TEST_POLICY)).toBeNull();
    const tokens = await t.db.select().from(refreshTokens).where(eq(refreshTokens.familyId, familyId));
    expect(tokens.every((r) => r.revokedAt)).toBe(true);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, phone.sessionId));
    expect(row!.revokedBy).toBe(me.id);
    expect(await auditActions(me.id)).toContain("session.revoke");
  });

  it("says so, and writes nothing, when the session had already ended", async () => {
    const me = people.operator;
    const { caller } = await signedIn(t.db, me);
    const old = await insertSession(t.db, me.id);
    await caller.me.sessions.signOut({ sessionId: old.id });
    const before = (await auditActions(me.id)).length;
    expect(await caller.me.sessions.signOut({ sessionId: old.id })).toMatchObject({ status: "unchanged" });
    expect((await auditActions(me.id)).length).toBe(before);
  });

  it("will not end the session making the request (that is Sign out) and refuses a malformed id", async () => {
    const { caller, session } = await signedIn(t.db, people.user);
    expect(await failure(caller.me.sessions.signOut({ sessionId: session.sessionId }))).toMatchObject({ code: "BAD_REQUEST" });
    const malformed = await failure(caller.me.sessions.signOut({ sessionId: "x'; DROP TABLE sessions; --" }));
    expect(malformed).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("That is not a session id.") });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(row!.revokedAt).toBeNull();
  });

  it("answers someone else's session exactly like one that does not exist, and leaves it alone", async () => {
    const { caller } = await signedIn(t.db, people.user);
    const theirs = await insertSession(t.db, people.otherUser.id);
    const foreign = await failure(caller.me.sessions.signOut({ sessionId: theirs.id }));
    const missing = await failure(caller.me.sessions.signOut({ sessionId: "00000000-0000-4000-8000-000000000000" }));
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "There is no such session on your account." });
    expect(missing).toEqual(foreign);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, theirs.id));
    expect(row!.revokedAt).toBeNull();
  });
});

describe("me.sessions.signOutOthers", () => {
  it("previews the count, then ends every other live session and keeps this one", async () => {
    const me = people.admin;
    const { caller, session } = await signedIn(t.db, me);
    const a = await tokenSession(me);
    const b = await insertSession(t.db, me.id);
    await insertRefreshFamily(t.db, me.id, b.id);
    const theirs = await insertSession(t.db, people.otherUser.id);

    expect(await caller.me.sessions.previewSignOutOthers()).toEqual({ sessions: 2, tokenFamilies: 1 });
    expect(await caller.me.sessions.signOutOthers()).toEqual({ sessions: 2, tokenFamilies: 1 });
    expect(await resolveConsoleSession(t.db, a.token, TEST_POLICY)).toBeNull();
    const live = await t.db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.userId, me.id));
    expect(live.filter((s) => !s.revokedAt).map((s) => s.id)).toEqual([session.sessionId]);
    const [foreign] = await t.db.select().from(sessions).where(eq(sessions.id, theirs.id));
    expect(foreign!.revokedAt).toBeNull();
    expect(await auditActions(me.id)).toContain("session.revoke_others");
    // Nothing left to end: a second call changes and writes nothing.
    expect(await caller.me.sessions.signOutOthers()).toEqual({ sessions: 0, tokenFamilies: 0 });
  });

  it("gives every role the same page for its own account", async () => {
    for (const role of ["admin", "operator", "compliance", "user"] as const) {
      const { caller, session } = await signedIn(t.db, people[role]);
      const page = await caller.me.sessions.list();
      expect(page.current?.id).toBe(session.sessionId);
    }
  });
});
