import { defineConfig } from "drizzle-kit";

// `db:generate` only diffs the schema against the committed snapshots, so it
// needs no database. Migrations are applied by `npm run db:migrate`, which
// works on PGlite and PostgreSQL alike (scripts/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
