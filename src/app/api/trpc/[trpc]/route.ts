import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { SESSION_COOKIE } from "~/lib/cookies";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";

const MAX_BODY_BYTES = 1_000_000;

/**
 * Mutations must be JSON from this console's own pages. A form on another
 * site cannot send application/json without a CORS preflight we never
 * grant, and a browser always labels cross-site requests with Origin and
 * Sec-Fetch-Site.
 */
function refuseCrossSite(req: NextRequest): Response | null {
  if (req.method !== "POST") return null;
  const json = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const sameOrigin = origin ? safeHost(origin) === host : site ? site === "same-origin" : true;
  if (!json || !sameOrigin) {
    return Response.json({ error: { message: "Cross-site or non-JSON requests cannot change anything here.", code: "FORBIDDEN" } }, { status: 403 });
  }
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: { message: "Request body too large.", code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
  }
  return null;
}

function safeHost(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

const handler = async (req: NextRequest) =>
  refuseCrossSite(req) ??
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, sessionCookie: req.cookies.get(SESSION_COOKIE)?.value }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
    // Responses carry one person's data: never let a shared cache keep them.
    responseMeta: () => ({ headers: new Headers({ "cache-control": "private, no-store" }) }),
  });

export { handler as GET, handler as POST };
