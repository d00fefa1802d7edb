import "server-only";
import { and, desc, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { loginAttempts } from "~/server/db/schema";
import { afterCursor, cursorTime, type Keyset, pageOf } from "./keyset";

// Everything here filters on ip_address with the (ip_address, created_at)
// indexes of login_attempts and security_events.

export interface IpRange {
  ip: string;
  from: Date;
  to: Date;
}

export async function ipSummary(db: Db, { ip, from, to }: IpRange) {
  const [row] = await queryRows<{ attempts: number; failures: number; successes: number; identifiers: number; accounts: number; first_seen: string | null; last_seen: string | null; countries: string[] | null; user_agents: number }>(
    db,
    sql`SELECT count(*)::int AS attempts,
               count(*) FILTER (WHERE attempt_result <> 'success')::int AS failures,
               count(*) FILTER (WHERE attempt_result = 'success')::int AS successes,
               count(DISTINCT identifier)::int AS identifiers,
               count(DISTINCT user_id)::int AS accounts,
               min(created_at)::text AS first_seen, max(created_at)::text AS last_seen,
               array_remove(array_agg(DISTINCT country_code), NULL) AS countries,
               count(DISTINCT user_agent)::int AS user_agents
        FROM login_attempts
        WHERE ip_address = ${ip}::inet AND created_at >= ${from.toISOString()}::timestamptz AND created_at < ${to.toISOString()}::timestamptz`,
  );
  const [events] = await queryRows<{ open: number; total: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE status <> 'resolved')::int AS open, count(*)::int AS total
        FROM security_events WHERE ip_address = ${ip}::inet`,
  );
  return {
    attempts: row!.attempts,
    failures: row!.failures,
    successes: row!.successes,
    distinctIdentifiers: row!.identifiers,
    knownAccounts: row!.accounts,
    firstSeen: row!.first_seen ? new Date(row!.first_seen) : null,
    lastSeen: row!.last_seen ? new Date(row!.last_seen) : null,
    countries: row!.countries ?? [],
    userAgents: row!.user_agents,
    openEvents: events!.open,
    events: events!.total,
  };
}

/** Attempts per bucket (hour or day, in UTC), successes and failures apart; empty buckets included so time reads evenly. */
export async function ipActivity(db: Db, { ip, from, to }: IpRange, bucket: "hour" | "day") {
  const step = bucket === "hour" ? "1 hour" : "1 day";
  const rows = await queryRows<{ bucket: string; successes: number; failures: number }>(
    db,
    sql`WITH buckets AS (
          SELECT generate_series(date_trunc(${bucket}, ${from.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
                                 ${to.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${step}::interval) AS bucket
        ), counts AS (
          SELECT date_trunc(${bucket}, created_at AT TIME ZONE 'UTC') AS bucket,
                 count(*) FILTER (WHERE attempt_result = 'success')::int AS successes,
                 count(*) FILTER (WHERE attempt_result <> 'success')::int AS failures
          FROM login_attempts
          WHERE ip_address = ${ip}::inet AND created_at >= ${from.toISOString()}::timestamptz AND created_at < ${to.toISOString()}::timestamptz
          GROUP BY 1
        )
        SELECT to_char(b.bucket, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS bucket, coalesce(c.successes, 0)::int AS successes, coalesce(c.failures, 0)::int AS failures
        FROM buckets b LEFT JOIN counts c ON c.bucket = b.bucket ORDER BY b.bucket`,
  );
  return rows.map((r) => ({ bucket: new Date(r.bucket), successes: r.successes, failures: r.failures }));
}

/** The accounts this address tried, busiest first: what an operator opens next. */
export async function ipAccounts(db: Db, { ip, from, to }: IpRange, limit = 100) {
  const rows = await queryRows<{ identifier: string; user_id: string | null; email: string | null; locked: boolean | null; attempts: number; failures: number; successes: number; last_attempt: string }>(
    db,
    sql`SELECT a.identifier, a.user_id::text, u.email, (u.locked_until > now()) AS locked,
               count(*)::int AS attempts,
               count(*) FILTER (WHERE a.attempt_result <> 'success')::int AS failures,
               count(*) FILTER (WHERE a.attempt_result = 'success')::int AS successes,
               max(a.created_at)::text AS last_attempt
        FROM login_attempts a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.ip_address = ${ip}::inet AND a.created_at >= ${from.toISOString()}::timestamptz AND a.created_at < ${to.toISOString()}::timestamptz
        GROUP BY a.identifier, a.user_id, u.email, u.locked_until
        ORDER BY successes DESC, attempts DESC, a.identifier
        LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    identifier: r.identifier,
    userId: r.user_id,
    email: r.email,
    lockedNow: r.locked ?? false,
    attempts: r.attempts,
    failures: r.failures,
    successes: r.successes,
    lastAttemptAt: new Date(r.last_attempt),
  }));
}

/** The raw attempts from an address, newest first. */
export async function ipAttempts(db: Db, ip: string, page: { cursor?: Keyset; limit: number }) {
  const rows = await db
    .select({
      id: loginAttempts.id,
      cursorAt: cursorTime(loginAttempts.createdAt),
      at: loginAttempts.createdAt,
      identifier: loginAttempts.identifier,
      userId: loginAttempts.userId,
      result: loginAttempts.attemptResult,
      reason: loginAttempts.failureReason,
      userAgent: loginAttempts.userAgent,
      countryCode: loginAttempts.countryCode,
    })
    .from(loginAttempts)
    .where(and(sql`${loginAttempts.ipAddress} = ${ip}::inet`, afterCursor(loginAttempts.createdAt, loginAttempts.id, page.cursor, "bigint")))
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit);
}
