import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { env } from "~/env";
import * as schema from "./schema";

/** The one database type the rest of Warden sees, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/**
 * The console's PostgreSQL session settings. JIT compiles a plan when its
 * estimated cost is high; the console's queries are short, read indexes and
 * rollups, and would spend more compiling than running. Prepared statements
 * are planned for their values every time: after five runs PostgreSQL may
 * otherwise settle on a generic plan, blind to how wide a range or how long a
 * list is, and some dashboard reads then ran twice as slow or worse.
 */
export const CONSOLE_SESSION = { jit: "off", plan_cache_mode: "force_custom_plan" } as const;

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in
 * memory when that is omitted too). This is the only place that knows which.
 */
export function openDatabase(options: { url?: string; dataDir?: string }): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {}, connection: CONSOLE_SESSION });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  let release = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  const client = new PGlite(options.dataDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite is a single-process database: two processes writing one folder
 * corrupt it. A pid file turns that into a clear error instead.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "warden.pid");
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${holder}. ` +
          "Stop that process (or set DATABASE_URL to use PostgreSQL) and try again.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const globalForDb = globalThis as unknown as { wardenDb?: DatabaseHandle };

/**
 * The application's database, opened on first use and cached on globalThis so
 * that Next's hot reload and its several module graphs share one connection
 * pool (and, for PGlite, the one instance the folder allows).
 */
export function getDb(): Db {
  if (!globalForDb.wardenDb) {
    const { DATABASE_URL, WARDEN_DATA_DIR } = env();
    globalForDb.wardenDb = openDatabase({ url: DATABASE_URL, dataDir: DATABASE_URL ? undefined : WARDEN_DATA_DIR });
  }
  return globalForDb.wardenDb.db;
}

export function databaseKind(): DatabaseHandle["kind"] {
  return env().DATABASE_URL ? "postgres" : "pglite";
}
