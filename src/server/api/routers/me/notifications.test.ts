import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/server/db/rows";
import { notificationPreferences, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { createConsoleUsers } from "~/test/trpc";
import { failure, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-notify");
});
afterAll(async () => {
  await t?.close();
});

describe("me.notifications", () => {
  it("starts from email on, SMS off, for every alert type", async () => {
    const { caller } = await signedIn(t.db, people.user);
    const prefs = await caller.me.notifications.get();
    expect(prefs.preferences).toHaveLength(10);
    expect(prefs.preferences.filter((p) => p.channel === "email").every((p) => p.enabled && !p.chosen)).toBe(true);
    expect(prefs.preferences.filter((p) => p.channel === "sms").every((p) => !p.enabled)).toBe(true);
    expect(prefs).toMatchObject({ smsAvailable: false, phone: null, email: people.user.email });
  });

  it("saves only real changes, audited with before and after; repeating changes nothing", async () => {
    const me = people.operator;
    const { caller } = await signedIn(t.db, me);
    const changes = [
      { alertType: "new_device" as const, channel: "email" as const, enabled: false },
      { alertType: "lockout" as const, channel: "email" as const, enabled: true }, // already on by default
    ];
    expect(await caller.me.notifications.update({ preferences: changes })).toEqual({ status: "done", result: { changed: 1 } });
    const rows = await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ alertType: "new_device", channel: "email", enabled: false });
    expect((await caller.me.notifications.get()).preferences.find((p) => p.alertType === "new_device" && p.channel === "email")).toMatchObject({ enabled: false, chosen: true });
    expect(await caller.me.notifications.update({ preferences: changes })).toMatchObject({ status: "unchanged" });
    const audit = await queryRows<{ before: unknown; after: unknown }>(t.db, sql`SELECT before, after FROM audit_logs WHERE actor_id = ${me.id} AND action = 'account.notifications_update'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual([{ alertType: "new_device", channel: "email", enabled: false }]);
    expect(audit[0]!.before).toEqual([{ alertType: "new_device", channel: "email", enabled: true }]);
  });

  it("turns SMS alerts on only with a verified phone", async () => {
    const me = people.compliance;
    const { caller } = await signedIn(t.db, me);
    const sms = [{ alertType: "lockout" as const, channel: "sms" as const, enabled: true }];
    expect(await failure(caller.me.notifications.update({ preferences: sms }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("verify a phone number") });
    await t.db.update(users).set({ phone: "+254700123456", phoneVerifiedAt: new Date() }).where(eq(users.id, me.id));
    expect(await caller.me.notifications.update({ preferences: sms })).toMatchObject({ status: "done" });
    expect(await caller.me.notifications.get()).toMatchObject({ smsAvailable: true, phone: "+254••••••456" });
  });

  it("refuses unknown alert types and channels, and empty or oversized lists", async () => {
    const { caller } = await signedIn(t.db, people.user);
    const bad = [
      { preferences: [] },
      { preferences: [{ alertType: "everything", channel: "email", enabled: true }] },
      { preferences: [{ alertType: "lockout", channel: "pigeon", enabled: true }] },
      { preferences: Array.from({ length: 11 }, () => ({ alertType: "lockout", channel: "email", enabled: true })) },
    ];
    for (const input of bad) {
      expect(await failure(caller.me.notifications.update(input as never))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, people.user.id))).toHaveLength(0);
  });
});
