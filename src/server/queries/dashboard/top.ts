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
 * exactly, without adding up every key. Keys with at least `m` in some bucket
 * are candidates (a partial index finds them), and so is every key in the raw
 * edges; their totals are exact. A key that is not a candidate has less than
 * `m` in each of the range's buckets, so at most (m - 1) * buckets in all: if
 * the last of the top `limit` candidates beats that, nobody else can be in the
 * top. Otherwise `m` is lowered, and at the bottom every key is added up.
 */
export async function topByTotal(
  db: Db,
  range: TimeRange,
  spec: { table: string; key: string; keyIsInet?: boolean; measure: string; last: string; minBucketValue: number; rawEdges: (raw: ReturnType<typeof segments>["raw"]) => SQL; limit: number },
): Promise<Total[]> {
  const seg = segments(range);
  const table = sql.raw(`"${spec.table}"`);
  const key = sql.raw(`"${spec.key}"`);
  const measure = sql.raw(`"${spec.measure}"`);
  const last = sql.raw(`"${spec.last}"`);
  // Keys as text in the form callers show: an address without its /32.
  const keyText = (alias: string | null) => {
    const column = alias ? `${alias}."${spec.key}"` : `"${spec.key}"`;
    return sql.raw(spec.keyIsInet ? `host(${column})` : `${column}::text`);
  };
  const edges = await queryRows<Total>(db, spec.rawEdges(seg.raw));
  const rank = (rows: Total[]) => rows.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));


  for (const m of [1024, 128, 16, spec.minBucketValue]) {
    if (m < spec.minBucketValue || seg.buckets === 0) break;
    const rows = await queryRows<Total>(
      db,
      sql`WITH candidates AS (
            SELECT DISTINCT ${key} AS k FROM ${table} WHERE ${seg.rollup} AND ${measure} >= ${m}
          )
          SELECT ${keyText("r")} AS key, sum(r.${measure})::int AS total, ${utc(`max(r.${spec.last})`)} AS last
          FROM ${table} r JOIN candidates c ON r.${key} = c.k
          WHERE ${seg.rollup}
          GROUP BY r.${key}`,
    );
    const merged = new Map(rows.map((r) => [r.key, { ...r }]));
    for (const e of edges) {
      const cur = merged.get(e.key);
      if (!cur) continue; // edge-only keys are added below, with their rolled-up buckets
      cur.total += e.total;
      if (e.last && (!cur.last || e.last > cur.last)) cur.last = e.last;
    }
    const missing = edges.filter((e) => !merged.has(e.key)).map((e) => e.key);
    if (missing.length) {
      const extra = await queryRows<Total>(
        db,
        sql`SELECT ${keyText("r")} AS key, sum(r.${measure})::int AS total, ${utc(`max(r.${spec.last})`)} AS last
            FROM ${table} r WHERE ${seg.rollup} AND ${keyText("r")} = ANY(${sql`string_to_array(${missing.join("\u0001")}, ${"\u0001"})`})
            GROUP BY r.${key}`,
      );
      const extraMap = new Map(extra.map((r) => [r.key, r]));
      for (const e of edges.filter((x) => !merged.has(x.key))) {
        const rolled = extraMap.get(e.key);
        const lastAt = [rolled?.last, e.last].filter(Boolean).sort().pop() ?? null;
        merged.set(e.key, { key: e.key, total: e.total + (rolled?.total ?? 0), last: lastAt });
      }
    }
    const ranked = rank([...merged.values()]);
    const bound = (m - 1) * seg.buckets;
    if (ranked.length >= spec.limit && ranked[spec.limit - 1]!.total > bound) return ranked.slice(0, spec.limit);
  }
  // Every key, added up: the rollup's whole buckets and the raw edges.
  const all = await queryRows<Total>(
    db,
    sql`SELECT key, sum(total)::int AS total, ${utc("max(last)")} AS last FROM (
          SELECT ${keyText(null)} AS key, ${measure} AS total, ${last} AS last FROM ${table} WHERE ${seg.rollup}
        ) x GROUP BY key`,
  );
  const merged = new Map(all.map((r) => [r.key, { ...r }]));
  for (const e of edges) {
    const cur = merged.get(e.key);
    if (!cur) merged.set(e.key, { ...e });
    else {
      cur.total += e.total;
      if (e.last && (!cur.last || e.last > cur.last)) cur.last = e.last;
    }
  }
  return rank([...merged.values()].filter((r) => r.total > 0)).slice(0, spec.limit);
}

