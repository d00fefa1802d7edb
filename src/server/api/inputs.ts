import "server-only";
import { z } from "zod";
import { ZCursor } from "~/server/queries/keyset";

/**
 * `{ cursor?, limit }`, the shape every keyset-paginated list takes: at most
 * 100 rows a page. Lists `.extend()` it with their filters and `.prefault({})`
 * it, so calling with no input at all asks for the first page.
 */
export const ZPage = z.object({
  cursor: ZCursor.optional(),
  limit: z.number("The page size must be a number.").int("The page size must be a whole number.").min(1, "Ask for at least one row.").max(100, "Ask for at most 100 rows a page.").default(25),
});
