import "server-only";
import { z } from "zod";
import { totpQrDataUrl } from "~/server/auth/totp-qr";
import type { TwoFactorOutcome } from "~/server/queries/me/two-factor";
import { beginTotpEnrolment, confirmTotpEnrolment, disableTwoFactor, myTwoFactorStatus, regenerateBackupCodes } from "~/server/queries/me/two-factor";
import { createTRPCRouter } from "../../trpc";
import { badRequest, conflict, selfContextFrom, selfProcedure, throttled } from "./procedure";

export const ZTotpCode = z.object({
  // Authenticator apps show "123 456"; people paste it with the space.
  code: z
    .string("Enter the 6-digit code from your authenticator app.")
    .max(32, "Enter the 6-digit code from your authenticator app.")
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});

export const ZPasswordConfirmation = z.object({
  password: z.string("Enter your password.").min(1, "Enter your password.").max(1024, "That password is too long (1,024 characters at most)."),
});

/** Turns the query layer's refusals into the errors the page shows; success passes through. */
function settle<T>(outcome: TwoFactorOutcome<T>): T {
  switch (outcome.status) {
    case "done":
      return outcome.result;
    case "throttled":
      return throttled(outcome.retryAt);
    case "invalid_code":
      return badRequest("That code didn't work. Enter the code your app shows now; each code works once.");
    case "invalid_password":
      return badRequest("That password isn't right.");
    case "refused":
      return conflict(outcome.detail);
  }
}

export const twoFactorRouter = createTRPCRouter({
  status: selfProcedure.query(({ ctx }) => myTwoFactorStatus(ctx.db, ctx.session.user.id)),

  /**
   * A new TOTP secret, encrypted at rest, not yet switched on: the secret, its
   * otpauth:// URI and a QR code of it drawn by Warden, shown this once.
   */
  beginEnrolment: selfProcedure.mutation(async ({ ctx }) => {
    const enrolment = settle(await beginTotpEnrolment(ctx.db, selfContextFrom(ctx), { encryptionKey: ctx.secrets().encryptionKey }));
    return { ...enrolment, qrCode: await totpQrDataUrl(enrolment.uri) };
  }),

  /** Switches two-factor on once a code proves the app has the secret; returns the 10 backup codes, once. */
  confirmEnrolment: selfProcedure.input(ZTotpCode).mutation(async ({ ctx, input }) =>
    settle(await confirmTotpEnrolment(ctx.db, selfContextFrom(ctx), input.code, { encryptionKey: ctx.secrets().encryptionKey })),
  ),

  /** Replaces every backup code, after a current code from the app. */
  regenerateBackupCodes: selfProcedure.input(ZTotpCode).mutation(async ({ ctx, input }) =>
    settle(await regenerateBackupCodes(ctx.db, selfContextFrom(ctx), input.code, { encryptionKey: ctx.secrets().encryptionKey })),
  ),

  /** Turns two-factor off after the password is typed again. */
  disable: selfProcedure.input(ZPasswordConfirmation).mutation(async ({ ctx, input }) => settle(await disableTwoFactor(ctx.db, selfContextFrom(ctx), input.password))),
});
