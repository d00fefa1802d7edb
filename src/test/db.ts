import { PGlite } from "@electric-sql/pglite";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { type DatabaseHandle, type Db, openDatabase } from "~/server/db/client";
import { runMigrations } from "~/server/db/migrate";
import * as schema from "~/server/db/schema";

export interface TestDatabase extends DatabaseHandle {
  /** A short label for test names: "pglite" or "postgres". */
  label: string;
}

/**
 * A fresh, fully migrated database for one test file: in-memory PGlite by
 * default, or a brand-new PostgreSQL database when TEST_DATABASE_URL is set
 * (dropped again by close()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const template = process.env.WARDEN_TEST_TEMPLATE;
    if (!template) {
      const handle = openDatabase({});
      await runMigrations(handle);
      return { ...handle, label: "pglite" };
    }
    const client = new PGlite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: "pglite",
      label: "pglite",
      close: () => client.close(),
    };
  }
  const name = `warden_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  await runMigrations(handle);
  return {
    ...handle,
    label: "postgres",
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** An unmigrated in-memory PGlite, for tests of the migrations themselves. */
export function createEmptyPglite(): { db: Db; client: PGlite } {
  const client = new PGlite();
  return { db: drizzlePglite(client, { schema }) as unknown as Db, client };
}

/** The name of every table the Drizzle schema declares. */
export function schemaTableNames(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table).name)
    .sort();
}
