import "server-only";
import { z } from "zod";
import { forgetMyDevice, listMyDevices, previewForgetMyDevice, setMyDeviceTrust } from "~/server/queries/me/devices";
import { createTRPCRouter } from "../../trpc";
import { ZPage } from "../../inputs";
import { notFound, selfContextFrom, selfProcedure } from "./procedure";

export const ZDeviceId = z.object({ deviceId: z.guid("That is not a device id.") });
export const ZDeviceTrust = ZDeviceId.extend({ trusted: z.boolean("Say whether to trust the device: true or false.") });

export const devicesRouter = createTRPCRouter({
  list: selfProcedure.input(ZPage.prefault({})).query(({ ctx, input }) => listMyDevices(ctx.db, selfContextFrom(ctx), input)),

  /** What forgetting a device would sign out, for the confirmation. */
  previewForget: selfProcedure.input(ZDeviceId).query(async ({ ctx, input }) => {
    const outcome = await previewForgetMyDevice(ctx.db, selfContextFrom(ctx), input.deviceId);
    if (outcome.status !== "done") notFound("device");
    return outcome.result;
  }),

  /** Trust or untrust one of the owner's devices. */
  setTrust: selfProcedure.input(ZDeviceTrust).mutation(async ({ ctx, input }) => {
    const outcome = await setMyDeviceTrust(ctx.db, selfContextFrom(ctx), input);
    if (outcome.status === "not_found") notFound("device");
    return outcome;
  }),

  /** Forget a device and sign out every session on it. */
  forget: selfProcedure.input(ZDeviceId).mutation(async ({ ctx, input }) => {
    const outcome = await forgetMyDevice(ctx.db, selfContextFrom(ctx), input.deviceId);
    if (outcome.status === "not_found") notFound("device");
    return outcome;
  }),
});
