import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { ROLLUPS } from "~/server/db/rollups/definitions";
import { binTo, bucketStarts, floorTo, HOUR, isoInstant as iso, rollupSource, segments, seriesBucket, sqlList, type TimeRange, unionParts } from "./range";
import { topByTotal, utc } from "./top";

// Definitions (the README's "Which rows count" repeats them):
// - a failure is any login attempt whose result is not `success`;
// - credential stuffing: one IP address trying more than 20 distinct
//   identifiers within any 60 minutes of the range;
// - brute force: more than `threshold` (default 10) failures on one
//   identifier within any 5 minutes of the range.

export const STUFFING_IDENTIFIERS = 20;
export const STUFFING_WINDOW_US = 60 * 60 * 1_000_000;
export const BRUTE_FORCE_WINDOW_US = 5 * 60 * 1_000_000;
export const BRUTE_FORCE_DEFAULT_THRESHOLD = 10;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const EVENT_STATUSES = ["open", "acknowledged", "resolved"] as const;


/** Sign-in attempts per hour (ranges up to 72 hours) or per UTC day, every bucket present. */
export async function signInsOverTime(db: Db, range: TimeRange) {
  const bucket = seriesBucket(range);
  const source = rollupSource(ROLLUPS.loginAttempts, range, { grains: bucket === "hour" ? ["hour"] : ["hour", "day"] });
  const rows = await queryRows<{ at: string; successes: number; failures: number }>(
    db,
    sql`SELECT ${utc("b")} AS at,
               coalesce(sum(attempts) FILTER (WHERE attempt_result = 'success'), 0)::int AS successes,
               coalesce(sum(attempts) FILTER (WHERE attempt_result <> 'success'), 0)::int AS failures
        FROM (SELECT ${binTo(bucket)} AS b, attempt_result, attempts FROM ${source} s) x GROUP BY b`,
  );
  const byAt = new Map(rows.map((r) => [new Date(r.at).getTime(), r]));
  return {
    bucket,
    points: bucketStarts(range, bucket).map((at) => ({ at, successes: byAt.get(at.getTime())?.successes ?? 0, failures: byAt.get(at.getTime())?.failures ?? 0 })),
  };
}

/** Addresses with the most failed sign-ins, with the distinct identifiers those failures named. */
export async function failedLoginsByIp(db: Db, range: TimeRange & { limit: number }) {
  const top = await topByTotal(db, range, { rollup: ROLLUPS.loginIps, measure: "failures", limit: range.limit });
  if (top.length === 0) return [];
  // The top addresses' failures themselves, for what no rollup can add up: distinct identifiers, the last attempt.
  const details = await queryRows<{ ip: string; identifiers: number; last: string }>(
    db,
    sql`SELECT host(ip_address) AS ip, count(*)::int AS identifiers, ${utc("max(last)")} AS last FROM (
          SELECT ip_address, identifier COLLATE "C", max(created_at) AS last
          FROM login_attempts
          WHERE ip_address = ANY(${sqlList(top.map((t) => t.key), "inet")})
            AND attempt_result <> 'success' AND created_at >= ${iso(range.from)} AND created_at < ${iso(range.to)}
          GROUP BY 1, 2) x
        GROUP BY ip_address`,
  );
  const byIp = new Map(details.map((d) => [d.ip, d]));
  // An address whose failures were deleted between the two reads has nothing left to show.
  return top.flatMap((t) => {
    const d = byIp.get(t.key);
    return d ? [{ ip: t.key, failures: t.total, distinctIdentifiers: d.identifiers, lastAttemptAt: new Date(d.last) }] : [];
  });
}

async function countsBy<K extends string>(db: Db, range: TimeRange, column: "severity" | "status", order: readonly K[]) {
  const rows = await queryRows<{ key: K; count: number }>(
    db,
    sql`SELECT ${sql.raw(column)}::text AS key, coalesce(sum(events), 0)::int AS count FROM ${rollupSource(ROLLUPS.securityEvents, range)} s GROUP BY 1`,
  );
  const counts = new Map(rows.map((r) => [r.key, r.count]));
  return order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** Security events raised in the range, by severity (all four, most severe first). */
export async function eventsBySeverity(db: Db, range: TimeRange) {
  return (await countsBy(db, range, "severity", SEVERITIES)).map(({ key, count }) => ({ severity: key, count }));
}

/** Security events raised in the range, by their status now. */
export async function eventsByStatus(db: Db, range: TimeRange) {
  return (await countsBy(db, range, "status", EVENT_STATUSES)).map(({ key, count }) => ({ status: key, count }));
}

/**
 * Right now: open events, unresolved ones by severity, locked accounts, active
 * sessions. One statement, each count read from a partial index.
 */
export async function securitySnapshot(db: Db, now = new Date()) {
  const [row] = await queryRows<{ open_events: number; locked: number; sessions: number } & Record<(typeof SEVERITIES)[number], number>>(
    db,
    sql`SELECT (SELECT count(*) FROM security_events WHERE status = 'open')::int AS open_events,
               (SELECT count(*) FROM users WHERE locked_until > ${iso(now)} AND deleted_at IS NULL)::int AS locked,
               (SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ${iso(now)})::int AS sessions,
               u.critical, u.high, u.medium, u.low
        FROM (SELECT ${sql.join(
          SEVERITIES.map((v) => sql`count(*) FILTER (WHERE severity = ${sql.raw(`'${v}'`)})::int AS ${sql.raw(v)}`),
          sql`, `,
        )} FROM security_events WHERE status <> 'resolved') u`,
  );
  return {
    openEvents: row!.open_events,
    unresolvedBySeverity: SEVERITIES.map((severity) => ({ severity, count: row![severity] })),
    lockedAccounts: row!.locked,
    activeSessions: row!.sessions,
    asOf: now,
  };
}

type Timed = {
  key: string;
  us: number;
};

/**
 * The busiest window of `windowUs` in a time-ordered run of one key's rows:
 * the window [t, t + windowUs) starting at some row's time t that holds the
 * most rows (or, given `distinctOf`, the most distinct values), the earliest
 * such. Two pointers: linear in the rows.
 */
function busiestWindow<T extends Timed>(rows: T[], windowUs: number, distinctOf?: (row: T) => string) {
  const counts = new Map<string, number>();
  let best = { size: 0, start: 0, end: 0 };
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    while (j < rows.length && rows[j]!.us < rows[i]!.us + windowUs) {
      if (distinctOf) counts.set(distinctOf(rows[j]!), (counts.get(distinctOf(rows[j]!)) ?? 0) + 1);
      j++;
    }
    const size = distinctOf ? counts.size : j - i;
    if (size > best.size) best = { size, start: i, end: j };
    if (distinctOf) {
      const v = distinctOf(rows[i]!);
      const n = counts.get(v)! - 1;
      if (n === 0) counts.delete(v);
      else counts.set(v, n);
    }
  }
  return best;
}

function groupByKey<T extends Timed>(rows: T[]) {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const g = groups.get(r.key);
    if (g) g.push(r);
    else groups.set(r.key, [r]);
  }
  return groups;
}

const usToDate = (us: number) => new Date(Math.floor(us / 1000));

/** How many candidates to read first: all of them when they are few (one round trip beats pruning), else the top `limit`. */
const firstRound = (candidates: number, limit: number) => (candidates <= 3 * limit ? candidates : limit);

/**
 * Every attempt inside the given stretches, grouped by address in time order.
 * One row per stretch, its identifiers and times as two JSON arrays in time
 * order: thousands of attempts cross the wire and parse as a few strings.
 * Attempts at the same instant may pair up in any order (the two arrays are
 * sorted separately), which changes nothing: they share the one time.
 */
async function stretchAttempts(db: Db, stretches: { ip: string; lo: string; hi: string }[]) {
  const fetched = await queryRows<{ n: number; identifiers: string; us: string }>(
    db,
    sql`SELECT r.n::int AS n,
               array_to_json(array_agg(a.identifier ORDER BY a.created_at))::text AS identifiers,
               array_to_json(array_agg((extract(epoch FROM a.created_at) * 1000000)::bigint ORDER BY a.created_at))::text AS us
        FROM unnest(${sqlList(stretches.map((s) => s.ip), "inet")}, ${sqlList(stretches.map((s) => s.lo), "timestamptz")}, ${sqlList(stretches.map((s) => s.hi), "timestamptz")}) WITH ORDINALITY AS r(ip, lo, hi, n)
        JOIN login_attempts a ON a.ip_address = r.ip AND a.created_at >= r.lo AND a.created_at < r.hi
        GROUP BY r.n ORDER BY r.n`,
  );
  // Stretches of one address are consecutive and in time order, so its attempts concatenate in order.
  return groupByKey(
    fetched.flatMap((f) => {
      const key = stretches[f.n - 1]!.ip;
      const us = JSON.parse(f.us) as number[];
      return (JSON.parse(f.identifiers) as string[]).map((identifier, i) => ({ key, identifier, us: us[i]! }));
    }),
  );
}

/**
 * Credential-stuffing suspects: addresses that tried more than 20 distinct
 * identifiers within any 60 minutes. Such a window lies in two adjacent clock
 * hours that together saw at least 21 attempts from the address, one of them
 * at least 11. The hourly rollup names those pairs of hours (a partial index
 * finds the busy ones), and only the attempts inside them are read: first for
 * the addresses whose pairs saw the most attempts, then for the next, until no
 * address left could reach the top.
 */
export async function credentialStuffing(db: Db, range: TimeRange & { limit: number }) {
  const hourStart = floorTo(range.from, HOUR);
  const from = iso(range.from);
  const to = iso(range.to);
  const regions = await queryRows<{ ip: string; lo: string; attempts: number }>(
    db,
    sql`WITH busy AS (
          SELECT ip_address, bucket, attempts FROM login_ip_rollup
          WHERE grain = 'hour' AND bucket >= ${iso(hourStart)} AND bucket < ${to} AND attempts > 10
        ), pairs AS (
          SELECT b.ip_address, b.bucket - interval '1 hour' AS lo, b.attempts + coalesce(p.attempts, 0) AS attempts FROM busy b
          LEFT JOIN login_ip_rollup p ON p.ip_address = b.ip_address AND p.grain = 'hour' AND p.bucket = b.bucket - interval '1 hour'
          WHERE b.attempts + coalesce(p.attempts, 0) > ${STUFFING_IDENTIFIERS}
          UNION
          SELECT b.ip_address, b.bucket, b.attempts + coalesce(n.attempts, 0) FROM busy b
          LEFT JOIN login_ip_rollup n ON n.ip_address = b.ip_address AND n.grain = 'hour' AND n.bucket = b.bucket + interval '1 hour'
          WHERE b.attempts + coalesce(n.attempts, 0) > ${STUFFING_IDENTIFIERS}
        )
        SELECT host(ip_address) AS ip, ${utc("lo")} AS lo, attempts::int AS attempts FROM pairs ORDER BY ip_address, lo`,
  );
  // Overlapping pairs of hours merge into one stretch per address, so no attempt is read twice.
  // A window's distinct identifiers are at most its pair's attempts: an address's bound.
  const stretches = new Map<string, { lo: string; hi: string }[]>();
  const bounds = new Map<string, number>();
  for (const { ip, lo: start, attempts } of regions) {
    // Two hours from the pair's first, clipped to the range.
    const lo = new Date(Math.max(Date.parse(start), range.from.getTime())).toISOString();
    const hi = new Date(Math.min(Date.parse(start) + 2 * HOUR, range.to.getTime())).toISOString();
    if (lo >= hi) continue;
    const mine = stretches.get(ip) ?? [];
    const prev = mine[mine.length - 1];
    if (prev && lo <= prev.hi) prev.hi = hi > prev.hi ? hi : prev.hi;
    else mine.push({ lo, hi });
    stretches.set(ip, mine);
    bounds.set(ip, Math.max(bounds.get(ip) ?? 0, attempts));
  }
  // Read the `limit` addresses with the highest bounds first; then only those
  // whose bound could still reach (or tie) the `limit`-th distinct count found.
  const queue = [...bounds.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ip]) => ip);
  const found: { ip: string; distinctIdentifiers: number; windowStart: Date }[] = [];
  const read = async (ips: string[]) => {
    for (const [ip, attempts] of await stretchAttempts(db, ips.flatMap((ip) => stretches.get(ip)!.map((s) => ({ ip, ...s }))))) {
      const best = busiestWindow(attempts, STUFFING_WINDOW_US, (r) => r.identifier);
      if (best.size > STUFFING_IDENTIFIERS) found.push({ ip, distinctIdentifiers: best.size, windowStart: usToDate(attempts[best.start]!.us) });
    }
    found.sort((a, b) => b.distinctIdentifiers - a.distinctIdentifiers || (a.ip < b.ip ? -1 : 1));
  };
  const first = firstRound(queue.length, range.limit);
  if (first) await read(queue.slice(0, first));
  const floor = found.length >= range.limit ? found[range.limit - 1]!.distinctIdentifiers : 0;
  const rest = queue.slice(first).filter((ip) => bounds.get(ip)! >= floor);
  if (rest.length) await read(rest);
  const top = found.slice(0, range.limit);
  if (top.length === 0) return [];
  // What each suspect did over the whole range: whole hours and days from the rollup, the edges from the table.
  const seg = segments(range);
  const totals = await queryRows<{ ip: string; attempts: number; failures: number; last: string }>(
    db,
    sql`SELECT host(u.ip) AS ip, (coalesce(r.attempts, 0) + e.attempts)::int AS attempts, (coalesce(r.failures, 0) + e.failures)::int AS failures, ${utc("l.last")} AS last
        FROM unnest(${sqlList(top.map((t) => t.ip), "inet")}) AS u(ip)
        CROSS JOIN LATERAL (SELECT sum(attempts) AS attempts, sum(failures) AS failures FROM (${unionParts(seg.parts, (part) => sql`SELECT attempts, failures FROM login_ip_rollup WHERE ip_address = u.ip AND ${part}`)}) p) r
        CROSS JOIN LATERAL (SELECT count(*) AS attempts, count(*) FILTER (WHERE attempt_result <> 'success') AS failures FROM login_attempts WHERE ip_address = u.ip AND ${seg.raw(sql`created_at`)}) e
        CROSS JOIN LATERAL (SELECT max(created_at) AS last FROM login_attempts WHERE ip_address = u.ip AND created_at >= ${from} AND created_at < ${to}) l`,
  );
  const byIp = new Map(totals.map((t) => [t.ip, t]));
  return top.map((t) => {
    const total = byIp.get(t.ip)!;
    return { ip: t.ip, distinctIdentifiers: t.distinctIdentifiers, attempts: total.attempts, successes: total.attempts - total.failures, windowStart: t.windowStart, lastAttemptAt: new Date(total.last) };
  });
}

/**
 * Every failure in the range of each of the identifiers, in time order: one
 * row per identifier, its failures as JSON arrays in one order (see
 * stretchAttempts). Identifiers travel as a JSON array: they may hold commas.
 */
async function identifierFailures(db: Db, range: TimeRange, identifiers: string[]) {
  const fetched = await queryRows<{ key: string; ips: string; users: string; us: string }>(
    db,
    sql`SELECT a.identifier AS key,
               array_to_json(array_agg(host(a.ip_address) ORDER BY a.created_at, a.id))::text AS ips,
               array_to_json(array_agg(a.user_id ORDER BY a.created_at, a.id))::text AS users,
               array_to_json(array_agg((extract(epoch FROM a.created_at) * 1000000)::bigint ORDER BY a.created_at, a.id))::text AS us
        FROM login_attempts a
        WHERE a.identifier IN (SELECT json_array_elements_text(${JSON.stringify(identifiers)}::json))
          AND a.attempt_result <> 'success' AND a.created_at >= ${iso(range.from)} AND a.created_at < ${iso(range.to)}
        GROUP BY a.identifier`,
  );
  return groupByKey(
    fetched.flatMap((f) => {
      const ips = JSON.parse(f.ips) as string[];
      const users = JSON.parse(f.users) as (string | null)[];
      return (JSON.parse(f.us) as number[]).map((us, i) => ({ key: f.key, ip: ips[i]!, user_id: users[i]!, us }));
    }),
  );
}

/**
 * Accounts under brute force: identifiers with more than `threshold` failures
 * within any 5 minutes. Such a window spans at most two five-minute slots, so
 * one of them holds more than half: the slot rollup names the candidates,
 * and that slot with its busier neighbour bounds the burst. Identifiers are
 * read in order of that bound, until none left could reach the top.
 */
export async function bruteForce(db: Db, range: TimeRange & { limit: number; threshold?: number }) {
  const threshold = range.threshold ?? BRUTE_FORCE_DEFAULT_THRESHOLD;
  const slotStart = floorTo(range.from, 5 * 60_000); // the rollup's five-minute slots
  // A window spans at most two adjacent slots, so a candidate slot plus its
  // busier neighbour bounds the failures of any window through it.
  const candidates = await queryRows<{ identifier: string; bound: number }>(
    db,
    sql`WITH slots AS (
          SELECT identifier, bucket, failures FROM login_identifier_rollup
          WHERE bucket >= ${iso(slotStart)} AND bucket < ${iso(range.to)} AND failures >= 3 AND failures * 2 > ${threshold}
        )
        SELECT s.identifier, max(s.failures + greatest(coalesce(p.failures, 0), coalesce(n.failures, 0)))::int AS bound
        FROM slots s
        LEFT JOIN login_identifier_rollup p ON p.grain = '5 minutes' AND p.bucket = s.bucket - interval '5 minutes' AND p.identifier = s.identifier
        LEFT JOIN login_identifier_rollup n ON n.grain = '5 minutes' AND n.bucket = s.bucket + interval '5 minutes' AND n.identifier = s.identifier
        GROUP BY 1`,
  );
  // Read the `limit` identifiers with the highest bounds first; then only those
  // whose bound could still reach (or tie) the `limit`-th burst found.
  const queue = candidates.filter((c) => c.bound > threshold).sort((a, b) => b.bound - a.bound || (a.identifier < b.identifier ? -1 : 1));
  const found: { identifier: string; userId: string | null; failures: number; windowStart: Date; ips: number; lastAttemptAt: Date }[] = [];
  const read = async (identifiers: string[]) => {
    for (const [identifier, failures] of await identifierFailures(db, range, identifiers)) {
      const best = busiestWindow(failures, BRUTE_FORCE_WINDOW_US);
      if (best.size <= threshold) continue;
      const window = failures.slice(best.start, best.end);
      const userId = [...failures].reverse().find((f) => f.user_id)?.user_id ?? null;
      found.push({
        identifier,
        userId,
        failures: best.size,
        windowStart: usToDate(failures[best.start]!.us),
        ips: new Set(window.map((f) => f.ip)).size,
        lastAttemptAt: usToDate(failures[failures.length - 1]!.us),
      });
    }
    found.sort((a, b) => b.failures - a.failures || (a.identifier < b.identifier ? -1 : 1));
  };
  const first = firstRound(queue.length, range.limit);
  if (first) await read(queue.slice(0, first).map((c) => c.identifier));
  const floor = found.length >= range.limit ? found[range.limit - 1]!.failures : 0;
  const rest = queue.slice(first).filter((c) => c.bound >= floor);
  if (rest.length) await read(rest.map((c) => c.identifier));
  found.sort((a, b) => b.failures - a.failures || (a.identifier < b.identifier ? -1 : 1));
  const top = found.slice(0, range.limit);
  const ids = top.map((t) => t.userId).filter((id): id is string => !!id);
  const locked = ids.length
    ? await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM users WHERE id = ANY(${sqlList(ids, "uuid")}) AND locked_until > now()`)
    : [];
  const lockedIds = new Set(locked.map((l) => l.id));
  return top.map((t) => ({ ...t, lockedNow: !!t.userId && lockedIds.has(t.userId) }));
}
