import { runMigrations } from "~/server/db/migrate";
import { describeDatabase, openConfiguredDatabase } from "./database";

const handle = openConfiguredDatabase();
try {
  const started = Date.now();
  await runMigrations(handle);
  console.log(`Migrations applied to ${describeDatabase()} in ${Date.now() - started} ms.`);
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
