import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A fresh PGlite takes seconds to initdb; loading a saved data folder takes a
 * fraction of that. Migrate one database once per run, save it, and let every
 * test file start from a copy.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder: path.resolve("drizzle") });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(os.tmpdir(), `warden-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.WARDEN_TEST_TEMPLATE = file;
  return () => fs.rmSync(file, { force: true });
}
