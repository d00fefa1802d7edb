import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import path from "node:path";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

/**
 * Applies every committed migration not yet applied (tracked in
 * drizzle.__drizzle_migrations), so running it twice is a no-op.
 */
export async function runMigrations(handle: DatabaseHandle, folder = migrationsFolder) {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase & { $client: PGlite }, { migrationsFolder: folder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
  }
}
