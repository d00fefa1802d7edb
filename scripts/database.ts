import { sql } from "drizzle-orm";
import { env } from "~/env";
import { type DatabaseHandle, openDatabase } from "~/server/db/client";
import { runMigrations } from "~/server/db/migrate";

/** The database the environment names, for command-line scripts. */
export function openConfiguredDatabase(): DatabaseHandle {
  const { DATABASE_URL, WARDEN_DATA_DIR } = env();
  return openDatabase({ url: DATABASE_URL, dataDir: DATABASE_URL ? undefined : WARDEN_DATA_DIR });
}

export function describeDatabase(): string {
  const { DATABASE_URL, WARDEN_DATA_DIR } = env();
  if (!DATABASE_URL) return `embedded PGlite in ${WARDEN_DATA_DIR}`;
  const url = new URL(DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/**
 * Opens the configured database, runs `work`, closes it, and turns any
 * failure (the embedded database busy, PostgreSQL unreachable) into one clear
 * line and a non-zero exit instead of a stack trace.
 */
export async function withConfiguredDatabase(label: string, work: (handle: DatabaseHandle) => Promise<void>) {
  let handle: DatabaseHandle | undefined;
  try {
    handle = openConfiguredDatabase();
    await work(handle);
  } catch (error) {
    // Drizzle wraps driver errors as "Failed query: …"; the cause says what PostgreSQL objected to.
    const cause = (error as { cause?: Error }).cause;
    console.error(`${label} failed: ${cause?.message ?? (error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await handle?.close().catch(() => {});
  }
  if (process.exitCode) process.exit(process.exitCode);
}

/** Drops everything Warden created and migrates from scratch: only for `db:seed --reset`. */
export async function resetDatabase(handle: DatabaseHandle) {
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
  await runMigrations(handle);
}
