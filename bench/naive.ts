/**
 * Naive baselines: what each dashboard tile would cost without rollups, as
 * plain GROUP BY / COUNT over the raw table with the range filter, shaped
 * like the query functions' results so the two can be compared exactly.
 *
 * Deliberately independent of src/server/queries/dashboard: the definitions
 * are re-derived from the contract (/tmp/dash-contract.md at the time of
 * writing) and the README's "Which rows count", not shared code.
 */
import type { Sql } from "postgres";

export interface Range {
  from: Date;
  to: Date;
}

const HOUR = 3_600_000;
const bucketOf = (r: Range) => (r.to.getTime() - r.from.getTime() <= 72 * HOUR ? "hour" : "day");

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const EVENT_STATUSES = ["open", "acknowledged", "resolved"] as const;
const DELIVERY_STATUSES = ["pending", "sent", "delivered", "failed", "bounced"] as const;

/** Every bucket start from the one holding `from` up to `to`, joined to the rows' counts. */
function series(sql: Sql, r: Range, bucket: "hour" | "day") {
  return sql`generate_series(date_trunc(${bucket}, ${r.from}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                             ${r.to}::timestamptz - interval '1 microsecond', ${`1 ${bucket}`}::interval)`;
}
const trunc = (sql: Sql, bucket: "hour" | "day") => sql`date_trunc(${bucket}, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;

export async function signInsOverTime(sql: Sql, r: Range) {
  const bucket = bucketOf(r);
  const points = await sql<{ at: Date; successes: number; failures: number }[]>`
    SELECT b.at, coalesce(c.successes, 0)::int AS successes, coalesce(c.failures, 0)::int AS failures
    FROM ${series(sql, r, bucket)} AS b(at)
    LEFT JOIN (SELECT ${trunc(sql, bucket)} AS at,
                      count(*) FILTER (WHERE attempt_result = 'success') AS successes,
                      count(*) FILTER (WHERE attempt_result <> 'success') AS failures
               FROM login_attempts WHERE created_at >= ${r.from} AND created_at < ${r.to} GROUP BY 1) c USING (at)
    ORDER BY b.at`;
  return { bucket, points: [...points] };
}

export async function failedLoginsByIp(sql: Sql, r: Range & { limit: number }) {
  return [
    ...(await sql<{ ip: string; failures: number; distinctIdentifiers: number; lastAttemptAt: Date }[]>`
      SELECT host(ip_address) AS ip, count(*)::int AS failures, count(DISTINCT identifier)::int AS "distinctIdentifiers",
             max(created_at) AS "lastAttemptAt"
      FROM login_attempts
      WHERE attempt_result <> 'success' AND created_at >= ${r.from} AND created_at < ${r.to}
      GROUP BY ip_address ORDER BY 2 DESC, host(ip_address) COLLATE "C" LIMIT ${r.limit}`),
  ];
}

async function eventCounts(sql: Sql, r: Range, column: "severity" | "status") {
  const rows = await sql<{ key: string; count: number }[]>`
    SELECT ${sql(column)}::text AS key, count(*)::int AS count FROM security_events
    WHERE created_at >= ${r.from} AND created_at < ${r.to} GROUP BY 1`;
  return new Map(rows.map((row) => [row.key, row.count]));
}

export async function eventsBySeverity(sql: Sql, r: Range) {
  const counts = await eventCounts(sql, r, "severity");
  return SEVERITIES.map((severity) => ({ severity, count: counts.get(severity) ?? 0 }));
}

export async function eventsByStatus(sql: Sql, r: Range) {
  const counts = await eventCounts(sql, r, "status");
  return EVENT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export async function securitySnapshot(sql: Sql, now: Date) {
  const [row] = await sql<{ open: number; locked: number; sessions: number }[]>`
    SELECT (SELECT count(*) FROM security_events WHERE status = 'open')::int AS open,
           (SELECT count(*) FROM users WHERE locked_until > ${now} AND deleted_at IS NULL)::int AS locked,
           (SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ${now})::int AS sessions`;
  const unresolved = await sql<{ severity: string; count: number }[]>`
    SELECT severity::text, count(*)::int AS count FROM security_events WHERE status <> 'resolved' GROUP BY 1`;
  const by = new Map(unresolved.map((u) => [u.severity, u.count]));
  return {
    openEvents: row!.open,
    unresolvedBySeverity: SEVERITIES.map((severity) => ({ severity, count: by.get(severity) ?? 0 })),
    lockedAccounts: row!.locked,
    activeSessions: row!.sessions,
    asOf: now,
  };
}

/**
 * More than 20 distinct identifiers from one address within any 60 minutes of the
 * range: for every attempt, the distinct identifiers the address tried in the hour
 * starting there (clipped to the range); the address's busiest such hour, earliest first.
 */
export async function credentialStuffing(sql: Sql, r: Range & { limit: number }) {
  return [
    ...(await sql<{ ip: string; distinctIdentifiers: number; attempts: number; successes: number; windowStart: Date; lastAttemptAt: Date }[]>`
      WITH windows AS (
        SELECT DISTINCT ON (a.ip_address) a.ip_address, a.created_at AS window_start, w.identifiers
        FROM login_attempts a
        CROSS JOIN LATERAL (
          SELECT count(DISTINCT b.identifier)::int AS identifiers FROM login_attempts b
          WHERE b.ip_address = a.ip_address AND b.created_at >= a.created_at
            AND b.created_at < least(a.created_at + interval '60 minutes', ${r.to}::timestamptz)
        ) w
        WHERE a.created_at >= ${r.from} AND a.created_at < ${r.to}
        ORDER BY a.ip_address, w.identifiers DESC, a.created_at, a.id
      )
      SELECT host(s.ip_address) AS ip, s.identifiers AS "distinctIdentifiers", t.attempts, t.successes,
             s.window_start AS "windowStart", t.last AS "lastAttemptAt"
      FROM windows s
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS attempts, count(*) FILTER (WHERE attempt_result = 'success')::int AS successes, max(created_at) AS last
        FROM login_attempts WHERE ip_address = s.ip_address AND created_at >= ${r.from} AND created_at < ${r.to}
      ) t
      WHERE s.identifiers > 20
      ORDER BY s.identifiers DESC, host(s.ip_address) COLLATE "C" LIMIT ${r.limit}`),
  ];
}

/**
 * More than `threshold` failures on one identifier within any 5 minutes of the range:
 * for every failure, the failures in the five minutes starting there; the busiest.
 */
export async function bruteForce(sql: Sql, r: Range & { limit: number; threshold?: number }) {
  const threshold = r.threshold ?? 10;
  return [
    ...(await sql<{ identifier: string; userId: string | null; failures: number; windowStart: Date; ips: number; lastAttemptAt: Date; lockedNow: boolean }[]>`
      WITH windows AS (
        SELECT DISTINCT ON (a.identifier) a.identifier, a.created_at AS window_start, w.failures, w.ips
        FROM login_attempts a
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS failures, count(DISTINCT b.ip_address)::int AS ips FROM login_attempts b
          WHERE b.identifier = a.identifier AND b.attempt_result <> 'success' AND b.created_at >= a.created_at
            AND b.created_at < least(a.created_at + interval '5 minutes', ${r.to}::timestamptz)
        ) w
        WHERE a.attempt_result <> 'success' AND a.created_at >= ${r.from} AND a.created_at < ${r.to}
        ORDER BY a.identifier, w.failures DESC, a.created_at, a.id
      )
      SELECT s.identifier, u.user_id::text AS "userId", s.failures, s.window_start AS "windowStart", s.ips,
             l.last AS "lastAttemptAt", coalesce(us.locked_until > now(), false) AS "lockedNow"
      FROM windows s
      CROSS JOIN LATERAL (
        SELECT max(created_at) AS last FROM login_attempts
        WHERE identifier = s.identifier AND attempt_result <> 'success' AND created_at >= ${r.from} AND created_at < ${r.to}
      ) l
      LEFT JOIN LATERAL (
        SELECT user_id FROM login_attempts
        WHERE identifier = s.identifier AND attempt_result <> 'success' AND user_id IS NOT NULL
          AND created_at >= ${r.from} AND created_at < ${r.to}
        ORDER BY created_at DESC, id DESC LIMIT 1
      ) u ON true
      LEFT JOIN users us ON us.id = u.user_id
      WHERE s.failures > ${threshold}
      ORDER BY s.failures DESC, s.identifier COLLATE "C" LIMIT ${r.limit}`),
  ];
}

export async function emailDeliveryRate(sql: Sql, r: Range) {
  const rows = await sql<{ provider: string | null; template: string | null; total: number; delivered: number; failed: number; bounced: number; pending: number; sent: number }[]>`
    SELECT provider, template, count(*)::int AS total,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status = 'failed')::int AS failed,
           count(*) FILTER (WHERE status = 'bounced')::int AS bounced, count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'sent')::int AS sent
    FROM email_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY GROUPING SETS ((), (provider), (template))
    ORDER BY total DESC, provider COLLATE "C", template COLLATE "C"`;
  const rate = (t: { total: number; delivered: number }) => (t.total === 0 ? null : t.delivered / t.total);
  const overall = rows.find((x) => x.provider === null && x.template === null) ?? { total: 0, delivered: 0, failed: 0, bounced: 0, pending: 0, sent: 0 };
  return {
    total: overall.total,
    delivered: overall.delivered,
    failed: overall.failed,
    bounced: overall.bounced,
    pending: overall.pending,
    sent: overall.sent,
    rate: rate(overall),
    byProvider: rows.filter((x) => x.provider !== null).map((x) => ({ provider: x.provider!, total: x.total, delivered: x.delivered, failed: x.failed, bounced: x.bounced, rate: rate(x) })),
    byTemplate: rows.filter((x) => x.template !== null).map((x) => ({ template: x.template!, total: x.total, delivered: x.delivered, failed: x.failed, bounced: x.bounced, rate: rate(x) })),
  };
}

export async function emailOverTime(sql: Sql, r: Range) {
  const bucket = bucketOf(r);
  const points = await sql<{ at: Date; total: number; delivered: number; failed: number; bounced: number }[]>`
    SELECT b.at, coalesce(c.total, 0)::int AS total, coalesce(c.delivered, 0)::int AS delivered,
           coalesce(c.failed, 0)::int AS failed, coalesce(c.bounced, 0)::int AS bounced
    FROM ${series(sql, r, bucket)} AS b(at)
    LEFT JOIN (SELECT ${trunc(sql, bucket)} AS at, count(*) AS total,
                      count(*) FILTER (WHERE status = 'delivered') AS delivered, count(*) FILTER (WHERE status = 'failed') AS failed,
                      count(*) FILTER (WHERE status = 'bounced') AS bounced
               FROM email_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to} GROUP BY 1) c USING (at)
    ORDER BY b.at`;
  return { bucket, points: [...points] };
}

export async function smsCost(sql: Sql, r: Range) {
  const byCurrency = await sql<{ currency: string | null; cost: string; messages: number }[]>`
    SELECT currency, coalesce(sum(cost), 0)::text AS cost, count(*)::int AS messages
    FROM sms_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY 1 ORDER BY currency COLLATE "C" NULLS LAST`;
  const daily = await sql<{ day: Date; currency: string | null; cost: string; messages: number }[]>`
    SELECT ${trunc(sql, "day")} AS day, currency, coalesce(sum(cost), 0)::text AS cost, count(*)::int AS messages
    FROM sms_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY 1, 2 ORDER BY 1, currency COLLATE "C" NULLS LAST`;
  return { byCurrency: [...byCurrency], daily: [...daily] };
}

export async function smsBreakdown(sql: Sql, r: Range) {
  const byProvider = await sql<{ provider: string; currency: string | null; cost: string; messages: number; delivered: number; failed: number }[]>`
    SELECT provider, currency, coalesce(sum(cost), 0)::text AS cost, count(*)::int AS messages,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE status IN ('failed', 'bounced'))::int AS failed
    FROM sms_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY 1, 2 ORDER BY messages DESC, provider, coalesce(currency, '')`;
  const byCountry = await sql<{ countryCode: string | null; currency: string | null; cost: string; messages: number }[]>`
    SELECT country_code AS "countryCode", currency, coalesce(sum(cost), 0)::text AS cost, count(*)::int AS messages
    FROM sms_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY 1, 2 ORDER BY messages DESC, coalesce(country_code, '~'), coalesce(currency, '')`;
  const statuses = await sql<{ status: string; count: number }[]>`
    SELECT status::text, count(*)::int AS count FROM sms_delivery_log
    WHERE created_at >= ${r.from} AND created_at < ${r.to} GROUP BY 1`;
  const by = new Map(statuses.map((s) => [s.status, s.count]));
  return {
    byProvider: [...byProvider],
    byCountry: [...byCountry],
    byStatus: DELIVERY_STATUSES.map((status) => ({ status, count: by.get(status) ?? 0 })),
  };
}

export async function smsTopRecipients(sql: Sql, r: Range & { limit: number }) {
  return [
    ...(await sql<{ phone: string; countryCode: string | null; messages: number; failed: number; lastSentAt: Date }[]>`
      SELECT to_phone AS phone, max(country_code) AS "countryCode", count(*)::int AS messages,
             count(*) FILTER (WHERE status IN ('failed', 'bounced'))::int AS failed, max(created_at) AS "lastSentAt"
      FROM sms_delivery_log WHERE created_at >= ${r.from} AND created_at < ${r.to}
      GROUP BY to_phone ORDER BY 3 DESC, to_phone COLLATE "C" LIMIT ${r.limit}`),
  ];
}

export async function feeRevenue(sql: Sql, r: Range) {
  return [
    ...(await sql<{ category: string; currency: string; revenue: string; platform: string; dao: string; fees: number }[]>`
      SELECT fee_category::text AS category, currency, sum(fee_amount)::text AS revenue, sum(platform_revenue)::text AS platform,
             sum(dao_revenue)::text AS dao, count(*)::int AS fees
      FROM transaction_fees WHERE created_at >= ${r.from} AND created_at < ${r.to}
      GROUP BY 1, 2 ORDER BY 1, 2`),
  ];
}

export async function feeRevenueOverTime(sql: Sql, r: Range) {
  const bucket = bucketOf(r);
  const buckets = await sql<{ at: Date }[]>`SELECT at FROM ${series(sql, r, bucket)} AS b(at) ORDER BY at`;
  const points = await sql<{ at: Date; currency: string; platform: string; dao: string }[]>`
    SELECT ${trunc(sql, bucket)} AS at, currency, sum(platform_revenue)::text AS platform, sum(dao_revenue)::text AS dao
    FROM transaction_fees WHERE created_at >= ${r.from} AND created_at < ${r.to}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  // Every bucket for every currency seen, zeros where a currency earned nothing, as the tile returns.
  const currencies = [...new Set(points.map((p) => p.currency))].sort();
  const byKey = new Map(points.map((p) => [`${p.at.getTime()}|${p.currency}`, p]));
  return {
    bucket,
    points: buckets.flatMap(({ at }) =>
      currencies.map((currency) => {
        const p = byKey.get(`${at.getTime()}|${currency}`);
        return { at, currency, platform: p?.platform ?? "0", dao: p?.dao ?? "0" };
      }),
    ),
  };
}

export async function swapVolume(sql: Sql, r: Range) {
  return [
    ...(await sql<{ fromCurrency: string; toCurrency: string; swaps: number; fromAmount: string; toAmount: string }[]>`
      SELECT from_currency AS "fromCurrency", to_currency AS "toCurrency", count(*)::int AS swaps,
             sum(from_amount)::text AS "fromAmount", sum(to_amount)::text AS "toAmount"
      FROM currency_swaps WHERE status = 'completed' AND created_at >= ${r.from} AND created_at < ${r.to}
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`),
  ];
}

export async function mpesaByStatus(sql: Sql, r: Range) {
  return [
    ...(await sql<{ status: string; transactions: number; amount: string; currency: string }[]>`
      SELECT status::text AS status, currency, count(*)::int AS transactions, sum(amount)::text AS amount
      FROM mpesa_transactions WHERE created_at >= ${r.from} AND created_at < ${r.to}
      GROUP BY mpesa_transactions.status, currency ORDER BY mpesa_transactions.status, currency`),
  ];
}

export async function balancesByCurrency(sql: Sql) {
  return [
    ...(await sql<{ currency: string; holders: number; available: string; pending: string; locked: string }[]>`
      SELECT currency, count(DISTINCT user_id)::int AS holders, sum(available_balance)::text AS available,
             sum(pending_balance)::text AS pending, sum(locked_balance)::text AS locked
      FROM user_balances GROUP BY 1 ORDER BY 1`),
  ];
}
