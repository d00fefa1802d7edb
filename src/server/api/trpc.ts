import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Access, can, type Permission } from "~/lib/roles";
import { sessionFromCookie } from "~/server/auth/next-auth";
import { authPolicy, type AuthPolicy } from "~/server/auth/policy";
import { type RequestInfo, requestInfo } from "~/server/auth/request-info";
import type { ResolvedSession } from "~/server/auth/sessions";
import { type Db, getDb } from "~/server/db/client";
import { getSecrets, type Secrets } from "~/server/secrets";

/**
 * 1. CONTEXT: what every procedure may use. The database client is the
 * process-wide one, never built per request.
 */
export interface TRPCContext {
  db: Db;
  session: ResolvedSession | null;
  info: RequestInfo;
  policy: AuthPolicy;
  secrets: () => Secrets;
}

export async function createTRPCContext(opts: { headers: Headers; sessionCookie: string | undefined | null }): Promise<TRPCContext> {
  return {
    db: getDb(),
    session: await sessionFromCookie(opts.sessionCookie),
    info: requestInfo(opts.headers),
    policy: authPolicy(),
    secrets: getSecrets,
  };
}

/**
 * 2. INITIALISATION. Every procedure carries its access rule as metadata, so
 * the role-matrix test can enumerate the router and check each one.
 */
export interface ProcedureMeta {
  access: Access;
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const invalid = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        // Never a stack trace or a driver message to the browser: those stay in the server log.
        // Validation failures say, in words, what was wrong with which field.
        message: internal
          ? "Something went wrong on Warden's side. The error has been logged; try again."
          : invalid
            ? invalid.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")
            : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: invalid ? invalid.flatten() : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const mergeRouters = t.mergeRouters;

/** 3. PROCEDURES: public → signed-in → permission. */
export const publicProcedure = t.procedure.meta({ access: "public" });

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const signedInProcedure = t.procedure.meta({ access: "signed-in" }).use(requireSession);

/** A procedure only roles holding `permission` may call (src/lib/roles.ts says which). */
export function permittedProcedure(permission: Permission) {
  return t.procedure
    .meta({ access: permission })
    .use(requireSession)
    .use(({ ctx, next }) => {
      if (!can(ctx.session.user.role, permission)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
      }
      return next();
    });
}

export type SignedInContext = TRPCContext & { session: ResolvedSession };
