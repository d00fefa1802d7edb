import "server-only";
import { TRPCError } from "@trpc/server";
import type { SelfContext } from "~/server/queries/me/context";
import { actionContextFrom } from "../../action-context";
import { permittedProcedure, type SignedInContext } from "../../trpc";

/**
 * Every self-service procedure: any signed-in role may manage its own
 * account. The owner is always the session's user; no input names one.
 */
export const selfProcedure = permittedProcedure("self:manage");

export function selfContextFrom(ctx: SignedInContext): SelfContext {
  return { ...actionContextFrom(ctx), sessionId: ctx.session.sessionId };
}

/**
 * Someone else's id and an id that never existed get this same answer, word
 * for word, so probing ids tells nobody whose they are.
 */
export function notFound(thing: "session" | "device" | "alert"): never {
  throw new TRPCError({ code: "NOT_FOUND", message: `There is no such ${thing} on your account.` });
}

export function conflict(message: string): never {
  throw new TRPCError({ code: "CONFLICT", message });
}

export function badRequest(message: string): never {
  throw new TRPCError({ code: "BAD_REQUEST", message });
}

/** Too many wrong codes or passwords: when to come back, in words that need no time zone. */
export function throttled(retryAt: Date, now = new Date()): never {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  throw new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `Too many wrong attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
  });
}
