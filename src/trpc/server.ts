import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { SESSION_COOKIE } from "~/lib/cookies";
import { createCaller } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";

/**
 * The tRPC router called in-process from React Server Components: same
 * procedures, same permission checks, no HTTP round trip.
 */
export const api = cache(async () => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return createCaller(await createTRPCContext({ headers: h, sessionCookie: c.get(SESSION_COOKIE)?.value }));
});
