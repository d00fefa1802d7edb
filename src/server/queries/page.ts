import "server-only";
import { encodeCursor } from "~/lib/cursor";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows fetched with limit + 1: the extra one only says whether there is a next page. */
export function toPage<Row, Item = Row>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => unknown,
  map: (row: Row) => Item = (r) => r as unknown as Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: hasMore ? encodeCursor(cursorOf(items[items.length - 1]!)) : null };
}

/** A timestamptz as text with all six fractional digits, in UTC: cursors must not round. */
export const PRECISE_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
