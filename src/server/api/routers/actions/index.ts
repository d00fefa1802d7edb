import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ROLES } from "~/lib/roles";
import { ZReason, ZUserId } from "~/lib/validation";
import { accountImpact, type AccountActionResult, forcePasswordReset, lockAccount, resetTwoFactor, revokeApiKey, setRole, unlockAccount } from "~/server/queries/accounts";
import { revokeRefreshFamily, revokeSession, revokeUserSessions } from "~/server/queries/sessions";
import { actionContextFrom } from "../../action-context";
import { createTRPCRouter, permittedProcedure } from "../../trpc";

// Staff actions on accounts. Each one: operators and admins only, idempotent
// (repeating it reports "unchanged"), NOT_FOUND for ids that do not exist,
// and its change and audit entry committed together.

const act = permittedProcedure("accounts:act");

function settle<T extends { status: string }>(result: T, what: string) {
  if (result.status === "not_found") throw new TRPCError({ code: "NOT_FOUND", message: `No ${what} with that id.` });
  return result;
}

const settleAccount = (result: AccountActionResult) => settle(result, "user");

export const actionsRouter = createTRPCRouter({
  /** What an action would touch, so the dialog can say so before it runs. */
  impact: act.input(z.object({ userId: ZUserId })).query(async ({ ctx, input }) => {
    const own = input.userId === ctx.session.user.id ? ctx.session.sessionId : null;
    const impact = await accountImpact(ctx.db, input.userId, own);
    if (!impact) throw new TRPCError({ code: "NOT_FOUND", message: "No user with that id." });
    return impact;
  }),

  revokeSession: act.input(z.object({ sessionId: z.string().uuid(), reason: ZReason })).mutation(async ({ ctx, input }) =>
    settle(await revokeSession(ctx.db, actionContextFrom(ctx), input), "session"),
  ),

  revokeAllSessions: act
    .input(z.object({ userId: ZUserId, keepMine: z.boolean().default(true), reason: ZReason }))
    .mutation(async ({ ctx, input }) => {
      const keep = input.keepMine && input.userId === ctx.session.user.id ? ctx.session.sessionId : null;
      const impact = await accountImpact(ctx.db, input.userId, keep);
      if (!impact) throw new TRPCError({ code: "NOT_FOUND", message: "No user with that id." });
      const result = await revokeUserSessions(ctx.db, actionContextFrom(ctx), { userId: input.userId, exceptSessionId: keep, reason: input.reason });
      return { status: result.sessions > 0 ? "done" : "unchanged", ...result };
    }),

  revokeTokenFamily: act.input(z.object({ familyId: z.string().uuid(), reason: ZReason })).mutation(async ({ ctx, input }) =>
    settle(await revokeRefreshFamily(ctx.db, actionContextFrom(ctx), input), "token family"),
  ),

  revokeApiKey: act.input(z.object({ apiKeyId: z.string().uuid(), reason: ZReason })).mutation(async ({ ctx, input }) =>
    settle(await revokeApiKey(ctx.db, actionContextFrom(ctx), input), "API key"),
  ),

  lockAccount: act
    .input(
      z.object({
        userId: ZUserId,
        reason: ZReason,
        until: z.coerce.date().nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.until && input.until.getTime() <= Date.now()) throw new TRPCError({ code: "BAD_REQUEST", message: "The lock must end in the future (or leave the end empty to lock until unlocked)." });
      if (input.userId === ctx.session.user.id) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot lock your own account." });
      return settleAccount(await lockAccount(ctx.db, actionContextFrom(ctx), input));
    }),

  unlockAccount: act.input(z.object({ userId: ZUserId, reason: ZReason.nullable().default(null) })).mutation(async ({ ctx, input }) =>
    settleAccount(await unlockAccount(ctx.db, actionContextFrom(ctx), input)),
  ),

  forcePasswordReset: act.input(z.object({ userId: ZUserId, reason: ZReason })).mutation(async ({ ctx, input }) =>
    settleAccount(await forcePasswordReset(ctx.db, actionContextFrom(ctx), input)),
  ),

  resetTwoFactor: act.input(z.object({ userId: ZUserId, reason: ZReason })).mutation(async ({ ctx, input }) =>
    settleAccount(await resetTwoFactor(ctx.db, actionContextFrom(ctx), input)),
  ),

  setRole: permittedProcedure("roles:manage")
    .input(z.object({ userId: ZUserId, role: z.enum(ROLES), reason: ZReason }))
    .mutation(async ({ ctx, input }) => settleAccount(await setRole(ctx.db, actionContextFrom(ctx), input))),
});
