import { runMigrations } from "~/server/db/migrate";
import { describeDatabase, withConfiguredDatabase } from "./database";

await withConfiguredDatabase("Migration", async (handle) => {
  const started = Date.now();
  await runMigrations(handle);
  console.log(`Migrations applied to ${describeDatabase()} in ${Date.now() - started} ms.`);
});
