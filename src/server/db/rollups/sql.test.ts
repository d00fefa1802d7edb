import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildMigrationSql, rollupObjectStatements } from "./sql";

const migration = (name: string) => readFileSync(path.resolve("drizzle", name), "utf8");

describe("the rollup migrations", () => {
  it("create every table, index and trigger the definitions describe (a changed definition needs a new migration)", () => {
    // Each statement of the migration, without the file's opening comment.
    const created = migration("0003_dashboard_rollups.sql")
      .split("\n--> statement-breakpoint\n")
      .map((s) => s.replace(/^(--.*\n|\n)*/, "").trimEnd());
    for (const statement of rollupObjectStatements()) expect(created).toContain(statement);
  });

  it("end with the rebuild the definitions generate (run `npm run db:rollups` after changing them)", () => {
    expect(migration("0007_rollup_rebuild_in_order.sql")).toBe(rebuildMigrationSql());
  });
});
