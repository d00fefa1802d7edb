import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLLUPS } from "~/server/db/rollups/definitions";
import { queryRows } from "~/server/db/rows";
import { loginAttempts, smsDeliveryLog } from "~/server/db/schema";
import { Random } from "~/server/seed/random";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { type TopRound, topByTotal } from "./top";

// Three weeks of failed sign-ins and SMS shaped to push every path of
// topByTotal: steady attackers, one-day bursts, near-ties, and a long tail
// of addresses and numbers seen once or twice a day. Each answer is checked
// against a plain GROUP BY over the raw rows.

const START = Date.parse("2026-10-01T00:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: TestDatabase;
const rounds = new Set<TopRound>();

beforeAll(async () => {
  t = await createTestDatabase();
  const rnd = new Random(7);
  const at = (day: number, hours = 24) => new Date(START + day * DAY + Math.floor(rnd.next() * hours * HOUR));
  const attempts: (typeof loginAttempts.$inferInsert)[] = [];
  const fail = (ip: string, createdAt: Date, identifier = `u${rnd.int(1, 400)}@example.com`) =>
    attempts.push({ identifier, ipAddress: ip, attemptResult: "failed_password", failureReason: "wrong password", createdAt });
  for (let day = 0; day < 21; day++) {
    // Steady attackers, a few a day more or less.
    for (let a = 0; a < 6; a++) for (let n = 0; n < 6 + a + rnd.int(0, 4); n++) fail(`203.0.113.${10 + a}`, at(day));
    // Near-ties: twelve addresses with two or three failures most days.
    for (let a = 0; a < 12; a++) if (rnd.chance(0.7)) for (let n = 0; n < 2 + (a % 2); n++) fail(`198.51.100.${20 + a}`, at(day));
    // The long tail: addresses seen once.
    for (let n = 0; n < 25; n++) fail(`10.${day}.${rnd.int(0, 3)}.${rnd.int(1, 250)}`, at(day));
    // Successes count for nothing here.
    attempts.push({ identifier: "ok@example.com", ipAddress: "203.0.113.10", attemptResult: "success", createdAt: at(day) });
  }
  // One-day bursts: big in a day, small over a range.
  for (const [day, ip, n] of [[3, "192.0.2.1", 70], [9, "192.0.2.2", 45], [15, "192.0.2.3", 90], [15, "192.0.2.4", 88]] as const) {
    for (let i = 0; i < n; i++) fail(ip, new Date(START + day * DAY + 13 * HOUR + i * 20_000));
  }
  await t.db.insert(loginAttempts).values(attempts);

  const sms: (typeof smsDeliveryLog.$inferInsert)[] = [];
  const send = (phone: string, createdAt: Date) => sms.push({ toPhone: phone, countryCode: "KE", template: "otp", provider: "africastalking", status: "sent", createdAt });
  for (let day = 0; day < 21; day++) {
    for (let n = 0; n < 40; n++) send(`+2547${String(rnd.int(0, 120)).padStart(8, "0")}`, at(day));
    if (day >= 10 && day < 13) for (let p = 0; p < 15; p++) for (let n = 0; n < 6; n++) send(`+2526130${String(p).padStart(5, "0")}`, at(day, 3));
  }
  await t.db.insert(smsDeliveryLog).values(sms);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const iso = (ms: number) => new Date(ms).toISOString();
// Short, day-sized, week-sized and long ranges, on and off hour and day boundaries,
// one reaching past the last row and one before the first.
const RANGES: [string, string][] = [
  [iso(START + 15 * DAY + 12 * HOUR), iso(START + 15 * DAY + 14 * HOUR + 1_234)],
  [iso(START + 14 * DAY + 13 * HOUR), iso(START + 15 * DAY + 13 * HOUR)],
  [iso(START + 14 * DAY + 13 * HOUR + 7 * 60_000), iso(START + 15 * DAY + 13 * HOUR + 30 * 60_000)],
  [iso(START + 10 * DAY + 2 * HOUR + 30 * 60_000), iso(START + 12 * DAY + 20 * HOUR)],
  [iso(START + 2 * DAY), iso(START + 9 * DAY)],
  [iso(START + 2 * DAY + 5 * HOUR + 17_000), iso(START + 9 * DAY + 11 * HOUR)],
  [iso(START + 1 * DAY + 23 * HOUR), iso(START + 20 * DAY + 1 * HOUR)],
  [iso(START + 18 * DAY + 6 * HOUR), iso(START + 25 * DAY)],
  [iso(START - 3 * DAY), iso(START + 1 * DAY + 3 * HOUR)],
];
const LIMITS = [1, 3, 10, 25];

describe.each(RANGES)("top keys from %s to %s", (fromIso, toIso) => {
  const range = { from: new Date(fromIso), to: new Date(toIso) };
  const within = sql`created_at >= ${fromIso}::timestamptz AND created_at < ${toIso}::timestamptz`;

  it.each(LIMITS)("failing addresses, top %i, equal the raw GROUP BY", async (limit) => {
    const top = await topByTotal(t.db, range, { rollup: ROLLUPS.loginIps, measure: "failures", limit, onRound: (r) => rounds.add(r) });
    const raw = await queryRows<{ key: string; total: number }>(
      t.db,
      sql`SELECT host(ip_address) AS key, count(*)::int AS total FROM login_attempts
          WHERE attempt_result <> 'success' AND ${within} GROUP BY ip_address ORDER BY 2 DESC, host(ip_address) COLLATE "C" LIMIT ${limit}`,
    );
    expect(top).toEqual(raw);
  });

  it.each(LIMITS)("SMS recipients, top %i, equal the raw GROUP BY", async (limit) => {
    const top = await topByTotal(t.db, range, { rollup: ROLLUPS.smsRecipients, measure: "messages", limit, onRound: (r) => rounds.add(r) });
    const raw = await queryRows<{ key: string; total: number }>(
      t.db,
      sql`SELECT to_phone AS key, count(*)::int AS total FROM sms_delivery_log WHERE ${within} GROUP BY 1 ORDER BY 2 DESC, to_phone COLLATE "C" LIMIT ${limit}`,
    );
    expect(top).toEqual(raw);
  });
});

describe("the ways a top list is found", () => {
  it("were each taken by some range above: settled by the bound, by a second round, and by adding up every key", () => {
    expect([...rounds].sort()).toEqual(["all", "bound", "reach"]);
  });

  it("refuses a measure or a rollup it cannot bound", async () => {
    const range = { from: new Date(START), to: new Date(START + DAY) };
    await expect(topByTotal(t.db, range, { rollup: ROLLUPS.loginIps, measure: "last_failure_at", limit: 3 })).rejects.toThrow(/counted \(integer, summed\) measure/);
    await expect(topByTotal(t.db, range, { rollup: ROLLUPS.fees, measure: "revenue", limit: 3 })).rejects.toThrow(/not one/);
    await expect(topByTotal(t.db, range, { rollup: ROLLUPS.loginIdentifierFailures, measure: "failures", limit: 3 })).rejects.toThrow(/not one/);
  });
});
