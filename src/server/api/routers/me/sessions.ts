import "server-only";
import { z } from "zod";
import { listMySessions, previewSignOutOthers, signOutMyOtherSessions, signOutMySession } from "~/server/queries/me/sessions";
import { createTRPCRouter } from "../../trpc";
import { badRequest, notFound, selfContextFrom, selfProcedure } from "./procedure";
import { ZPage } from "../../inputs";

export const ZSessionId = z.object({ sessionId: z.guid("That is not a session id.") });

export const sessionsRouter = createTRPCRouter({
  /** The caller's own session, then their other live sessions, newest first. */
  list: selfProcedure.input(ZPage.prefault({})).query(({ ctx, input }) => listMySessions(ctx.db, selfContextFrom(ctx), input)),

  /** How many sessions and token families "sign out everywhere else" would end. */
  previewSignOutOthers: selfProcedure.query(({ ctx }) => previewSignOutOthers(ctx.db, selfContextFrom(ctx))),

  /** Signs one other session out; it stops working on its next request. */
  signOut: selfProcedure.input(ZSessionId).mutation(async ({ ctx, input }) => {
    const outcome = await signOutMySession(ctx.db, selfContextFrom(ctx), input.sessionId);
    if (outcome.status === "not_found") notFound("session");
    if (outcome.status === "is_current") badRequest("That is the session you are using now. Use Sign out to end it.");
    return outcome;
  }),

  /** Signs out every session but this one. */
  signOutOthers: selfProcedure.mutation(({ ctx }) => signOutMyOtherSessions(ctx.db, selfContextFrom(ctx))),
});
