import "server-only";
import { z } from "zod";
import { confirmMyAlert, listMyAlerts, reportMyAlertNotMe } from "~/server/queries/me/alerts";
import { createTRPCRouter } from "../../trpc";
import { ZPage } from "../../inputs";
import { conflict, notFound, selfContextFrom, selfProcedure } from "./procedure";

// Event ids are bigints; anything past 2^53 cannot be one of ours, and a float would reach the driver as "1.5".
export const ZAlertId = z.object({ alertId: z.number("That is not an alert id.").int("That is not an alert id.").positive("That is not an alert id.").max(Number.MAX_SAFE_INTEGER, "That is not an alert id.") });

export const alertsRouter = createTRPCRouter({
  /** Security events about the caller's account, with their answer to each. */
  list: selfProcedure
    .input(ZPage.extend({ unansweredOnly: z.boolean("unansweredOnly is true or false.").default(false) }).prefault({}))
    .query(({ ctx, input }) => listMyAlerts(ctx.db, { ownerId: ctx.session.user.id, sessionId: ctx.session.sessionId }, input)),

  /** "This was me." */
  confirm: selfProcedure.input(ZAlertId).mutation(async ({ ctx, input }) => {
    const outcome = await confirmMyAlert(ctx.db, selfContextFrom(ctx), input.alertId);
    if (outcome.status === "not_found") notFound("alert");
    if (outcome.status === "refused") conflict(outcome.detail);
    return outcome;
  }),

  /**
   * "This wasn't me": signs out every session, this one too, raises a
   * high-severity event for operations, and asks the owner to change their
   * password (the page sends them to sign in again and on to that form).
   */
  reportNotMe: selfProcedure.input(ZAlertId).mutation(async ({ ctx, input }) => {
    const outcome = await reportMyAlertNotMe(ctx.db, selfContextFrom(ctx), input.alertId);
    if (outcome.status === "not_found") notFound("alert");
    if (outcome.status === "refused") conflict(outcome.detail);
    if (outcome.status === "unchanged") return outcome;
    return {
      ...outcome,
      nextStep: "Change your password now. You have been signed out everywhere, including here: sign in again, then choose a new password you haven't used before.",
    };
  }),
});
