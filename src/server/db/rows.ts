import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client";

const dialect = new PgDialect();

/** postgres.js's client, as far as running one statement goes. */
interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}

function postgresJsClient(db: object): PostgresJsClient | null {
  // Only a database opened on postgres.js carries its client here; a transaction does
  // not, and runs through `execute` on its own connection.
  const client = (db as { $client?: object }).$client;
  const unsafe = client && (client as Partial<PostgresJsClient>).unsafe;
  return typeof client === "function" && typeof unsafe === "function" ? (client as unknown as PostgresJsClient) : null;
}

/**
 * Runs raw SQL and returns its rows. postgres.js hands back an array and
 * PGlite a `{ rows }` object; callers see neither. Cast columns in the SQL
 * (::int, ::text, ::float8) so both engines return the same JavaScript types.
 *
 * On PostgreSQL the statement is prepared once per connection and reused:
 * drizzle's `execute` sends every parameterised statement unnamed, which costs
 * a describe round trip and a parse on each call, more than the dashboards'
 * rollup reads themselves take. Statements are SQL text with bound values,
 * so there are as many as there are query shapes, not one per call.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const client = postgresJsClient(db);
  if (client) {
    const { sql, params } = dialect.sqlToQuery(query);
    return (await client.unsafe(sql, params, { prepare: true })) as T[];
  }
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
