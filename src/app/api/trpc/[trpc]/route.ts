import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { SESSION_COOKIE } from "~/lib/cookies";
import { refuseCrossSite } from "~/server/api/csrf";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";

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
