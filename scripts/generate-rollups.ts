import { writeFileSync } from "node:fs";
import path from "node:path";
import { rollupMigrationSql } from "~/server/db/rollups/sql";

/** Rewrites the rollup migration from src/server/db/rollups/definitions.ts. */
export const ROLLUP_MIGRATION = path.resolve(process.cwd(), "drizzle/0003_dashboard_rollups.sql");

writeFileSync(ROLLUP_MIGRATION, rollupMigrationSql());
console.log(`Wrote ${path.relative(process.cwd(), ROLLUP_MIGRATION)}`);
