import "server-only";
import { z } from "zod";
import { PASSWORD_RULES } from "~/server/auth/password-policy";
import { changeMyPassword } from "~/server/queries/me/password";
import { createTRPCRouter } from "../../trpc";
import { badRequest, conflict, selfContextFrom, selfProcedure, throttled } from "./procedure";

export const ZChangePassword = z.object({
  currentPassword: z.string("Enter your current password.").min(1, "Enter your current password.").max(PASSWORD_RULES.maxLength, "That password is too long."),
  // Strength, length included, is judged by the password policy, which explains its answer; this only bounds the size.
  newPassword: z.string("Enter a new password.").min(1, "Enter a new password.").max(PASSWORD_RULES.maxLength, `Use at most ${PASSWORD_RULES.maxLength.toLocaleString("en")} characters.`),
});

export const passwordRouter = createTRPCRouter({
  /** The rules the form shows before anyone types. */
  rules: selfProcedure.query(() => PASSWORD_RULES),

  /** Changes the password and signs out every other session. */
  change: selfProcedure.input(ZChangePassword).mutation(async ({ ctx, input }) => {
    const outcome = await changeMyPassword(ctx.db, selfContextFrom(ctx), input);
    switch (outcome.status) {
      case "done":
        return outcome.result;
      case "wrong_password":
        return badRequest("Your current password isn't right.");
      case "throttled":
        return throttled(outcome.retryAt);
      case "refused":
        return badRequest([outcome.refusal.message, ...outcome.refusal.suggestions].join(" "));
      case "conflict":
        return conflict("Your password was changed a moment ago from somewhere else. Reload the page and try again.");
    }
  }),
});
