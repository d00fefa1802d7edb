import { z } from "zod";

/**
 * Keyset cursors travel as opaque base64url JSON. Decoding validates the
 * shape, so a tampered cursor is a clean BAD_REQUEST, not a query error.
 */
export function encodeCursor(value: unknown): string {
  const json = JSON.stringify(value);
  return typeof btoa === "function"
    ? btoa(unescape(encodeURIComponent(json))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
    : Buffer.from(json, "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | null {
  try {
    const padded = cursor.replace(/-/g, "+").replace(/_/g, "/");
    const json = typeof atob === "function" ? decodeURIComponent(escape(atob(padded))) : Buffer.from(cursor, "base64url").toString("utf8");
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A timestamp in the cursor keeps PostgreSQL's microseconds, which a JavaScript Date would drop. */
export const ZCursorTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);

export const ZPage = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
