import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { createConsoleUsers } from "~/test/trpc";
import { failure, insertAttempt, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-history");
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe("me.history.list", () => {
  it("shows the last 90 days of the owner's attempts, newest first, successes and failures, nobody else's", async () => {
    const me = people.user;
    await insertAttempt(t.db, me.id, { createdAt: ago(91 * DAY) });
    const failed = await insertAttempt(t.db, me.id, { createdAt: ago(2 * DAY), attemptResult: "failed_password", failureReason: "Password did not match" });
    const ok = await insertAttempt(t.db, me.id, { createdAt: ago(DAY), countryCode: "KE", city: "Nairobi" });
    await insertAttempt(t.db, people.otherUser.id, { createdAt: ago(DAY) });
    const { caller } = await signedIn(t.db, me);

    const page = await caller.me.history.list();
    expect(page.items.map((a) => a.id)).toEqual([ok.id, failed.id]);
    expect(page.items[0]).toMatchObject({ result: "success", countryCode: "KE", city: "Nairobi", ipAddress: "203.0.113.9" });
    expect(page.items[0]!.device.label).toBe("Firefox on Ubuntu");
    expect(page.items[1]).toMatchObject({ result: "failed_password", failureReason: "Password did not match", newDevice: false });
    expect(page.since.getTime()).toBeLessThan(Date.now() - 89 * DAY);

    expect((await caller.me.history.list({ outcome: "failure" })).items.map((a) => a.id)).toEqual([failed.id]);
    expect((await caller.me.history.list({ outcome: "success" })).items.map((a) => a.id)).toEqual([ok.id]);
  });

  it("flags the first successful sign-in from each device, looking past the 90 days shown", async () => {
    const me = people.operator;
    await insertAttempt(t.db, me.id, { createdAt: ago(200 * DAY), deviceFingerprint: "laptop" });
    const laptopAgain = await insertAttempt(t.db, me.id, { createdAt: ago(3 * DAY), deviceFingerprint: "laptop" });
    const phoneFailure = await insertAttempt(t.db, me.id, { createdAt: ago(2 * DAY), deviceFingerprint: "phone", attemptResult: "failed_password", failureReason: "x" });
    const phoneFirst = await insertAttempt(t.db, me.id, { createdAt: ago(2 * DAY - 1000), deviceFingerprint: "phone" });
    const phoneSecond = await insertAttempt(t.db, me.id, { createdAt: ago(DAY), deviceFingerprint: "phone" });
    // The same fingerprint on someone else's account says nothing about this one.
    await insertAttempt(t.db, people.otherUser.id, { createdAt: ago(300 * DAY), deviceFingerprint: "tablet" });
    const tablet = await insertAttempt(t.db, me.id, { createdAt: ago(DAY / 2), deviceFingerprint: "tablet" });
    const { caller } = await signedIn(t.db, me);

    const flags = Object.fromEntries((await caller.me.history.list()).items.map((a) => [a.id, a.newDevice]));
    expect(flags).toEqual({ [laptopAgain.id]: false, [phoneFailure.id]: false, [phoneFirst.id]: true, [phoneSecond.id]: false, [tablet.id]: true });
  });

  it("pages by keyset without losing rows that differ below a millisecond", async () => {
    const me = people.compliance;
    // Column defaults keep microseconds; a millisecond cursor would skip some of these.
    for (let i = 0; i < 7; i += 1) {
      await t.db.execute(sql`INSERT INTO login_attempts (identifier, user_id, ip_address, attempt_result, created_at)
        VALUES ('c@warden.test', ${me.id}, '192.0.2.1', 'success', now() - interval '1 hour' + ${i} * interval '1 microsecond')`);
    }
    const { caller } = await signedIn(t.db, me);
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await caller.me.history.list({ limit: 3, cursor });
      seen.push(...page.items.map((a) => a.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("refuses bad filters and cursors with BAD_REQUEST", async () => {
    const { caller } = await signedIn(t.db, people.user);
    expect(await failure(caller.me.history.list({ outcome: "locked" as "success" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(caller.me.history.list({ limit: 0 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(caller.me.history.list({ cursor: "x".repeat(500) }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
