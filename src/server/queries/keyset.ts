import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset pagination over (created_at DESC, id DESC), the order of every
 * newest-first list (users, events, attempts, self-service). The cursor carries the time to the microsecond, as
 * PostgreSQL stores it: a JavaScript Date keeps only milliseconds, and rows
 * written by column defaults differ below that, so a millisecond cursor would
 * skip rows at page boundaries. The id breaks ties between equal times.
 */
export interface Keyset {
  /** `YYYY-MM-DDTHH:MM:SS.ffffff`, UTC. */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const ID = /^(\d{1,19}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const INVALID = "That page link is out of date or damaged. Go back to the first page.";

/** The text the next page's query starts after; selected alongside each row. */
export const cursorTime = (column: AnyColumn) => sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.at}|${key.id}`).toString("base64url");
}

/** Parses an opaque cursor, refusing anything this module did not write (a bad cursor is BAD_REQUEST, never a SQL error). */
export const ZCursor = z
  .string()
  .max(200, INVALID)
  .transform((raw, ctx): Keyset => {
    const [at, id, extra] = Buffer.from(raw, "base64url").toString("utf8").split("|");
    // A calendar-valid time only: "2026-02-30" would pass the pattern and fail in PostgreSQL.
    const date = at ? new Date(`${at.slice(0, 23)}Z`) : null;
    const valid = at && id && extra === undefined && AT.test(at) && ID.test(id) && date && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 23) === at.slice(0, 23);
    if (!valid) {
      ctx.addIssue({ code: "custom", message: INVALID });
      return z.NEVER;
    }
    return { at, id };
  });

/** Rows strictly after the cursor in (created_at DESC, id DESC) order. */
export function afterCursor(createdAt: AnyColumn, id: AnyColumn, cursor: Keyset | undefined, idType: "bigint" | "uuid"): SQL | undefined {
  if (!cursor) return undefined;
  const idValue = idType === "uuid" ? sql`${cursor.id}::uuid` : sql`${cursor.id}::bigint`;
  return sql`(${createdAt}, ${id}) < ((${cursor.at}::timestamp AT TIME ZONE 'UTC'), ${idValue})`;
}

/** The page and the next page's cursor, from `limit + 1` rows fetched. */
export function pageOf<T extends { cursorAt: string; id: string | number }>(rows: T[], limit: number) {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const items = page.map(({ cursorAt: _cursorAt, ...rest }) => rest);
  return { items, nextCursor: hasMore && last ? encodeCursor({ at: last.cursorAt, id: String(last.id) }) : null };
}
