import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rollupMigrationSql } from "./sql";

describe("the rollup migration", () => {
  it("is exactly what the definitions generate (run `npm run db:rollups` after changing them)", () => {
    expect(readFileSync(path.resolve("drizzle/0003_dashboard_rollups.sql"), "utf8")).toBe(rollupMigrationSql());
  });
});
