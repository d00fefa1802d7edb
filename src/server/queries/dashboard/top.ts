import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { segments, type TimeRange } from "./range";

/** A timestamptz as ISO text in UTC, to the millisecond. */
export const utc = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

type Total = {
  key: string;
  total: number;
  last: string | null;
};

/**
 * The `limit` keys with the largest sum of a rollup measure over a range,
 * exactly, without adding up every key's days.
 *
 * A range is whole days, plus whole hours and raw minutes at its ends. The
 * ends are small: every key in them is added up (A). Over the days, keys
 * holding at least `m` in some day are candidates (a partial index finds
 * them), and so are the keys largest in A; a candidate's total is exact. Any
 * other key has less than `m` in each day and at most the largest A of a
 * non-candidate at the ends, so no more than (m - 1) * days + that: when the
 * last of the top `limit` candidates beats this bound, nobody else can be in
 * the top. Otherwise `m` is lowered, and at the bottom every key's days are
 * added up.
 */
export async function topByTotal(
  db: Db,
  range: TimeRange,
  spec: { table: string; key: string; keyIsInet?: boolean; measure: string; last: string; rawEdges: (raw: ReturnType<typeof segments>["raw"]) => SQL; limit: number },
): Promise<Total[]> {
  const seg = segments(range);
  const table = sql.raw(`"${spec.table}"`);
  const key = sql.raw(`"${spec.key}"`);
  const measure = sql.raw(`"${spec.measure}"`);
  const last = sql.raw(`"${spec.last}"`);
  const asText = (column: string) => sql.raw(spec.keyIsInet ? `host(${column})` : `${column}::text`);
  const rank = (rows: Total[]) => rows.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const merge = (into: Map<string, Total>, row: Total) => {
    const cur = into.get(row.key);
    if (!cur) into.set(row.key, { ...row });
    else {
      cur.total += row.total;
      if (row.last && (!cur.last || row.last > cur.last)) cur.last = row.last;
    }
  };

  // A: the ends of the range, every key, largest first.
  const ends = new Map<string, Total>();
  for (const row of await queryRows<Total>(db, spec.rawEdges(seg.raw))) merge(ends, row);
  for (const row of await queryRows<Total>(
    db,
    sql`SELECT ${asText(`"${spec.key}"`)} AS key, sum(${measure})::int AS total, ${utc(`max(${spec.last})`)} AS last
        FROM ${table} WHERE ${seg.hour} AND ${measure} > 0 GROUP BY ${key}`,
  ))
    merge(ends, row);
  const endsRanked = rank([...ends.values()].filter((r) => r.total > 0));
  if (seg.days === 0) return endsRanked.slice(0, spec.limit);

  const leaders = endsRanked.slice(0, Math.max(100, spec.limit));
  const restOfEnds = endsRanked[leaders.length]?.total ?? 0;
  const withDays = async (candidates: SQL) => {
    const days = await queryRows<Total>(
      db,
      sql`WITH candidates AS (${candidates})
          SELECT ${asText("c.k")} AS key, coalesce(t.total, 0)::int AS total, ${utc("t.last")} AS last
          FROM candidates c CROSS JOIN LATERAL (
            SELECT sum(r.${measure}) AS total, max(r.${last}) AS last FROM ${table} r WHERE r.${key} = c.k AND ${seg.day}
          ) t`,
    );
    const totals = new Map<string, Total>();
    for (const row of days) merge(totals, row);
    for (const row of leaders) merge(totals, row);
    for (const row of days) {
      const end = ends.get(row.key);
      if (end && !leaders.includes(end)) merge(totals, end);
    }
    return rank([...totals.values()].filter((r) => r.total > 0));
  };
  const leaderKeys = sql`SELECT unnest(string_to_array(${leaders.map((l) => l.key).join("\u0001")}, ${"\u0001"})${sql.raw(spec.keyIsInet ? "::inet[]" : "")})`;

  for (const m of [16, 2]) {
    const ranked = await withDays(sql`SELECT ${key} AS k FROM ${table} WHERE ${seg.day} AND ${measure} >= ${m} UNION ${leaderKeys}`);
    const bound = (m - 1) * seg.days + restOfEnds;
    if (ranked.length >= spec.limit && ranked[spec.limit - 1]!.total > bound) return ranked.slice(0, spec.limit);
  }
  // Every key's days, added to the ends.
  const all = new Map<string, Total>();
  for (const row of await queryRows<Total>(
    db,
    sql`SELECT ${asText(`"${spec.key}"`)} AS key, sum(${measure})::int AS total, ${utc(`max(${spec.last})`)} AS last
        FROM ${table} WHERE ${seg.day} AND ${measure} > 0 GROUP BY ${key}`,
  ))
    merge(all, row);
  for (const row of ends.values()) merge(all, row);
  return rank([...all.values()].filter((r) => r.total > 0)).slice(0, spec.limit);
}
