/**
 * Makes sure the benchmark database holds the full load: migrates, loads when
 * the marker says it must (or `--reload`), builds the rollups, and vacuums.
 */
import { readMigrationFiles } from "drizzle-orm/migrator";
import postgres, { type Sql } from "postgres";
import { CONSOLE_SESSION, type DatabaseHandle } from "~/server/db/client";
import { migrationsFolder, runMigrations } from "~/server/db/migrate";
import {
  LOAD_VERSION,
  LOADED_TABLES,
  type LoadPlan,
  createBenchSchema,
  loadDatabase,
  planFor,
  rebuildRollups,
  stderrProgress,
} from "./load";

export interface LoadInfo {
  anchor: Date;
  scale: number;
  plan: LoadPlan;
  loadedNow: boolean;
  loadSeconds: number | null;
  phases: { phase: string; seconds: number }[];
  rollupSeconds: number | null;
  counts: Record<string, number>;
  rollupCounts: Record<string, number>;
}

interface Marker {
  version: number;
  scale: number;
  anchor: Date;
  completed_at: Date | null;
  load_seconds: number | null;
  phases: { phase: string; seconds: number }[] | null;
  counts: Record<string, number> | null;
  rollups_for: string | null;
}

/** The naive baselines' connection: the same session settings as the console's own, so only the queries differ. */
export function rawClient(url: string): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "warden-bench", ...CONSOLE_SESSION } });
}

/**
 * The newest migration that (re)defines the rollups: the rollups must be
 * rebuilt when it changes, and only then (an index elsewhere needs no rebuild).
 */
function latestRollupMigration(): string {
  const rollups = readMigrationFiles({ migrationsFolder }).filter((m) => m.sql.some((s) => s.includes("dashboard_rollups_rebuild")));
  return rollups[rollups.length - 1]?.hash ?? "none";
}

/**
 * A migration edited after it was applied is not applied again: the loaded
 * schema would silently differ from the code's. Only a reload fixes that.
 */
async function checkMigrationDrift(sql: Sql) {
  const applied = await sql<{ hash: string; created_at: string }[]>`SELECT hash, created_at::text FROM drizzle.__drizzle_migrations`;
  const onDisk = new Map(readMigrationFiles({ migrationsFolder }).map((m) => [String(m.folderMillis), m.hash]));
  const changed = applied.filter((a) => onDisk.has(a.created_at) && onDisk.get(a.created_at) !== a.hash);
  if (changed.length) {
    throw new Error(
      `${changed.length} migration(s) changed on disk since they were applied to this database; run again with --reload.`,
    );
  }
}

async function countRows(sql: Sql, tables: readonly string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await sql.unsafe<{ n: string }[]>(`SELECT count(*)::bigint AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

async function rollupTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE '%\\_rollup' ORDER BY 1`;
  return rows.map((r) => r.name);
}

async function vacuumAnalyze(sql: Sql, tables: readonly string[]) {
  for (const table of tables) await sql.unsafe(`VACUUM (ANALYZE) ${table}`).simple();
}

export async function prepareDatabase(handle: DatabaseHandle, url: string, options: { scale: number; reload: boolean }): Promise<LoadInfo> {
  const progress = stderrProgress();
  const sql = rawClient(url);
  try {
    await createBenchSchema(sql);
    const [marker] = await sql<Marker[]>`SELECT * FROM bench.load_marker`;
    const current =
      marker && marker.completed_at && marker.version === LOAD_VERSION && marker.scale === options.scale && !options.reload;
    let loadedNow = false;
    let rollupSeconds: number | null = null;

    if (!current) {
      const [existing] = await sql<{ users: string | null }[]>`
        SELECT CASE WHEN to_regclass('public.users') IS NULL THEN NULL ELSE (SELECT count(*) FROM users LIMIT 1)::text END AS users`
        .catch(() => [{ users: null }]);
      if (!marker && existing?.users && Number(existing.users) > 0) {
        throw new Error(
          "DATABASE_URL names a database that holds data the benchmark did not load. " +
            "Point it at a dedicated, empty database (e.g. CREATE DATABASE warden_bench): a load replaces everything in it.",
        );
      }
      const anchor = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const plan = planFor(options.scale);
      console.error(
        `Loading a year of history ending ${anchor.toISOString()} at scale ${options.scale}: ` +
          `${plan.loginAttempts.toLocaleString("en")} login attempts (about ${Math.round(plan.loginAttempts / 365).toLocaleString("en")} a day).`,
      );
      progress("  resetting the schema and migrating", true);
      await sql.unsafe(`DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`);
      await runMigrations(handle);
      await sql`DELETE FROM bench.load_marker`;
      await sql`INSERT INTO bench.load_marker (version, scale, anchor, started_at) VALUES (${LOAD_VERSION}, ${options.scale}, ${anchor}, now())`;
      const report = await loadDatabase(sql, plan, anchor, progress);

      const t = Date.now();
      const built = await rebuildRollups(sql);
      rollupSeconds = built ? (Date.now() - t) / 1000 : null;
      progress(built ? `  dashboard_rollups_rebuild()                   ${rollupSeconds!.toFixed(1).padStart(7)} s` : "  no dashboard_rollups_rebuild() in this schema yet: rollups not built", true);
      const tv = Date.now();
      await vacuumAnalyze(sql, [...LOADED_TABLES, ...(await rollupTables(sql))]);
      progress(`  VACUUM ANALYZE                                ${((Date.now() - tv) / 1000).toFixed(1).padStart(7)} s`, true);
      const counts = await countRows(sql, LOADED_TABLES);
      const phases = [
        ...report.phases,
        ...(rollupSeconds !== null ? [{ phase: "dashboard_rollups_rebuild()", seconds: rollupSeconds }] : []),
        { phase: "VACUUM ANALYZE", seconds: (Date.now() - tv) / 1000 },
      ];
      const total = phases.reduce((s, p) => s + p.seconds, 0);
      await sql`UPDATE bench.load_marker SET completed_at = now(), load_seconds = ${total}, phases = ${sql.json(phases)},
                  counts = ${sql.json(counts)}, rollups_for = ${built ? latestRollupMigration() : null}`;
      console.error(`Loaded in ${total.toFixed(0)} s.`);
      loadedNow = true;
    } else {
      // The data is there; migrations that landed since (rollups, indexes) still apply, and a
      // rollup built before the newest migration is rebuilt so it matches the schema's definition.
      await checkMigrationDrift(sql);
      await runMigrations(handle);
      const latest = latestRollupMigration();
      if (marker.rollups_for !== latest) {
        const t = Date.now();
        const built = await rebuildRollups(sql);
        if (built) {
          rollupSeconds = (Date.now() - t) / 1000;
          console.error(`Rebuilt the dashboard rollups for the current schema in ${rollupSeconds.toFixed(1)} s.`);
          await vacuumAnalyze(sql, await rollupTables(sql));
          await sql.unsafe(`ANALYZE`);
          await sql`UPDATE bench.load_marker SET rollups_for = ${latest}`;
        }
      }
    }

    const [m] = await sql<Marker[]>`SELECT * FROM bench.load_marker`;
    const rollups = await rollupTables(sql);
    return {
      anchor: m!.anchor,
      scale: m!.scale,
      plan: planFor(m!.scale),
      loadedNow,
      loadSeconds: m!.load_seconds,
      phases: m!.phases ?? [],
      rollupSeconds,
      counts: m!.counts ?? (await countRows(sql, LOADED_TABLES)),
      rollupCounts: await countRows(sql, rollups),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
