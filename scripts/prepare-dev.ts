import { sql } from "drizzle-orm";
import { runMigrations } from "~/server/db/migrate";
import { queryRows } from "~/server/db/rows";
import { getSecrets } from "~/server/secrets";
import { currentHour, DEFAULT_SEED_OPTIONS, seedDatabase } from "~/server/seed";
import { describeDatabase, withConfiguredDatabase } from "./database";
import { printDemoSignIns, progressPrinter } from "./output";

/**
 * Runs before `npm run dev` and `npm start`: migrate, seed an empty database
 * with the default demo data, print where to go. Then it closes the database,
 * because PGlite allows one process and the server is about to open it.
 */
await withConfiguredDatabase("Preparing the database", async (handle) => {
  await runMigrations(handle);
  const [row] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM users`);
  if (row!.n === 0) {
    console.log(`First start: filling ${describeDatabase()} with demo data...`);
    const summary = await seedDatabase(handle.db, { ...DEFAULT_SEED_OPTIONS, anchor: currentHour() }, getSecrets(), progressPrinter());
    console.log(`Demo data ready in ${(summary.milliseconds / 1000).toFixed(1)} s.`);
  } else {
    console.log(`Using ${describeDatabase()} (${row!.n.toLocaleString("en")} users).`);
  }
  printDemoSignIns(`http://localhost:${process.env.PORT ?? 3000}`);
});
