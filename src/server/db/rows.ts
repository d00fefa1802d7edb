import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Runs raw SQL and returns its rows. postgres.js hands back an array and
 * PGlite a `{ rows }` object; callers see neither. Cast columns in the SQL
 * (::int, ::text, ::float8) so both engines return the same JavaScript types.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
