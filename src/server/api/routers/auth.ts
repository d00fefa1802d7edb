import "server-only";
import { signOutConsoleSession } from "~/server/auth/sessions";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** Who is signed in, or null. */
  session: publicProcedure.query(({ ctx }) =>
    ctx.session ? { user: ctx.session.user, expiresAt: ctx.session.expiresAt, mfaVerified: ctx.session.mfaVerified } : null,
  ),

  /**
   * Ends this console session in the database (with the caller's address in
   * the audit trail); the browser then clears its cookie through next-auth.
   */
  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await signOutConsoleSession(ctx.db, { sessionId: ctx.session.sessionId }, ctx.info, ctx.secrets().auditKey);
    return { signedOut: true };
  }),
});
