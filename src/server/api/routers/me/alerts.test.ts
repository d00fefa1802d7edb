import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleSession, resolveConsoleSession } from "~/server/auth/sessions";
import { queryRows } from "~/server/db/rows";
import { securityEvents, sessions } from "~/server/db/schema";
import { verifyAuditChain } from "~/server/queries/audit";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { breakAuditInserts, insertSession } from "~/test/factories";
import { createConsoleUsers, TEST_POLICY, TEST_SECRETS } from "~/test/trpc";
import { failure, insertEvent, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-alerts");
});
afterAll(async () => {
  await t?.close();
});

const eventRow = async (id: number) => (await t.db.select().from(securityEvents).where(eq(securityEvents.id, id)))[0]!;

describe("me.alerts.list", () => {
  it("lists security events about the owner's account, newest first, with only what a person can act on", async () => {
    const me = people.user;
    const older = await insertEvent(t.db, me.id, { eventType: "account_locked", severity: "medium", createdAt: new Date(Date.now() - 60_000), details: { reason: "x", internalNote: "ops only" } });
    const newer = await insertEvent(t.db, me.id, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", details: { device: "Safari on iPhone", city: "Kisumu", countryCode: "KE" } });
    await insertEvent(t.db, people.otherUser.id);
    const { caller } = await signedIn(t.db, me);

    const page = await caller.me.alerts.list();
    expect(page.items.map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(page.items[0]).toMatchObject({ eventType: "new_device_sign_in", severity: "low", device: "Mobile Safari on iPhone", city: "Kisumu", countryCode: "KE", response: null, answerable: true });
    expect(JSON.stringify(page.items[1])).not.toContain("ops only");
  });

  it("marks alerts raised from the viewer's own session or device", async () => {
    const me = people.operator;
    const { caller, session } = await signedIn(t.db, me);
    const mine = await insertEvent(t.db, me.id, { eventType: "password_changed", details: { sessionId: session.sessionId } });
    const elsewhere = await insertEvent(t.db, me.id, { eventType: "password_changed", details: { sessionId: "00000000-0000-4000-8000-000000000000" } });
    const items = (await caller.me.alerts.list()).items;
    expect(items.find((a) => a.id === mine.id)!.fromHere).toBe(true);
    expect(items.find((a) => a.id === elsewhere.id)!.fromHere).toBe(false);
  });
});

describe("me.alerts.confirm", () => {
  it("records 'this was me' on the event without touching the operations status, audited", async () => {
    const me = people.operator;
    const event = await insertEvent(t.db, me.id);
    const { caller, session } = await signedIn(t.db, me);
    expect(await caller.me.alerts.confirm({ alertId: event.id })).toEqual({ status: "done", result: { answer: "was_me" } });
    const row = await eventRow(event.id);
    expect(row.status).toBe("open");
    expect(row.details).toMatchObject({ device: "Safari on iPhone", ownerResponse: { answer: "was_me", sessionId: session.sessionId } });
    expect(await caller.me.alerts.confirm({ alertId: event.id })).toMatchObject({ status: "unchanged" });
    const listed = (await caller.me.alerts.list()).items.find((a) => a.id === event.id)!;
    expect(listed.response?.answer).toBe("was_me");
    expect((await caller.me.alerts.list({ unansweredOnly: true })).items.map((a) => a.id)).not.toContain(event.id);
    const audit = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_logs WHERE target_type = 'security_event' AND target_id = ${String(event.id)}`);
    expect(audit.map((a) => a.action)).toEqual(["security_event.owner_confirmed"]);
  });
});

describe("me.alerts.reportNotMe", () => {
  it("signs out every session (this one too), raises a high-severity event for operations and says to change the password", async () => {
    const me = people.compliance;
    const event = await insertEvent(t.db, me.id, { eventType: "new_device_sign_in" });
    const { caller, session } = await signedIn(t.db, me);
    const elsewhere = await createConsoleSession(t.db, { userId: me.id, deviceId: null, deviceName: null, mfaVerified: false, info: { ip: "192.0.2.9", userAgent: null }, policy: TEST_POLICY, now: new Date() });
    await insertSession(t.db, me.id);

    const result = await caller.me.alerts.reportNotMe({ alertId: event.id });
    expect(result).toMatchObject({ status: "done", result: { sessionsSignedOut: 3 }, nextStep: expect.stringContaining("Change your password") });
    const live = await t.db.select().from(sessions).where(and(eq(sessions.userId, me.id)));
    expect(live.every((s) => s.revokedAt)).toBe(true);
    expect(live.find((s) => s.id === session.sessionId)!.revokedAt).not.toBeNull();
    expect(await resolveConsoleSession(t.db, elsewhere.token, TEST_POLICY)).toBeNull();

    if (result.status !== "done") throw new Error("expected done");
    const raised = await eventRow(result.result.raisedEventId);
    expect(raised).toMatchObject({ eventType: "account_compromise_reported", severity: "high", status: "open", userId: me.id });
    expect(raised.details).toMatchObject({ reportedEventId: event.id, reportedEventType: "new_device_sign_in", sessionsSignedOut: 3 });
    expect((await eventRow(event.id)).details).toMatchObject({ ownerResponse: { answer: "not_me" } });
    const audit = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_logs WHERE actor_id = ${me.id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["session.revoke_all", "security_event.owner_denied"]));
    expect(await verifyAuditChain(t.db, TEST_SECRETS.auditKey)).toMatchObject({ ok: true });
  });

  it("will not take a 'wasn't me' back with 'this was me', and the owner's own report cannot be answered", async () => {
    const me = people.admin;
    const event = await insertEvent(t.db, me.id);
    const first = await signedIn(t.db, me);
    const report = await first.caller.me.alerts.reportNotMe({ alertId: event.id });
    const { caller } = await signedIn(t.db, me);
    expect(await failure(caller.me.alerts.confirm({ alertId: event.id }))).toMatchObject({ code: "CONFLICT" });
    expect(await caller.me.alerts.reportNotMe({ alertId: event.id })).toMatchObject({ status: "unchanged" });
    if (report.status !== "done") throw new Error("expected done");
    const own = (await caller.me.alerts.list()).items.find((a) => a.id === report.result.raisedEventId)!;
    expect(own.answerable).toBe(false);
    expect(await failure(caller.me.alerts.reportNotMe({ alertId: report.result.raisedEventId }))).toMatchObject({ code: "CONFLICT" });
    expect(await failure(caller.me.alerts.confirm({ alertId: report.result.raisedEventId }))).toMatchObject({ code: "CONFLICT" });
  });

  it("changes nothing at all when its audit entry cannot be written", async () => {
    const me = people.user;
    const event = await insertEvent(t.db, me.id);
    const { caller, session } = await signedIn(t.db, me);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(securityEvents).where(eq(securityEvents.userId, me.id));
    const restore = await breakAuditInserts(t.db);
    try {
      expect(await failure(caller.me.alerts.reportNotMe({ alertId: event.id }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await restore();
    }
    const [mine] = await t.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(mine!.revokedAt).toBeNull();
    expect((await eventRow(event.id)).details).not.toHaveProperty("ownerResponse");
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(securityEvents).where(eq(securityEvents.userId, me.id));
    expect(after).toEqual(before);
  });

  it("refuses ids that cannot be event ids", async () => {
    const { caller } = await signedIn(t.db, people.user);
    for (const alertId of [0, -1, 1.5, 2 ** 60, "1" as unknown as number]) {
      expect(await failure(caller.me.alerts.reportNotMe({ alertId }))).toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
