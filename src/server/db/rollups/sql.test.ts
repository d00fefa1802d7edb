import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { ROLLUPS, SOURCE_INDEXES } from "./definitions";
import { rebuildMigrationSql, rollupObjectStatements } from "./sql";

const migration = (name: string) => readFileSync(path.resolve("drizzle", name), "utf8");

/**
 * Everything that makes up the rollups, as the database describes it (an
 * index on a source table that no definition and no schema names any more is
 * beyond it: nothing tells it apart from an index the schema keeps). The
 * rollup tables' columns, constraints and indexes, every index on their
 * source tables, the triggers and functions named after a rollup, and the
 * rebuild function.
 */
async function rollupCatalog(db: Db) {
  const sources = [...new Set(Object.values(ROLLUPS).map((r) => r.source))];
  const rows = await queryRows<{ kind: string; name: string; definition: string }>(
    db,
    sql`SELECT 'column' AS kind, c.relname || '.' || a.attname AS name,
               format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS definition
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname LIKE '%\\_rollup'
        UNION ALL
        SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE conrelid::regclass::text LIKE '%\\_rollup'
        UNION ALL
        SELECT 'index', indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND (tablename LIKE '%\\_rollup' OR tablename = ANY(${`{${sources.join(",")}}`}::text[]))
        UNION ALL
        SELECT 'trigger', tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%\\_rollup\\_%'
        UNION ALL
        SELECT 'function', p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND (p.proname LIKE '%\\_rollup\\_%' OR p.proname = 'dashboard_rollups_rebuild')
        ORDER BY 1, 2`,
  );
  return rows.map((r) => `${r.kind} ${r.name}: ${r.definition}`);
}

let migrated: TestDatabase;
let regenerated: TestDatabase;

beforeAll(async () => {
  [migrated, regenerated] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // The same database with every rollup object dropped, whether the
  // definitions still name it or not, and made again from the definitions
  // alone: what a migration left behind shows up as a difference too.
  const run = (statement: string) => regenerated.db.execute(sql.raw(statement));
  const existing = await queryRows<{ drop: string }>(
    regenerated.db,
    sql`SELECT format('DROP TABLE %I', relname) AS drop FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname LIKE '%\\_rollup'
        UNION ALL
        SELECT format('DROP FUNCTION %I() CASCADE', proname) FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace AND (proname LIKE '%\\_rollup\\_%' OR proname = 'dashboard_rollups_rebuild')`,
  );
  for (const { drop } of existing) await run(drop);
  for (const index of SOURCE_INDEXES) await run(`DROP INDEX "${/CREATE INDEX "([^"]+)"/.exec(index)![1]}"`);
  for (const statement of rollupObjectStatements()) await run(statement);
  await run(rebuildMigrationSql());
}, 120_000);

afterAll(async () => {
  await Promise.all([migrated?.close(), regenerated?.close()]);
});

describe("the rollup migrations", () => {
  it("leave exactly the tables, indexes, triggers and functions the definitions generate (a changed definition needs a new migration)", async () => {
    const [landed, generated] = await Promise.all([rollupCatalog(migrated.db), rollupCatalog(regenerated.db)]);
    expect(landed.length).toBeGreaterThan(50);
    expect(landed).toEqual(generated);
  });

  it("end with the rebuild the definitions generate (run `npm run db:rollups` after changing them)", () => {
    expect(migration("0007_rollup_rebuild_in_order.sql")).toBe(rebuildMigrationSql());
  });
});
