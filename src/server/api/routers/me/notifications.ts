import "server-only";
import { z } from "zod";
import { ALERT_TYPES, CHANNELS, myNotificationPreferences, updateMyNotificationPreferences } from "~/server/queries/me/notifications";
import { createTRPCRouter } from "../../trpc";
import { conflict, selfContextFrom, selfProcedure } from "./procedure";

export const ZNotificationChanges = z.object({
  preferences: z
    .array(
      z.object({
        alertType: z.enum(ALERT_TYPES, "That is not an alert Warden sends."),
        channel: z.enum(CHANNELS, "Alerts go by email or sms."),
        enabled: z.boolean("Say whether the alert is on: true or false."),
      }),
      "Send the preferences to change as a list.",
    )
    .min(1, "Change at least one preference.")
    .max(ALERT_TYPES.length * CHANNELS.length, "That is more preferences than there are."),
});

export const notificationsRouter = createTRPCRouter({
  get: selfProcedure.query(({ ctx }) => myNotificationPreferences(ctx.db, ctx.session.user.id)),

  update: selfProcedure.input(ZNotificationChanges).mutation(async ({ ctx, input }) => {
    const outcome = await updateMyNotificationPreferences(ctx.db, selfContextFrom(ctx), input.preferences);
    if (outcome.status === "refused") conflict(outcome.detail);
    return outcome;
  }),
});
