import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { segments, type TimeRange, unionParts } from "./range";

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
 * ends are small: every key in them is added up (E). Over the days, keys
 * holding at least `m` in some day are candidates (a partial index finds
 * them), and so are the keys largest in E; a candidate's total is exact. Any
 * other key has less than `m` in each day and at most the largest E of a
 * non-candidate, so no more than (m - 1) * days + that: when the last of the
 * top `limit` candidates beats this bound, nobody else can be in the top.
 * Otherwise the first step's own `limit`-th total picks the `m` that settles
 * it, and failing that every key's days are added up.
 * Each step is one statement; ties are broken by the key's text, byte order.
 */
export async function topByTotal(
  db: Db,
  range: TimeRange,
  spec: {
    table: string;
    key: string;
    keyIsInet?: boolean;
    measure: string;
    last: string;
    /** `SELECT key, total, last` (native key type, timestamptz last) over the source rows matching `raw(time column)`, grouped by key. */
    rawEdges: (raw: ReturnType<typeof segments>["raw"]) => SQL;
    limit: number;
  },
): Promise<Total[]> {
  const seg = segments(range);
  const table = sql.raw(`"${spec.table}"`);
  const key = sql.raw(`"${spec.key}"`);
  const measure = sql.raw(`"${spec.measure}"`);
  const last = sql.raw(`"${spec.last}"`);
  const text = (column: string) => sql.raw(spec.keyIsInet ? `host(${column})` : `${column}::text`);
  const leaders = Math.max(100, spec.limit);
  const ends = sql`ends AS (
      SELECT key, sum(total)::int AS total, max(last) AS last FROM (
        (${spec.rawEdges(seg.raw)})
        UNION ALL
        ${unionParts(seg.hourParts, (part) => sql`SELECT ${key}, ${measure}, ${last} FROM ${table} WHERE ${part} AND ${measure} > 0`)}
      ) x GROUP BY key
    )`;
  // The top rows first, then their text: formatting every key's time would cost more than ranking them.
  const ranked = (from: string, limit: SQL) =>
    sql`SELECT key, total, ${utc("last")} AS last FROM (
          SELECT ${text("key")} AS key, total, last FROM ${sql.raw(from)} WHERE total > 0 ORDER BY total DESC, ${text("key")} COLLATE "C" LIMIT ${limit}
        ) ranked ORDER BY total DESC, key COLLATE "C"`;

  if (seg.days === 0) {
    return queryRows<Total>(db, sql`WITH ${ends} ${ranked("ends", sql`${spec.limit}`)}`);
  }
  const step = async (m: number) => {
    const rows = await queryRows<Total & { rest: number }>(
      db,
      sql`WITH ${ends},
          leaders AS (SELECT key FROM ends ORDER BY total DESC, ${text("key")} COLLATE "C" LIMIT ${leaders}),
          candidates AS (SELECT ${key} AS key FROM ${table} WHERE ${seg.day} AND ${measure} >= ${m} UNION SELECT key FROM leaders),
          totals AS (
            SELECT c.key, coalesce(d.total, 0) + coalesce(e.total, 0) AS total, greatest(d.last, e.last) AS last
            FROM candidates c
            CROSS JOIN LATERAL (SELECT sum(r.${measure})::int AS total, max(r.${last}) AS last FROM ${table} r WHERE r.${key} = c.key AND ${seg.day}) d
            LEFT JOIN ends e ON e.key = c.key
          ),
          top AS (${ranked("totals", sql`${spec.limit}`)})
          SELECT top.*, coalesce((SELECT total FROM ends ORDER BY total DESC, ${text("key")} COLLATE "C" OFFSET ${leaders} LIMIT 1), 0)::int AS rest FROM top`,
    );
    const rest = rows[0]?.rest ?? 0;
    const floor = rows.length === spec.limit ? rows[spec.limit - 1]!.total : 0;
    return { exact: floor > (m - 1) * seg.days + rest, top: rows.map(({ rest: _rest, ...r }): Total => r), floor, rest };
  };
  // A high `m` first: few candidates. If that does not settle it, its own
  // `limit`-th total is a floor for the true one (more candidates can only
  // raise it), so the largest `m` whose bound stays under that floor settles
  // it in one more step.
  const first = await step(16);
  if (first.exact) return first.top;
  if (first.floor > 0) {
    const m = Math.floor((first.floor - 1 - first.rest) / seg.days) + 1;
    if (m >= 2 && m < 16) {
      const second = await step(m);
      if (second.exact) return second.top;
    }
  }
  // Every key's days, added to the ends.
  return queryRows<Total>(
    db,
    sql`WITH ${ends},
        every AS (
          SELECT key, sum(total)::int AS total, max(last) AS last FROM (
            SELECT ${key} AS key, ${measure} AS total, ${last} AS last FROM ${table} WHERE ${seg.day} AND ${measure} > 0
            UNION ALL SELECT key, total, last FROM ends
          ) x GROUP BY key
        )
        ${ranked("every", sql`${spec.limit}`)}`,
  );
}
