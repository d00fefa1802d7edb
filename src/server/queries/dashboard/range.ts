import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { BUCKET_ORIGIN, GRAIN_STEP } from "~/server/db/rollups/sql";
import type { Grain, RollupDefinition } from "~/server/db/rollups/definitions";

export interface TimeRange {
  from: Date;
  to: Date;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MAX_RANGE_DAYS = 366;

const ZInstant = (field: "from" | "to") =>
  z
    .string(`"${field}" must be a date and time, like 2026-11-22T09:00:00Z.`)
    .max(40, `"${field}" must be a date and time, like 2026-11-22T09:00:00Z.`)
    .pipe(z.iso.datetime({ offset: true, message: `"${field}" must be an ISO date and time with a zone, like 2026-11-22T09:00:00Z.` }))
    .transform((value) => new Date(value));

/** `{ from, to }`: ISO instants, `to` exclusive, at most a year and a day apart. */
export const ZRange = z
  .object({ from: ZInstant("from"), to: ZInstant("to") })
  // Zod still runs object refinements after a field failed; only judge two real instants.
  .refine((r) => !bothDates(r) || r.from.getTime() < r.to.getTime(), { message: `"from" must be before "to".`, path: ["from"] })
  .refine((r) => !bothDates(r) || r.to.getTime() - r.from.getTime() <= MAX_RANGE_DAYS * DAY, { message: `A range can cover at most ${MAX_RANGE_DAYS} days.`, path: ["to"] });

function bothDates(r: { from: unknown; to: unknown }): r is TimeRange {
  return r.from instanceof Date && r.to instanceof Date;
}

export const ZTopN = z.number("The limit must be a number.").int("The limit must be a whole number.").min(1, "Ask for at least 1 row.").max(100, "Ask for at most 100 rows.").default(10);

/** The instant at or before `d` on a whole `unit` (ms) since the epoch: whole UTC hours and days. */
export const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
export const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);
const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Hourly buckets for ranges up to three days, daily beyond. Buckets are UTC. */
export function seriesBucket(range: TimeRange): "hour" | "day" {
  return range.to.getTime() - range.from.getTime() <= 72 * HOUR ? "hour" : "day";
}

/** Every bucket start from the one holding `from` up to `to`, so a chart's time axis reads evenly. */
export function bucketStarts(range: TimeRange, bucket: "hour" | "day"): Date[] {
  const unit = bucket === "hour" ? HOUR : DAY;
  const starts: Date[] = [];
  for (let t = floorTo(range.from, unit).getTime(); t < range.to.getTime(); t += unit) starts.push(new Date(t));
  return starts;
}

interface Segments {
  /**
   * The rollup rows that lie wholly inside the range, as up to three
   * predicates, each one grain and one bucket range: an index on
   * `(..., grain, bucket)` answers each with a range scan, where it could only
   * filter an OR of them. Read them with `UNION ALL` (`unionParts`).
   */
  parts: SQL[];
  /** `parts` of the hour grain only. */
  hourParts: SQL[];
  /** Its day rows, and how many days (0: none, and `day` is false). */
  day: SQL;
  days: number;
  /** Rows of the source at the ragged edges, which no whole bucket covers. */
  raw: (time: SQL) => SQL;
  /** Whether there are any: a range on whole hours has none, and need not ask. */
  hasRaw: boolean;
}

/**
 * Splits a range into whole days, whole hours and raw edges: whole days come
 * from the rollup's day rows, the hours around them from its hour rows, and
 * the minutes before the first whole hour and after the last from the source.
 * Together they cover [from, to) exactly once.
 */
export function segments(range: TimeRange, grains: readonly Grain[] = ["hour", "day"]): Segments {
  const { from, to } = range;
  const h0 = ceilTo(from, HOUR);
  const h1 = floorTo(to, HOUR);
  const none = sql`false`;
  if (!grains.includes("hour") || h0 >= h1) {
    return { parts: [], hourParts: [], day: none, days: 0, raw: (t) => sql`(${t} >= ${iso(from)} AND ${t} < ${iso(to)})`, hasRaw: true };
  }
  // Only the edges that hold time: one is a plain range scan, and a range on whole hours has none.
  const edges = [[from, h0], [h1, to]].filter(([lo, hi]) => lo! < hi!) as [Date, Date][];
  const raw = (t: SQL) => (edges.length ? sql`(${sql.join(edges.map(([lo, hi]) => sql`(${t} >= ${iso(lo)} AND ${t} < ${iso(hi)})`), sql` OR `)})` : sql`false`);
  const hasRaw = edges.length > 0;
  const part = (grain: "hour" | "day", lo: Date, hi: Date) => sql`(grain = ${sql.raw(`'${grain}'`)} AND bucket >= ${iso(lo)} AND bucket < ${iso(hi)})`;
  const d0 = ceilTo(from, DAY);
  const d1 = floorTo(to, DAY);
  if (!grains.includes("day") || d0 >= d1) {
    const hour = part("hour", h0, h1);
    return { parts: [hour], hourParts: [hour], day: none, days: 0, raw, hasRaw };
  }
  const day = part("day", d0, d1);
  const hourParts = [h0 < d0 ? part("hour", h0, d0) : null, d1 < h1 ? part("hour", d1, h1) : null].filter((p): p is SQL => p !== null);
  return { parts: [day, ...hourParts], hourParts, day, days: (d1.getTime() - d0.getTime()) / DAY, raw, hasRaw };
}

/** `select(part)` once per part, joined by UNION ALL: one range scan each (a never-true select when there are none). */
export function unionParts(parts: SQL[], select: (part: SQL) => SQL): SQL {
  return parts.length ? sql.join(parts.map((p) => sql`(${select(p)})`), sql` UNION ALL `) : select(sql`false`);
}

/**
 * What a rollup holds for a range, as rows of `(at, keys..., measures...)`:
 * its whole buckets plus the source's edge rows, each edge row carrying the
 * same per-row values the triggers sum. Group over it like the raw table.
 */
export function rollupSource(def: RollupDefinition, range: TimeRange, options: { grains?: readonly Grain[]; rollupWhere?: SQL; rawWhere?: SQL } = {}): SQL {
  const seg = segments(range, options.grains ?? def.grains);
  const names = [...def.keys.map((k) => k.name), ...def.measures.map((m) => m.name)].map((n) => `"${n}"`).join(", ");
  const rawColumns = [...def.keys.map((k) => `${k.expr} AS "${k.name}"`), ...def.measures.map((m) => `${m.row} AS "${m.name}"`)].join(", ");
  const rawWhere = [def.where ? sql.raw(`(${def.where})`) : undefined, options.rawWhere, seg.raw(sql.raw(`"${def.time}"`))].filter(Boolean) as SQL[];
  const rollup = unionParts(seg.parts, (part) => {
    const where = [part, options.rollupWhere].filter(Boolean) as SQL[];
    return sql`SELECT bucket AS at, ${sql.raw(names)} FROM ${sql.raw(`"${def.table}"`)} WHERE ${sql.join(where, sql` AND `)}`;
  });
  if (!seg.hasRaw) return sql`(${rollup})`;
  return sql`(${rollup}
    UNION ALL
    (SELECT ${sql.raw(`"${def.time}"`)} AS at, ${sql.raw(rawColumns)} FROM ${sql.raw(`"${def.source}"`)} WHERE ${sql.join(rawWhere, sql` AND `)}))`;
}

/** `date_bin` to the series bucket, in UTC. */
export const binTo = (bucket: "hour" | "day", column: SQL = sql`at`) => sql`date_bin(${sql.raw(GRAIN_STEP[bucket])}, ${column}, ${sql.raw(BUCKET_ORIGIN)})`;

export { iso as isoInstant };

/**
 * A JavaScript list as one SQL array parameter of `type`, for `= ANY(...)` and
 * `unnest(...)`: one bound string split in the database, the same on PGlite and
 * postgres.js. For values that cannot hold a comma: addresses, phone numbers,
 * uuids, timestamps.
 */
export function sqlList(values: readonly string[], type: "inet" | "text" | "uuid" | "timestamptz"): SQL {
  return sql`string_to_array(${values.join(",")}, ',')::${sql.raw(type)}[]`;
}
