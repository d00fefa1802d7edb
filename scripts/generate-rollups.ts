import { writeFileSync } from "node:fs";
import path from "node:path";
import { rebuildMigrationSql } from "~/server/db/rollups/sql";

/**
 * Rewrites the rollup rebuild migration from src/server/db/rollups/definitions.ts.
 * The tables and triggers live in drizzle/0003_dashboard_rollups.sql, which has
 * landed and is never rewritten; `src/server/db/rollups/sql.test.ts` says when
 * the definitions have moved away from it. 0007 has landed too (its hash is
 * pinned in src/server/db/landed-migrations.test.ts): to change the rebuild,
 * create a new migration with `drizzle-kit generate --custom`, point this path
 * at it, and point the rebuild test at it.
 */
export const REBUILD_MIGRATION = path.resolve(process.cwd(), "drizzle/0007_rollup_rebuild_in_order.sql");

writeFileSync(REBUILD_MIGRATION, rebuildMigrationSql());
console.log(`Wrote ${path.relative(process.cwd(), REBUILD_MIGRATION)}`);
