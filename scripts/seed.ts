import { runMigrations } from "~/server/db/migrate";
import { getSecrets } from "~/server/secrets";
import { seedDatabase } from "~/server/seed";
import { describeDatabase, resetDatabase, withConfiguredDatabase } from "./database";
import { printDemoSignIns, progressPrinter } from "./output";
import { parseSeedArgs, SEED_USAGE } from "./seed-options";

let options: ReturnType<typeof parseSeedArgs>;
try {
  options = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${SEED_USAGE}`);
  process.exit(2);
}

await withConfiguredDatabase("Seeding", async (handle) => {
  if (options.reset) {
    console.log(`Resetting ${describeDatabase()}...`);
    await resetDatabase(handle);
  } else {
    await runMigrations(handle);
  }
  console.log(`Seeding ${describeDatabase()}: ${options.users} users, ${options.days} days ending ${options.anchor.toISOString()}, seed ${options.seed}`);
  const summary = await seedDatabase(handle.db, options, getSecrets(), progressPrinter());
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(`\nSeeded ${total.toLocaleString("en")} rows in ${(summary.milliseconds / 1000).toFixed(1)} s.`);
  printDemoSignIns();
});
