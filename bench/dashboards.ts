/**
 * `npm run bench:dashboards`: every dashboard tile against a year of history
 * (10,000,000 sign-in attempts and proportional messaging and finance rows),
 * timed over 24 hours, 7 days and 30 days ending at the load's anchor, next
 * to a naive GROUP BY over the raw table that must return the same result.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/warden_bench npm run bench:dashboards -- [options]
 *
 *   --runs N          timed calls per tile and range (default 30, after --warmups, default 3)
 *   --naive-runs N    timed calls of each naive baseline (default 5, after one warm-up)
 *   --only a,b        only these tiles
 *   --ranges 24h,7d   only these ranges (24h, 7d, 30d)
 *   --reload          load again even if the database already holds the full load
 *   --scale F         load F times the full volume (default 1; small values are for trying the bench out)
 *   --load-only       prepare the database and stop
 *   --explain         for each tile and range that misses the target, EXPLAIN (ANALYZE, BUFFERS) every
 *                     query the tile ran, into bench/results/explain/<tile>-<range>.txt
 *
 * Progress goes to stderr, the table to stdout, the figures to bench/results/dashboards.json.
 * Exits non-zero if any tile's result differs from its baseline (a missed target is reported, not fatal).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type SQL, sql as drizzleSql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDatabase } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import * as dashboard from "~/server/queries/dashboard";
import { firstDifference } from "./compare";
import * as naive from "./naive";
import { prepareDatabase, rawClient } from "./prepare";

const TARGET_P95_MS = 50;
const TARGET_SPEEDUP = 20;
const LIMIT = 10;

const RANGES = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 } as const;
type RangeName = keyof typeof RANGES;

type Db = ReturnType<typeof openDatabase>["db"];
type Raw = ReturnType<typeof rawClient>;
interface Range {
  from: Date;
  to: Date;
}

interface Tile {
  /** Snapshot tiles read "right now": benched once, with no range. */
  snapshot?: boolean;
  fast: (db: Db, range: Range, now: Date) => Promise<unknown>;
  naive: (sql: Raw, range: Range, now: Date) => Promise<unknown>;
}

const TILES: Record<string, Tile> = {
  signInsOverTime: { fast: (db, r) => dashboard.signInsOverTime(db, r), naive: (sql, r) => naive.signInsOverTime(sql, r) },
  failedLoginsByIp: {
    fast: (db, r) => dashboard.failedLoginsByIp(db, { ...r, limit: LIMIT }),
    naive: (sql, r) => naive.failedLoginsByIp(sql, { ...r, limit: LIMIT }),
  },
  eventsBySeverity: { fast: (db, r) => dashboard.eventsBySeverity(db, r), naive: (sql, r) => naive.eventsBySeverity(sql, r) },
  eventsByStatus: { fast: (db, r) => dashboard.eventsByStatus(db, r), naive: (sql, r) => naive.eventsByStatus(sql, r) },
  credentialStuffing: {
    fast: (db, r) => dashboard.credentialStuffing(db, { ...r, limit: LIMIT }),
    naive: (sql, r) => naive.credentialStuffing(sql, { ...r, limit: LIMIT }),
  },
  bruteForce: {
    fast: (db, r) => dashboard.bruteForce(db, { ...r, limit: LIMIT }),
    naive: (sql, r) => naive.bruteForce(sql, { ...r, limit: LIMIT }),
  },
  emailDeliveryRate: { fast: (db, r) => dashboard.emailDeliveryRate(db, r), naive: (sql, r) => naive.emailDeliveryRate(sql, r) },
  emailOverTime: { fast: (db, r) => dashboard.emailOverTime(db, r), naive: (sql, r) => naive.emailOverTime(sql, r) },
  smsCost: { fast: (db, r) => dashboard.smsCost(db, r), naive: (sql, r) => naive.smsCost(sql, r) },
  smsBreakdown: { fast: (db, r) => dashboard.smsBreakdown(db, r), naive: (sql, r) => naive.smsBreakdown(sql, r) },
  smsTopRecipients: {
    fast: (db, r) => dashboard.smsTopRecipients(db, { ...r, limit: LIMIT }),
    naive: (sql, r) => naive.smsTopRecipients(sql, { ...r, limit: LIMIT }),
  },
  feeRevenue: { fast: (db, r) => dashboard.feeRevenue(db, r), naive: (sql, r) => naive.feeRevenue(sql, r) },
  feeRevenueOverTime: { fast: (db, r) => dashboard.feeRevenueOverTime(db, r), naive: (sql, r) => naive.feeRevenueOverTime(sql, r) },
  swapVolume: { fast: (db, r) => dashboard.swapVolume(db, r), naive: (sql, r) => naive.swapVolume(sql, r) },
  mpesaByStatus: { fast: (db, r) => dashboard.mpesaByStatus(db, r), naive: (sql, r) => naive.mpesaByStatus(sql, r) },
  securitySnapshot: {
    snapshot: true,
    fast: (db, _r, now) => dashboard.securitySnapshot(db, now),
    naive: (sql, _r, now) => naive.securitySnapshot(sql, now),
  },
  balancesByCurrency: { snapshot: true, fast: (db) => dashboard.balancesByCurrency(db), naive: (sql) => naive.balancesByCurrency(sql) },
};

interface Result {
  tile: string;
  range: RangeName | "n/a";
  from: string | null;
  to: string | null;
  runs: number;
  p50: number | null;
  p95: number | null;
  naiveRuns: number;
  naiveP50: number | null;
  naiveP95: number | null;
  speedup: number | null;
  identical: boolean;
  difference: string | null;
  error: string | null;
  targetMet: boolean;
  missed: string[];
  /** The p50 that 20 times the naive p50 asks for, and whether one round trip alone already takes longer. */
  speedupNeedsMs: number | null;
  speedupBelowRoundTrip: boolean;
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    "usage: DATABASE_URL=postgres://... npm run bench:dashboards -- [--runs N] [--warmups N] [--naive-runs N] " +
      "[--only tile,tile] [--ranges 24h,7d,30d] [--reload] [--scale F] [--load-only]",
  );
  console.error(`tiles: ${Object.keys(TILES).join(", ")}`);
  process.exit(2);
}

function positiveInt(value: string | undefined, fallback: number, name: string) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a whole number of at least 1`);
  return n;
}

/** Nearest-rank percentile of the samples, in milliseconds. */
function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timed<T>(call: () => Promise<T>, warmups: number, runs: number) {
  let first: T | undefined;
  for (let i = 0; i < warmups; i++) {
    const r = await call();
    if (i === 0) first = r;
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await call();
    samples.push(performance.now() - t);
    if (first === undefined) first = r;
  }
  return { result: first as T, samples };
}

const ms = (v: number | null) => (v === null ? "-" : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      warmups: { type: "string" },
      "naive-runs": { type: "string" },
      only: { type: "string" },
      ranges: { type: "string" },
      reload: { type: "boolean", default: false },
      scale: { type: "string" },
      "load-only": { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) usage();
  const runs = positiveInt(values.runs, 30, "runs");
  const warmups = values.warmups === "0" ? 0 : positiveInt(values.warmups, 3, "warmups");
  const naiveRuns = positiveInt(values["naive-runs"], 5, "naive-runs");
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0 && scale <= 1)) usage("--scale must be a number in (0, 1]");
  const only = values.only ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : Object.keys(TILES);
  const unknown = only.filter((t) => !(t in TILES));
  if (unknown.length) usage(`unknown tile(s): ${unknown.join(", ")}`);
  const rangeNames = (values.ranges ? values.ranges.split(",").map((s) => s.trim()) : Object.keys(RANGES)) as RangeName[];
  const badRanges = rangeNames.filter((r) => !(r in RANGES));
  if (badRanges.length) usage(`unknown range(s): ${badRanges.join(", ")} (use 24h, 7d, 30d)`);

  const url = process.env.DATABASE_URL;
  if (!url) usage("DATABASE_URL is not set. The benchmark needs PostgreSQL (a dedicated database: a load replaces its contents); it does not run on PGlite.");
  if (!/^postgres(ql)?:\/\//.test(url)) usage("DATABASE_URL must be a postgres:// URL: the benchmark does not run on PGlite.");

  const handle = openDatabase({ url });
  if (handle.kind !== "postgres") usage("The benchmark does not run on PGlite.");
  const sql = rawClient(url);
  let exitCode = 0;
  try {
    const load = await prepareDatabase(handle, url, { scale, reload: values.reload });
    const logins = load.counts.login_attempts ?? 0;
    console.error(
      `Data: ${logins.toLocaleString("en")} login attempts over the 365 days to ${load.anchor.toISOString()} ` +
        `(about ${Math.round(logins / 365).toLocaleString("en")} a day: a year of history for a mid-sized app), ` +
        Object.entries(load.counts)
          .filter(([t]) => t !== "login_attempts")
          .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
          .join(", ") +
        (load.loadSeconds !== null ? `; loaded in ${load.loadSeconds.toFixed(0)} s.` : "."),
    );
    if (values["load-only"]) return;
    if (Object.keys(load.rollupCounts).length === 0) {
      console.error("Warning: this schema has no rollup tables yet; the query functions read the raw tables.");
    }

    await sql.unsafe(`SET TimeZone = 'UTC'`);
    if (values.explain) fs.rmSync(path.resolve(process.cwd(), "bench/results/explain"), { recursive: true, force: true });
    // The least any tile can take: one prepared statement's round trip on the console's own connection.
    const trip = await timed(() => queryRows(handle.db, drizzleSql`SELECT 1 AS one`), 20, 200);
    const roundTrip = { p50: percentile(trip.samples, 50), p95: percentile(trip.samples, 95) };
    console.error(`Round trip of a prepared SELECT 1: p50 ${ms(roundTrip.p50)} ms, p95 ${ms(roundTrip.p95)} ms`);
    const now = new Date();
    const results: Result[] = [];
    for (const tile of only) {
      const spec = TILES[tile]!;
      const ranges: (RangeName | "n/a")[] = spec.snapshot ? ["n/a"] : rangeNames;
      for (const rangeName of ranges) {
        const to = load.anchor;
        const from = rangeName === "n/a" ? load.anchor : new Date(to.getTime() - RANGES[rangeName] * 3_600_000);
        const range = { from, to };
        const result: Result = {
          tile,
          range: rangeName,
          from: rangeName === "n/a" ? null : from.toISOString(),
          to: rangeName === "n/a" ? null : to.toISOString(),
          runs,
          p50: null,
          p95: null,
          naiveRuns,
          naiveP50: null,
          naiveP95: null,
          speedup: null,
          identical: false,
          difference: null,
          error: null,
          targetMet: false,
          missed: [],
          speedupNeedsMs: null,
          speedupBelowRoundTrip: false,
        };
        try {
          const fast = await timed(() => spec.fast(handle.db, range, now), warmups, result.runs);
          result.p50 = percentile(fast.samples, 50);
          result.p95 = percentile(fast.samples, 95);
          const slow = await timed(() => spec.naive(sql, range, now), 1, result.naiveRuns);
          result.naiveP50 = percentile(slow.samples, 50);
          result.naiveP95 = percentile(slow.samples, 95);
          result.speedup = result.naiveP50 / result.p50;
          result.difference = firstDifference(fast.result, slow.result);
          result.identical = result.difference === null;
        } catch (error) {
          const cause = (error as { cause?: Error }).cause;
          result.error = cause?.message ?? (error as Error).message;
        }
        if (result.error) result.missed.push("error");
        if (!result.identical && !result.error) result.missed.push("result differs");
        if (result.p95 !== null && result.p95 >= TARGET_P95_MS) result.missed.push(`p95 >= ${TARGET_P95_MS} ms`);
        // A snapshot's naive baseline is the same query: there is no rollup to be faster than.
        if (!spec.snapshot && result.naiveP50 !== null) {
          result.speedupNeedsMs = result.naiveP50 / TARGET_SPEEDUP;
          result.speedupBelowRoundTrip = result.speedupNeedsMs < roundTrip.p50;
        }
        if (!spec.snapshot && result.speedup !== null && result.speedup < TARGET_SPEEDUP) {
          result.missed.push(`< ${TARGET_SPEEDUP}x${result.speedupBelowRoundTrip ? ` (needs ${ms(result.speedupNeedsMs)} ms, under a round trip)` : ""}`);
        }
        result.targetMet = result.missed.length === 0;
        if (!result.identical) exitCode = 1;
        results.push(result);
        console.error(
          `  ${tile.padEnd(20)} ${rangeName.padEnd(4)} p50 ${ms(result.p50).padStart(7)} ms  p95 ${ms(result.p95).padStart(7)} ms  ` +
            `naive p50 ${ms(result.naiveP50).padStart(7)} ms  ${result.identical ? "identical" : `DIFFERS ${result.error ?? result.difference}`}`,
        );
        if (values.explain && !result.targetMet && !result.error) {
          const file = await explainTile(handle.db, sql, `${tile}-${rangeName === "n/a" ? "snapshot" : rangeName}`, (db) => spec.fast(db, range, now));
          console.error(`  EXPLAIN of ${tile} ${rangeName} written to ${file}`);
        }
      }
    }

    printTable(results, load.anchor, roundTrip);
    await writeResults(sql, { results, load, runs, warmups, naiveRuns, now, roundTrip });
  } finally {
    await sql.end({ timeout: 5 });
    await handle.close();
  }
  process.exitCode = exitCode;
}

/**
 * Runs a tile once through a database that records each statement the tile
 * sends, then EXPLAIN (ANALYZE, BUFFERS)s every one of them, in order.
 */
async function explainTile(db: Db, sql: Raw, name: string, call: (db: Db) => Promise<unknown>) {
  const dialect = new PgDialect();
  const queries: { sql: string; params: unknown[] }[] = [];
  const recording = new Proxy(db, {
    get(target, prop, receiver) {
      // Without its client, queryRows sends every statement through `execute`, where it is recorded.
      if (prop === "$client") return undefined;
      if (prop === "execute") {
        return (query: SQL) => {
          queries.push(dialect.sqlToQuery(query));
          return target.execute(query);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  await call(recording);
  const out: string[] = [];
  for (const [i, q] of queries.entries()) {
    const plan = await sql.unsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params as never[]);
    out.push(`-- query ${i + 1} of ${queries.length}\n${q.sql}\n-- params: ${JSON.stringify(q.params)}\n\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}\n`);
  }
  const file = path.resolve(process.cwd(), `bench/results/explain/${name}.txt`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, out.join("\n"));
  return path.relative(process.cwd(), file);
}

function printTable(results: Result[], anchor: Date, roundTrip: { p50: number; p95: number }) {
  const rows = [
    ["tile", "range", "p50 ms", "p95 ms", "naive p50", "naive p95", "speedup", "identical", "target"],
    ...results.map((r) => [
      r.tile,
      r.range,
      ms(r.p50),
      ms(r.p95),
      ms(r.naiveP50),
      ms(r.naiveP95),
      r.speedup === null ? "-" : `${r.speedup >= 100 ? r.speedup.toFixed(0) : r.speedup.toFixed(1)}x`,
      r.identical ? "✓" : "✗",
      r.targetMet ? "met" : `MISSED: ${r.missed.join(", ")}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i >= 2 && i <= 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(`\nDashboard tiles, ranges ending ${anchor.toISOString()} (target: p95 < ${TARGET_P95_MS} ms and >= ${TARGET_SPEEDUP}x the naive p50, identical results)\n`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
  const missed = results.filter((r) => !r.targetMet);
  const differ = results.filter((r) => !r.identical);
  console.log(
    `\n${results.length - missed.length}/${results.length} met the target` +
      (differ.length ? `; ${differ.length} differ from the baseline:` : "; every result identical to its baseline."),
  );
  const onlyRatio = missed.filter((r) => r.missed.length === 1 && r.missed[0]!.startsWith("<"));
  const underTrip = onlyRatio.filter((r) => r.speedupBelowRoundTrip);
  console.log(
    `A prepared SELECT 1 takes ${ms(roundTrip.p50)} ms (p50) here. Of the ${missed.length} missed, ${onlyRatio.length} miss only ${TARGET_SPEEDUP}x, ` +
      `and for ${underTrip.length} of those ${TARGET_SPEEDUP}x would need less than that round trip.`,
  );
  for (const r of differ) console.log(`  ${r.tile} ${r.range}: ${r.error ?? r.difference}`);
}

async function writeResults(
  sql: Raw,
  data: { results: Result[]; load: Awaited<ReturnType<typeof prepareDatabase>>; runs: number; warmups: number; naiveRuns: number; now: Date; roundTrip: { p50: number; p95: number } },
) {
  const [pg] = await sql<{ version: string }[]>`SELECT version()`;
  const settings = await sql<{ name: string; setting: string; unit: string | null }[]>`
    SELECT name, setting, unit FROM pg_settings
    WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather')`;
  const cpus = os.cpus();
  const out = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cpus: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    postgres: {
      version: pg!.version,
      settings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} (${s.unit})` : s.setting])),
    },
    load: {
      anchor: data.load.anchor.toISOString(),
      scale: data.load.scale,
      description: "365 days of history ending at the anchor; about 27k sign-in attempts a day at scale 1 (a mid-sized app)",
      seconds: data.load.loadSeconds,
      phases: data.load.phases,
      rows: data.load.counts,
      rollupRows: data.load.rollupCounts,
    },
    method: {
      runs: data.runs,
      warmups: data.warmups,
      naiveRuns: data.naiveRuns,
      naiveWarmups: 1,
      percentile: "nearest rank, milliseconds of wall time around the call, in process",
      speedup: "naive p50 / p50",
      roundTrip: { ...data.roundTrip, what: "a prepared SELECT 1 on the console's connection, 200 runs after 20 warm-ups: the least any tile can take" },
      target: { p95Ms: TARGET_P95_MS, speedup: TARGET_SPEEDUP, identical: true },
      limit: LIMIT,
      snapshotNow: data.now.toISOString(),
    },
    results: data.results,
  };
  const file = path.resolve(process.cwd(), "bench/results/dashboards.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.error(`\nFigures written to ${path.relative(process.cwd(), file)}`);
}

await main();
