import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import type { RollupDefinition } from "~/server/db/rollups/definitions";
import { queryRows } from "~/server/db/rows";
import { ceilTo, DAY, floorTo, HOUR, isoInstant as iso, rollupSource, type TimeRange } from "./range";

/** A timestamptz as ISO text in UTC, to the millisecond. */
export const utc = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Ranges this short are added up whole: they hold few rows, and a day's bound would be loose. */
const DIRECT_BELOW_MS = 6 * HOUR;

export type TopTotal = {
  key: string;
  total: number;
};

/**
 * How a top list was found (for tests and the benchmark): "bound" when the
 * first candidates settled it, "reach" when a second round read every key
 * that could still reach the top, "all" when every key was added up.
 */
export type TopRound = "bound" | "reach" | "all";

/**
 * The `limit` keys with the largest sum of a rollup measure over a range,
 * exactly, reading the rows of a few keys rather than of every key.
 *
 * The range lies inside the UTC days it touches, B. A key's total is its day
 * rows in B minus what those days hold outside the range (whole hours, then
 * raw minutes), so never more than its day rows. A partial index holds the day
 * rows of 2 or more; a key's other days in B hold 0 or 1. So a key's total is
 * at most its rows in that index plus one for each of its other days: its
 * bound, known for every key from a few thousand index entries. A key with no
 * such row is bounded by |B|.
 *
 * Round one computes exact totals for the keys whose bound reaches a floor
 * for the top (the `limit`-th largest sum of such rows over B's whole days),
 * at most the `5 * limit` with the highest bounds; if the `limit`-th total
 * beats every bound left out, that is the top. Otherwise round two computes
 * every key whose bound reaches that total (more keys can only raise it).
 * Every key is added up only when round one finds fewer than `limit` keys
 * with a day row of 2 or more, or a `limit`-th total no higher than |B| (a
 * key with no such row could still tie it). Ties are broken by the key's
 * text, in byte order.
 */
export async function topByTotal(
  db: Db,
  range: TimeRange,
  spec: {
    rollup: RollupDefinition;
    /** The rollup column to rank by: a sum measure of `rollup`, with a day index of rows of 2 or more. */
    measure: string;
    limit: number;
    onRound?: (round: TopRound) => void;
  },
): Promise<TopTotal[]> {
  const { rollup, limit } = spec;
  const measure = rollup.measures.find((m) => m.name === spec.measure && m.agg === "sum");
  const key = rollup.keys[0];
  // The bound counts whole, non-negative units in day rows and subtracts hour rows: it needs both grains and a count.
  if (!measure || measure.type !== "integer" || !key || rollup.keys.length !== 1 || !rollup.grains.includes("day") || !rollup.grains.includes("hour")) {
    throw new Error(`topByTotal needs a rollup of hours and days with one key, ranked by a counted (integer, summed) measure; ${rollup.table}.${spec.measure} is not one`);
  }
  const col = (name: string) => sql.raw(`"${name}"`);
  const table = col(rollup.table);
  const value = col(measure.name);
  const keyText = (column: string) => sql.raw(key.type === "inet" ? `host(${column})` : `${column}::text`);
  const ranked = (from: SQL) =>
    sql`SELECT ${keyText("key")} AS key, total FROM (${from}) t WHERE total > 0 ORDER BY total DESC, ${keyText("key")} COLLATE "C" LIMIT ${limit}`;

  const every = async () => {
    spec.onRound?.("all");
    const source = rollupSource(rollup, range, { rollupWhere: sql`${value} > 0` });
    return queryRows<TopTotal>(db, ranked(sql`SELECT ${col(key.name)} AS key, sum(${value})::int AS total FROM ${source} s GROUP BY 1`));
  };
  if (range.to.getTime() - range.from.getTime() < DIRECT_BELOW_MS) return every();

  const { from, to } = range;
  const b0 = floorTo(from, DAY);
  const b1 = ceilTo(to, DAY);
  const days = (b1.getTime() - b0.getTime()) / DAY;
  const inB = sql`grain = 'day' AND bucket >= ${iso(b0)} AND bucket < ${iso(b1)}`;
  // A key's total: its day rows in B, less what those days hold outside the
  // range (the hours before the range's first whole hour and after its last,
  // and the raw minutes between those and the range). One range scan of the
  // key's index for each, joined by UNION ALL: an OR of ranges would only filter it.
  const window = (lo: Date, hi: Date) => (lo < hi ? [[lo, hi] as const] : []);
  const time = col(rollup.time);
  const sourceWhere = rollup.where ? sql.raw(` AND (${rollup.where})`) : sql``;
  const parts = [
    sql`SELECT ${value} AS v FROM ${table} WHERE ${col(key.name)} = c.key AND ${inB}`,
    ...[...window(b0, floorTo(from, HOUR)), ...window(ceilTo(to, HOUR), b1)].map(
      ([lo, hi]) => sql`SELECT -${value} FROM ${table} WHERE ${col(key.name)} = c.key AND grain = 'hour' AND bucket >= ${iso(lo)} AND bucket < ${iso(hi)}`,
    ),
    ...[...window(floorTo(from, HOUR), from), ...window(to, ceilTo(to, HOUR))].map(
      ([lo, hi]) =>
        sql`SELECT -(${sql.raw(measure.row)}) FROM ${col(rollup.source)} WHERE ${sql.raw(key.expr)} = c.key${sourceWhere} AND ${time} >= ${iso(lo)} AND ${time} < ${iso(hi)}`,
    ),
  ];
  const total = sql`(SELECT sum(v) FROM (${sql.join(parts, sql` UNION ALL `)}) x)`;

  /**
   * Exact totals for the candidates, and the highest bound among the keys
   * left out (at least |B|, for keys with no row of 2 or more). Candidates are
   * always a prefix of the keys in order of bound, so the first bound after
   * them is the highest left out, whichever of a tie went in.
   */
  const round = async (pick: { first: number } | { reach: number }) => {
    // Round one: the keys whose bound reaches the `limit`-th largest sum of
    // rows of 2 or more in B's whole days (the range holds those days
    // entirely, so that is a floor for the top): nobody who could reach the
    // top is left out. Only when they are too many, the `first` of them, and a check.
    const candidates =
      "first" in pick
        ? sql`foremost AS MATERIALIZED (SELECT key, bound, row_number() OVER (ORDER BY bound DESC) AS n FROM (SELECT key, bound FROM bounds ORDER BY bound DESC LIMIT ${pick.first + 1}) b),
              reach AS (SELECT coalesce((SELECT low FROM bounds ORDER BY low DESC OFFSET ${limit - 1} LIMIT 1), 0) AS low),
              candidates AS MATERIALIZED (SELECT key FROM foremost WHERE n <= ${pick.first} AND bound >= (SELECT low FROM reach)),
              rest AS (SELECT greatest(${days}, (SELECT bound FROM foremost WHERE NOT (n <= ${pick.first} AND bound >= (SELECT low FROM reach)) ORDER BY n LIMIT 1)) AS bound),`
        : sql`candidates AS MATERIALIZED (SELECT key FROM bounds WHERE bound >= ${pick.reach}),
              rest AS (SELECT greatest(${days}, (SELECT max(bound) FROM bounds WHERE bound < ${pick.reach})) AS bound),`;
    const rows = await queryRows<{ rest: number; key: string | null; total: number | null }>(
      db,
      sql`WITH bounds AS MATERIALIZED (
            SELECT ${col(key.name)} AS key, (sum(${value}) + ${days} - count(*))::int AS bound,
                   coalesce(sum(${value}) FILTER (WHERE bucket >= ${iso(ceilTo(from, DAY))} AND bucket < ${iso(floorTo(to, DAY))}), 0)::int AS low
            FROM ${table} WHERE ${inB} AND ${value} >= 2 GROUP BY 1
          ),
          ${candidates}
          totals AS MATERIALIZED (
            SELECT c.key, ${total}::int AS total
            FROM candidates c
          )
          SELECT rest.bound::int AS rest, top.key, top.total FROM rest LEFT JOIN LATERAL (${ranked(sql`SELECT key, total FROM totals`)}) top ON true`,
    );
    const top = rows.filter((r): r is TopTotal & { rest: number } => r.key !== null).map(({ key, total }) => ({ key, total }));
    const floor = top.length === limit ? top[limit - 1]!.total : 0;
    return { top, floor, exact: floor > rows[0]!.rest };
  };

  const first = await round({ first: 5 * limit });
  if (first.exact) {
    spec.onRound?.("bound");
    return first.top;
  }
  // Keys with no row of 2 or more are bounded by |B| only: a floor that low needs every key.
  if (first.floor <= days) return every();
  // Exact by construction: the keys left out are bounded below round one's
  // floor (and |B| is too), and a superset's `limit`-th total is at least that floor.
  const second = await round({ reach: first.floor });
  if (!second.exact) throw new Error(`topByTotal: round two over ${rollup.table} was not settled by its own bound`);
  spec.onRound?.("reach");
  return second.top;
}
