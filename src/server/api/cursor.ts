import "server-only";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { decodeCursor } from "~/lib/cursor";

/** Decodes a page cursor from the client; a tampered one is a BAD_REQUEST. */
export function readCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (!cursor) return null;
  const value = decodeCursor(cursor, schema);
  if (!value) throw new TRPCError({ code: "BAD_REQUEST", message: "That page link is no longer valid. Start from the first page." });
  return value;
}
