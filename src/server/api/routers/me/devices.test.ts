import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/server/db/rows";
import { securityEvents, sessions, userDevices } from "~/server/db/schema";
import { verifyAuditChain } from "~/server/queries/audit";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { breakAuditInserts, insertSession } from "~/test/factories";
import { contextFor, createConsoleUsers, sessionFor, TEST_SECRETS } from "~/test/trpc";
import { createCaller } from "../../root";
import { failure, insertDevice, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-devices");
});
afterAll(async () => {
  await t?.close();
});

const auditFor = async (targetId: string) =>
  (await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_logs WHERE target_id = ${targetId} ORDER BY seq`)).map((r) => r.action);

describe("me.devices.list", () => {
  it("lists the owner's devices newest first, with live-session counts and the current one marked", async () => {
    const me = people.user;
    const laptop = await insertDevice(t.db, me.id, { name: "Firefox on Ubuntu", firstSeenAt: new Date(Date.now() - 86_400_000), lastSeenAt: new Date() });
    const phone = await insertDevice(t.db, me.id, { name: "Safari on iPhone", trusted: true, trustedAt: new Date() });
    await insertDevice(t.db, people.otherUser.id, { name: "Someone else's" });
    await insertSession(t.db, me.id, { deviceId: phone.id });
    await insertSession(t.db, me.id, { deviceId: phone.id, revokedAt: new Date() });
    // This request's session was opened on the laptop.
    const session = await sessionFor(t.db, me);
    await t.db.update(sessions).set({ deviceId: laptop.id }).where(eq(sessions.id, session.sessionId));
    const caller = createCaller(contextFor(t.db, session));

    const page = await caller.me.devices.list();
    expect(page.items.map((d) => d.name)).toEqual(["Safari on iPhone", "Firefox on Ubuntu"]);
    expect(page.items[0]).toMatchObject({ id: phone.id, trusted: true, activeSessions: 1, current: false });
    expect(page.items[1]).toMatchObject({ id: laptop.id, trusted: false, activeSessions: 1, current: true });
    expect(page.nextCursor).toBeNull();
  });

  it("pages with a cursor", async () => {
    const me = people.compliance;
    for (let i = 0; i < 3; i += 1) await insertDevice(t.db, me.id, { firstSeenAt: new Date(Date.now() - i * 1000) });
    const { caller } = await signedIn(t.db, me);
    const first = await caller.me.devices.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await caller.me.devices.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((d) => d.id)).size).toBe(3);
  });
});

describe("me.devices.setTrust", () => {
  it("trusts with an alert and an audit entry; untrusts with an audit entry only; repeating changes nothing", async () => {
    const me = people.operator;
    const device = await insertDevice(t.db, me.id, { name: "Edge on Windows" });
    const { caller } = await signedIn(t.db, me);

    expect(await caller.me.devices.setTrust({ deviceId: device.id, trusted: true })).toEqual({ status: "done", result: { trusted: true } });
    const [trusted] = await t.db.select().from(userDevices).where(eq(userDevices.id, device.id));
    expect(trusted!.trusted).toBe(true);
    expect(trusted!.trustedAt).not.toBeNull();
    const events = await t.db.select().from(securityEvents).where(and(eq(securityEvents.userId, me.id), eq(securityEvents.eventType, "device_trusted")));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ deviceId: device.id, source: "self_service" });

    expect(await caller.me.devices.setTrust({ deviceId: device.id, trusted: true })).toMatchObject({ status: "unchanged" });
    expect(await caller.me.devices.setTrust({ deviceId: device.id, trusted: false })).toEqual({ status: "done", result: { trusted: false } });
    const [untrusted] = await t.db.select().from(userDevices).where(eq(userDevices.id, device.id));
    expect(untrusted).toMatchObject({ trusted: false, trustedAt: null });
    expect(await auditFor(device.id)).toEqual(["device.trust", "device.untrust"]);
  });

  it("refuses input that is not a boolean", async () => {
    const device = await insertDevice(t.db, people.operator.id);
    const { caller } = await signedIn(t.db, people.operator);
    expect(await failure(caller.me.devices.setTrust({ deviceId: device.id, trusted: "yes" as unknown as boolean }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("me.devices.forget", () => {
  it("previews, then signs out the device's live sessions and removes it, audited together", async () => {
    const me = people.admin;
    const device = await insertDevice(t.db, me.id, { name: "Chrome on Android tablet" });
    const a = await insertSession(t.db, me.id, { deviceId: device.id });
    const b = await insertSession(t.db, me.id, { deviceId: device.id });
    const elsewhere = await insertSession(t.db, me.id);
    const { caller } = await signedIn(t.db, me);

    expect(await caller.me.devices.previewForget({ deviceId: device.id })).toEqual({ sessions: 2, here: false });
    expect(await caller.me.devices.forget({ deviceId: device.id })).toEqual({ status: "done", result: { sessionsSignedOut: 2, signedOutHere: false } });
    expect(await t.db.select().from(userDevices).where(eq(userDevices.id, device.id))).toHaveLength(0);
    const rows = await t.db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.userId, me.id));
    const revoked = new Set(rows.filter((r) => r.revokedAt).map((r) => r.id));
    expect(revoked.has(a.id) && revoked.has(b.id)).toBe(true);
    expect(revoked.has(elsewhere.id)).toBe(false);
    expect(await auditFor(device.id)).toEqual(["device.forget"]);
    expect(await auditFor(me.id)).toContain("session.revoke_device");
    expect(await verifyAuditChain(t.db, TEST_SECRETS.auditKey)).toMatchObject({ ok: true });
    // Gone now: a second forget is a not-found like any other.
    expect(await failure(caller.me.devices.forget({ deviceId: device.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("says when forgetting signs out the device making the request", async () => {
    const me = people.user;
    const device = await insertDevice(t.db, me.id);
    const session = await sessionFor(t.db, me);
    await t.db.update(sessions).set({ deviceId: device.id }).where(eq(sessions.id, session.sessionId));
    const caller = createCaller(contextFor(t.db, session));
    expect(await caller.me.devices.previewForget({ deviceId: device.id })).toEqual({ sessions: 1, here: true });
    expect(await caller.me.devices.forget({ deviceId: device.id })).toEqual({ status: "done", result: { sessionsSignedOut: 1, signedOutHere: true } });
  });

  it("changes nothing when the audit entry cannot be written", async () => {
    const me = people.compliance;
    const device = await insertDevice(t.db, me.id);
    const live = await insertSession(t.db, me.id, { deviceId: device.id });
    const { caller } = await signedIn(t.db, me);
    const restore = await breakAuditInserts(t.db);
    try {
      expect(await failure(caller.me.devices.forget({ deviceId: device.id }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await restore();
    }
    expect(await t.db.select().from(userDevices).where(eq(userDevices.id, device.id))).toHaveLength(1);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, live.id));
    expect(row!.revokedAt).toBeNull();
  });
});
