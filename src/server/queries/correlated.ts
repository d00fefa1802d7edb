import "server-only";
import { type Column, getTableName, sql } from "drizzle-orm";

/**
 * A column of the outer query, fully qualified, for use inside a correlated
 * subquery. Drizzle writes columns unqualified when a query reads one table,
 * and an unqualified name inside a subquery binds to the subquery's own table
 * first: `WHERE device_id = id` would compare the session with itself.
 */
export function outer(column: Column) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
