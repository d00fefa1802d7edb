import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ZPage } from "../inputs";
import { ROLES } from "~/lib/roles";
import { ZUserId } from "~/lib/validation";
import { searchUsers, staffMembers, userProfile, userTimeline, ZTimelineCursor } from "~/server/queries/users";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const read = permittedProcedure("investigations:read");

export const ZUserSearch = ZPage.extend({
  query: z.string().trim().max(320).optional(),
  lockedNow: z.boolean().optional(),
  hasTwoFactor: z.boolean().optional(),
  hasOpenEvents: z.boolean().optional(),
  role: z.enum(ROLES).optional(),
});

export const usersRouter = createTRPCRouter({
  search: read.input(ZUserSearch).query(({ ctx, input }) => {
    const { cursor, limit, ...search } = input;
    return searchUsers(ctx.db, search, { cursor, limit });
  }),

  detail: read.input(z.object({ userId: ZUserId })).query(async ({ ctx, input }) => {
    const profile = await userProfile(ctx.db, input.userId);
    if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "No user with that id." });
    return profile;
  }),

  timeline: read.input(ZPage.extend({ userId: ZUserId, cursor: ZTimelineCursor.optional() })).query(({ ctx, input }) =>
    userTimeline(ctx.db, input.userId, { cursor: input.cursor, limit: input.limit }),
  ),

  staff: read.query(({ ctx }) => staffMembers(ctx.db)),
});
