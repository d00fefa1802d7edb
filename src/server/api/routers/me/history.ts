import "server-only";
import { z } from "zod";
import { listMyLoginHistory } from "~/server/queries/me/history";
import { createTRPCRouter } from "../../trpc";
import { ZPage } from "../../inputs";
import { selfProcedure } from "./procedure";

export const ZHistoryPage = ZPage.extend({
  outcome: z.enum(["success", "failure"], "Filter by success or failure, or leave the filter out.").optional(),
}).prefault({});

export const historyRouter = createTRPCRouter({
  /** The last 90 days of sign-in attempts on the caller's account. */
  list: selfProcedure
    .input(ZHistoryPage)
    .query(({ ctx, input }) => listMyLoginHistory(ctx.db, ctx.session.user.id, input)),
});
