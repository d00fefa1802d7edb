import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { queryRows } from "~/server/db/rows";
import { emailDeliveryLog, loginAttempts, mpesaTransactions, securityEvents, smsDeliveryLog, transactionFees, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { callerAs, createConsoleUsers } from "~/test/trpc";
import * as q from "./index";

// Fixed fixture rows around 2026-11-17..20, with every story a dashboard
// must show planted by hand, and a deterministic scatter of ordinary rows so
// that whole days, whole hours and ragged edges all hold something.

let t: TestDatabase;
let op: Awaited<ReturnType<typeof callerAs>>;
let victimId: string;
const T = (iso: string) => new Date(iso);
const RANGE = { from: T("2026-11-17T10:30:00Z"), to: T("2026-11-20T13:15:00Z") };

/** A tiny deterministic generator (mulberry32), so the scatter is the same on every run. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const fail = (identifier: string, ip: string, at: string, userId?: string) => ({ identifier, ipAddress: ip, attemptResult: "failed_password" as const, failureReason: "wrong password", createdAt: T(at), userId });
const ok = (identifier: string, ip: string, at: string) => ({ identifier, ipAddress: ip, attemptResult: "success" as const, createdAt: T(at) });
const minute = (start: string, m: number, s = 0) => new Date(T(start).getTime() + m * 60_000 + s * 1000).toISOString();

beforeAll(async () => {
  t = await createTestDatabase();
  const people = await createConsoleUsers(t.db, "dash");
  op = await callerAs(t.db, people.operator);
  const [victim] = await t.db.insert(users).values({ email: "victim@example.com", lockedUntil: new Date(Date.now() + 3_600_000), lockReason: "brute force" }).returning({ id: users.id });
  victimId = victim!.id;

  const attempts = [
    // 198.51.100.10: one failure exactly at `from` (counted), one exactly at `to` (not).
    fail("a1@example.com", "198.51.100.10", "2026-11-17T10:30:00Z"),
    fail("a2@example.com", "198.51.100.10", "2026-11-17T11:05:00Z"),
    fail("a1@example.com", "198.51.100.10", "2026-11-19T05:00:00Z"),
    ok("a1@example.com", "198.51.100.10", "2026-11-19T06:00:00Z"),
    fail("a1@example.com", "198.51.100.10", "2026-11-20T13:15:00Z"),
    // Credential stuffing from 203.0.113.66: 25 identifiers in 50 minutes across a clock hour, one guess right.
    ...Array.from({ length: 25 }, (_, i) =>
      i === 7 ? ok(`stuffed${i}@example.com`, "203.0.113.66", minute("2026-11-20T11:40:00Z", i * 2)) : { ...fail(`stuffed${i}@example.com`, "203.0.113.66", minute("2026-11-20T11:40:00Z", i * 2)), attemptResult: "unknown_user" as const },
    ),
    // A near miss from 203.0.113.77: 20 identifiers in an hour, 5 more two hours later.
    ...Array.from({ length: 20 }, (_, i) => fail(`near${i}@example.com`, "203.0.113.77", minute("2026-11-18T02:00:00Z", i * 3))),
    ...Array.from({ length: 5 }, (_, i) => fail(`near${20 + i}@example.com`, "203.0.113.77", minute("2026-11-18T05:00:00Z", i))),
    // Brute force on victim@: 11 failures in 4.5 minutes across a five-minute slot boundary, from two addresses.
    ...Array.from({ length: 11 }, (_, i) => fail("victim@example.com", i % 2 ? "192.0.2.2" : "192.0.2.1", minute("2026-11-19T08:03:00Z", 0, i * 27), victimId)),
    // Ten in five minutes is not more than ten.
    ...Array.from({ length: 10 }, (_, i) => fail("steady@example.com", "192.0.2.3", minute("2026-11-19T09:00:00Z", 0, i * 29))),
  ];
  const rnd = random(42);
  const start = T("2026-11-16T00:00:00Z").getTime();
  for (let i = 0; i < 400; i++) {
    const at = new Date(start + Math.floor(rnd() * 5.5 * 86_400_000)).toISOString();
    const who = `user${Math.floor(rnd() * 40)}@example.com`;
    const ip = `10.0.${Math.floor(rnd() * 3)}.${Math.floor(rnd() * 30)}`;
    attempts.push(rnd() < 0.8 ? ok(who, ip, at) : fail(who, ip, at));
  }
  await t.db.insert(loginAttempts).values(attempts);

  const severities = ["low", "medium", "high", "critical"] as const;
  await t.db.insert(securityEvents).values(
    Array.from({ length: 60 }, (_, i) => ({
      eventType: "test_event",
      severity: severities[i % 4]!,
      status: i % 5 === 0 ? ("resolved" as const) : i % 3 === 0 ? ("acknowledged" as const) : ("open" as const),
      resolvedAt: i % 5 === 0 ? T("2026-11-20T14:00:00Z") : null,
      resolutionNote: i % 5 === 0 ? "handled" : null,
      createdAt: new Date(start + Math.floor(rnd() * 5.5 * 86_400_000)),
    })),
  );

  const providers = ["sendgrid", "ses", "postmark"];
  const templates = ["otp", "welcome", "reset"];
  const statuses = ["pending", "sent", "delivered", "delivered", "delivered", "failed", "bounced"] as const;
  await t.db.insert(emailDeliveryLog).values(
    Array.from({ length: 300 }, () => {
      const status = statuses[Math.floor(rnd() * statuses.length)]!;
      const createdAt = new Date(start + Math.floor(rnd() * 5.5 * 86_400_000));
      return { toEmail: "x@example.com", template: templates[Math.floor(rnd() * 3)]!, provider: providers[Math.floor(rnd() * 3)]!, status, deliveredAt: status === "delivered" ? createdAt : null, createdAt };
    }),
  );
  const sms = Array.from({ length: 200 }, () => {
    const status = statuses[Math.floor(rnd() * statuses.length)]!;
    const createdAt = new Date(start + Math.floor(rnd() * 5.5 * 86_400_000));
    const priced = status !== "pending";
    const kenya = rnd() < 0.6;
    return {
      toPhone: kenya ? `+2547000000${Math.floor(rnd() * 50)}`.padEnd(13, "0") : `+25261300${Math.floor(rnd() * 5)}00`,
      countryCode: kenya ? "KE" : "SO",
      template: "otp",
      provider: kenya ? "africastalking" : "twilio",
      status,
      cost: priced ? (kenya ? "0.80000000" : "0.28350000") : null,
      currency: priced ? (kenya ? "KES" : "USD") : null,
      deliveredAt: status === "delivered" ? createdAt : null,
      createdAt,
    };
  });
  // SMS pumping: one number, many messages.
  for (let i = 0; i < 30; i++) sms.push({ toPhone: "+252613000999", countryCode: "SO", template: "otp", provider: "twilio", status: "sent", cost: "0.28350000", currency: "USD", deliveredAt: null, createdAt: T(minute("2026-11-19T20:00:00Z", i * 3)) });
  await t.db.insert(smsDeliveryLog).values(sms);

  const categories = ["mpesa_deposit", "currency_swap", "dao_contribution"] as const;
  const currencies = ["KES", "cUSD", "CELO"];
  await t.db.insert(transactionFees).values(
    Array.from({ length: 150 }, (_, i) => {
      const fee = (Math.floor(rnd() * 100000) / 100).toFixed(2);
      const dao = (Number(fee) * 0.3).toFixed(2);
      const platform = (Number(fee) - Number(dao)).toFixed(2);
      return {
        transactionId: `tx-${i}`,
        transactionType: "transfer",
        feeType: "percentage",
        feeCategory: categories[i % 3]!,
        baseAmount: "1000.00",
        feeAmount: fee,
        currency: currencies[Math.floor(rnd() * 3)]!,
        platformRevenue: platform,
        daoRevenue: dao,
        createdAt: new Date(start + Math.floor(rnd() * 5.5 * 86_400_000)),
      };
    }),
  );
  const mpesaStatuses = ["pending", "completed", "failed", "cancelled", "timeout"] as const;
  await t.db.insert(mpesaTransactions).values(
    Array.from({ length: 80 }, (_, i) => {
      const status = mpesaStatuses[i % 5]!;
      return { transactionType: "stk_push" as const, phoneNumber: "+254700000001", amount: `${100 + i}.50`, status, mpesaReceiptNumber: status === "completed" ? `R${i}` : null, createdAt: new Date(start + Math.floor(rnd() * 5.5 * 86_400_000)) };
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

/** The error's code and the messages a person reads (the zod issues' own texts). */
const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${e.cause instanceof ZodError ? e.cause.issues.map((i) => i.message).join("; ") : e.message}` : `THREW ${String(e)}`),
  );
const input = (r: { from: Date; to: Date }) => ({ from: r.from.toISOString(), to: r.to.toISOString() });

describe("hand-computed figures on the fixture", () => {
  it("failed logins by IP: failures, distinct identifiers, last attempt, edges of the range", async () => {
    const rows = await op.dashboard.failedLoginsByIp({ ...input(RANGE), limit: 100 });
    const byIp = new Map(rows.map((r) => [r.ip, r]));
    // At `from` counts, at `to` does not; the success in between is not a failure.
    expect(byIp.get("198.51.100.10")).toEqual({ ip: "198.51.100.10", failures: 3, distinctIdentifiers: 2, lastAttemptAt: T("2026-11-19T05:00:00Z") });
    expect(byIp.get("203.0.113.66")).toMatchObject({ failures: 24, distinctIdentifiers: 24 });
    expect(byIp.get("203.0.113.77")).toMatchObject({ failures: 25, distinctIdentifiers: 25, lastAttemptAt: T("2026-11-18T05:04:00Z") });
    expect(byIp.get("192.0.2.1")).toMatchObject({ failures: 6, distinctIdentifiers: 1 });
    expect(rows[0]!.ip).toBe("203.0.113.77");
    // Highest failures first, ties by address.
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.failures >= rows[i]!.failures).toBe(true);
  });

  it("credential stuffing: a sliding hour, not clock hours", async () => {
    const rows = await op.dashboard.credentialStuffing({ ...input(RANGE), limit: 10 });
    expect(rows).toEqual([
      { ip: "203.0.113.66", distinctIdentifiers: 25, attempts: 25, successes: 1, windowStart: T("2026-11-20T11:40:00Z"), lastAttemptAt: T("2026-11-20T12:28:00Z") },
    ]);
  });

  it("brute force: more than ten failures within five minutes, across a slot boundary", async () => {
    const rows = await op.dashboard.bruteForce({ ...input(RANGE), limit: 10 });
    expect(rows).toEqual([
      { identifier: "victim@example.com", userId: victimId, failures: 11, windowStart: T("2026-11-19T08:03:00Z"), ips: 2, lastAttemptAt: T("2026-11-19T08:07:30Z"), lockedNow: true },
    ]);
    // A lower threshold brings in the steady ten.
    expect((await op.dashboard.bruteForce({ ...input(RANGE), limit: 10, threshold: 9 })).map((r) => [r.identifier, r.failures])).toEqual([
      ["victim@example.com", 11],
      ["steady@example.com", 10],
    ]);
  });

  it("addresses come back as people write them, without PostgreSQL's /32", async () => {
    const page = await op.dashboard.loginAttempts({ ...input(RANGE), ip: "203.0.113.66", limit: 5 });
    expect(page.items.map((a) => a.ip)).toEqual(Array(5).fill("203.0.113.66"));
  });

  it("SMS pumping shows at the top of the recipients", async () => {
    const [top] = await op.dashboard.smsTopRecipients({ ...input(RANGE), limit: 5 });
    expect(top).toMatchObject({ phone: "+252613000999", countryCode: "SO", messages: 30, failed: 0, lastSentAt: T("2026-11-19T21:27:00Z") });
  });

  it("an empty range is zeros and empty lists, not an error", async () => {
    const empty = input({ from: T("2020-01-01T00:00:00Z"), to: T("2020-01-08T00:00:00Z") });
    expect(await op.dashboard.failedLoginsByIp({ ...empty, limit: 10 })).toEqual([]);
    expect(await op.dashboard.eventsBySeverity(empty)).toEqual([
      { severity: "critical", count: 0 },
      { severity: "high", count: 0 },
      { severity: "medium", count: 0 },
      { severity: "low", count: 0 },
    ]);
    expect(await op.dashboard.emailDeliveryRate(empty)).toEqual({ total: 0, delivered: 0, failed: 0, bounced: 0, pending: 0, sent: 0, rate: null, byProvider: [], byTemplate: [] });
    expect(await op.dashboard.smsCost(empty)).toEqual({ byCurrency: [], daily: [] });
    expect(await op.dashboard.feeRevenue(empty)).toEqual([]);
    const series = await op.dashboard.signInsOverTime(empty);
    expect(series.bucket).toBe("day");
    expect(series.points).toHaveLength(7);
    expect(series.points.every((p) => p.successes === 0 && p.failures === 0)).toBe(true);
    expect((await op.dashboard.loginAttempts(empty)).items).toEqual([]);
  });
});

describe("bad input", () => {
  it("refuses malformed, reversed, too long and oversized requests with BAD_REQUEST", async () => {
    expect(await code(op.dashboard.eventsBySeverity({ from: "yesterday", to: "2026-11-20T00:00:00Z" }))).toMatch(/^BAD_REQUEST: .*"from" must be an ISO date and time/);
    expect(await code(op.dashboard.eventsBySeverity({ from: "2026-11-20T00:00:00Z", to: "2026-11-19T00:00:00Z" }))).toMatch(/^BAD_REQUEST: .*"from" must be before "to"/);
    expect(await code(op.dashboard.eventsBySeverity({ from: "2026-11-20T00:00:00Z", to: "2026-11-20T00:00:00Z" }))).toMatch(/^BAD_REQUEST/);
    expect(await code(op.dashboard.eventsBySeverity({ from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }))).toMatch(/^BAD_REQUEST: .*at most 366 days/);
    expect(await code(op.dashboard.eventsBySeverity({ from: "2026-02-30T00:00:00Z", to: "2026-03-02T00:00:00Z" }))).toMatch(/^BAD_REQUEST/);
    expect(await code(op.dashboard.failedLoginsByIp({ ...input(RANGE), limit: 0 }))).toMatch(/^BAD_REQUEST: .*at least 1/);
    expect(await code(op.dashboard.failedLoginsByIp({ ...input(RANGE), limit: 101 }))).toMatch(/^BAD_REQUEST: .*at most 100/);
    expect(await code(op.dashboard.loginAttempts({ ...input(RANGE), ip: "not-an-ip" }))).toMatch(/^BAD_REQUEST/);
    expect(await code(op.dashboard.loginAttempts({ ...input(RANGE), cursor: "garbage" }))).toMatch(/^BAD_REQUEST/);
    expect(await code(op.dashboard.smsDeliveries({ ...input(RANGE), phone: "'; DROP TABLE users; --" }))).toMatch(/^BAD_REQUEST/);
  });
});

// Every tile against a plain GROUP BY over the raw table, for ranges that
// start and end on and off hour and day boundaries: the rollups plus the
// raw edges must add up to exactly what the raw rows say.
const RANGES: [string, string][] = [
  ["2026-11-17T10:30:00Z", "2026-11-20T13:15:00Z"],
  ["2026-11-16T00:00:00Z", "2026-11-22T00:00:00Z"],
  ["2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z"],
  ["2026-11-18T05:00:00Z", "2026-11-18T07:00:00Z"],
  ["2026-11-19T08:04:10.5Z", "2026-11-19T08:44:59.25Z"],
  ["2026-11-18T23:30:00Z", "2026-11-19T00:30:00Z"],
  ["2026-11-16T13:00:00Z", "2026-11-21T11:59:59.999Z"],
];

describe.each(RANGES)("exactly the raw rows, from %s to %s", (fromIso, toIso) => {
  const r = { from: T(fromIso), to: T(toIso) };
  const p = sql`created_at >= ${fromIso}::timestamptz AND created_at < ${toIso}::timestamptz`;

  it("sign-ins over time", async () => {
    const series = await q.signInsOverTime(t.db, r);
    const raw = await queryRows<{ b: string; s: number; f: number }>(
      t.db,
      sql`SELECT to_char(date_bin(${series.bucket === "hour" ? "1 hour" : "1 day"}::interval, created_at, TIMESTAMPTZ '2000-01-01Z') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS b,
                 count(*) FILTER (WHERE attempt_result = 'success')::int AS s, count(*) FILTER (WHERE attempt_result <> 'success')::int AS f
          FROM login_attempts WHERE ${p} GROUP BY 1`,
    );
    const nonZero = series.points.filter((x) => x.successes || x.failures).map((x) => ({ b: x.at.toISOString(), s: x.successes, f: x.failures }));
    expect(nonZero).toEqual(raw.sort((a, b) => (a.b < b.b ? -1 : 1)));
  });

  it.each([1, 3, 10, 100])("failed logins by IP, top %i", async (limit) => {
    const mine = await q.failedLoginsByIp(t.db, { ...r, limit });
    const raw = await queryRows<{ ip: string; failures: number; distinctIdentifiers: number; last: string }>(
      t.db,
      sql`SELECT host(ip_address) AS ip, count(*)::int AS failures, count(DISTINCT identifier)::int AS "distinctIdentifiers", max(created_at)::text AS last
          FROM login_attempts WHERE attempt_result <> 'success' AND ${p} GROUP BY 1 ORDER BY 2 DESC, host(ip_address) COLLATE "C" LIMIT ${limit}`,
    );
    expect(mine).toEqual(raw.map(({ last, ...x }) => ({ ...x, lastAttemptAt: new Date(last) })));
  });

  it("events by severity and status", async () => {
    const raw = await queryRows<{ k: string; n: number }>(t.db, sql`SELECT severity::text AS k, count(*)::int AS n FROM security_events WHERE ${p} GROUP BY 1`);
    const sev = await q.eventsBySeverity(t.db, r);
    expect(sev.filter((x) => x.count).sort((a, b) => (a.severity < b.severity ? -1 : 1))).toEqual(raw.map((x) => ({ severity: x.k, count: x.n })).sort((a, b) => (a.severity < b.severity ? -1 : 1)));
    const rawStatus = await queryRows<{ k: string; n: number }>(t.db, sql`SELECT status::text AS k, count(*)::int AS n FROM security_events WHERE ${p} GROUP BY 1`);
    const st = await q.eventsByStatus(t.db, r);
    expect(Object.fromEntries(st.filter((x) => x.count).map((x) => [x.status, x.count]))).toEqual(Object.fromEntries(rawStatus.map((x) => [x.k, x.n])));
  });

  it("email delivery rate", async () => {
    const mine = await q.emailDeliveryRate(t.db, r);
    const raw = await queryRows<{ provider: string; total: number; delivered: number; failed: number; bounced: number }>(
      t.db,
      sql`SELECT provider, count(*)::int AS total, count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                 count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE status = 'bounced')::int AS bounced
          FROM email_delivery_log WHERE ${p} GROUP BY 1`,
    );
    const total = raw.reduce((a, x) => a + x.total, 0);
    const delivered = raw.reduce((a, x) => a + x.delivered, 0);
    expect(mine.total).toBe(total);
    expect(mine.delivered).toBe(delivered);
    expect(mine.rate).toBe(total ? delivered / total : null);
    expect(Object.fromEntries(mine.byProvider.map((x) => [x.provider, [x.total, x.delivered, x.failed, x.bounced]]))).toEqual(Object.fromEntries(raw.map((x) => [x.provider, [x.total, x.delivered, x.failed, x.bounced]])));
  });

  it("SMS cost per currency and per day, and top recipients", async () => {
    const mine = await q.smsCost(t.db, r);
    const raw = await queryRows<{ currency: string | null; cost: string; messages: number }>(
      t.db,
      sql`SELECT currency, sum(coalesce(cost, 0::numeric(20, 8)))::text AS cost, count(*)::int AS messages FROM sms_delivery_log WHERE ${p} GROUP BY 1 ORDER BY currency COLLATE "C" NULLS LAST`,
    );
    expect(mine.byCurrency).toEqual(raw);
    const rawDaily = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM (SELECT DISTINCT date_bin('1 day', created_at, TIMESTAMPTZ '2000-01-01Z'), currency FROM sms_delivery_log WHERE ${p}) x`);
    expect(mine.daily).toHaveLength(rawDaily[0]!.n);
    for (const limit of [1, 5, 50]) {
      const top = await q.smsTopRecipients(t.db, { ...r, limit });
      const rawTop = await queryRows<{ phone: string; countryCode: string | null; messages: number; failed: number; last: string }>(
        t.db,
        sql`SELECT to_phone AS phone, max(country_code) AS "countryCode", count(*)::int AS messages, count(*) FILTER (WHERE status IN ('failed', 'bounced'))::int AS failed, max(created_at)::text AS last
            FROM sms_delivery_log WHERE ${p} GROUP BY 1 ORDER BY 3 DESC, to_phone COLLATE "C" LIMIT ${limit}`,
      );
      expect(top).toEqual(rawTop.map(({ last, ...x }) => ({ ...x, lastSentAt: new Date(last) })));
    }
  });

  it("fee revenue, swaps and M-Pesa", async () => {
    const mine = await q.feeRevenue(t.db, r);
    const raw = await queryRows<{ category: string; currency: string; revenue: string; platform: string; dao: string; fees: number }>(
      t.db,
      sql`SELECT fee_category::text AS category, currency, sum(fee_amount)::text AS revenue, sum(platform_revenue)::text AS platform, sum(dao_revenue)::text AS dao, count(*)::int AS fees
          FROM transaction_fees WHERE ${p} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(mine).toEqual(raw);
    const mpesa = await q.mpesaByStatus(t.db, r);
    const rawMpesa = await queryRows<{ n: number; amount: string | null }>(t.db, sql`SELECT count(*)::int AS n, sum(amount)::text AS amount FROM mpesa_transactions WHERE ${p}`);
    expect(mpesa.reduce((a, x) => a + x.transactions, 0)).toBe(rawMpesa[0]!.n);
  });
});

describe("rollups stay exact as rows change", () => {
  it("matches a full rebuild after inserts, updates and deletes", async () => {
    const snapshot = () =>
      queryRows<{ t: string; j: string }>(
        t.db,
        sql`SELECT t, j FROM (
              SELECT 'ip' AS t, to_jsonb(r)::text AS j FROM login_ip_rollup r UNION ALL SELECT 'la', to_jsonb(r)::text FROM login_attempt_rollup r
              UNION ALL SELECT 'id', to_jsonb(r)::text FROM login_identifier_rollup r UNION ALL SELECT 'ev', to_jsonb(r)::text FROM security_event_rollup r
              UNION ALL SELECT 'em', to_jsonb(r)::text FROM email_delivery_rollup r UNION ALL SELECT 'sms', to_jsonb(r)::text FROM sms_delivery_rollup r
              UNION ALL SELECT 'rec', to_jsonb(r)::text FROM sms_recipient_rollup r UNION ALL SELECT 'fee', to_jsonb(r)::text FROM transaction_fee_rollup r
              UNION ALL SELECT 'mp', to_jsonb(r)::text FROM mpesa_rollup r) x ORDER BY 1, 2`,
      );
    await t.db.execute(sql`UPDATE email_delivery_log SET status = 'delivered', delivered_at = created_at WHERE status = 'pending'`);
    await t.db.execute(sql`UPDATE sms_delivery_log SET status = 'failed' WHERE to_phone = '+252613000999' AND created_at < '2026-11-19T20:30:00Z'`);
    await t.db.execute(sql`UPDATE security_events SET status = 'acknowledged' WHERE status = 'open' AND id % 2 = 0`);
    await t.db.execute(sql`DELETE FROM login_attempts WHERE identifier LIKE 'user1%'`);
    await t.db.execute(sql`UPDATE login_attempts SET attempt_result = 'success', failure_reason = NULL WHERE identifier = 'steady@example.com'`);
    await t.db.execute(sql`DELETE FROM mpesa_transactions WHERE status = 'timeout'`);
    const live = await snapshot();
    await t.db.execute(sql`SELECT dashboard_rollups_rebuild()`);
    expect(await snapshot()).toEqual(live);
    // And the steady identifier's failures are gone from brute force candidates.
    expect((await q.bruteForce(t.db, { ...RANGE, limit: 10, threshold: 5 })).map((x) => x.identifier)).toEqual(["victim@example.com"]);
  });
});
