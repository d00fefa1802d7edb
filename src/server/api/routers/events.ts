import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ZPage } from "../inputs";
import { ZIp, ZUserId } from "~/lib/validation";
import { acknowledgeEvents, assignEvent, EVENT_STATUSES, eventTypes, getEvent, listEvents, resolveEvents, SEVERITIES } from "~/server/queries/events";
import { actionContextFrom } from "../action-context";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const read = permittedProcedure("investigations:read");
const act = permittedProcedure("events:act");

const ZEventId = z.number().int().positive();
const ZEventIds = z.array(ZEventId).min(1, "Select at least one event.").max(200, "Resolve at most 200 events at a time.");

export const ZEventFilters = ZPage.extend({
  severity: z.array(z.enum(SEVERITIES)).max(4).optional(),
  status: z.array(z.enum(EVENT_STATUSES)).max(3).optional(),
  type: z.string().trim().max(64).optional(),
  assignee: z.union([z.literal("unassigned"), ZUserId]).optional(),
  userId: ZUserId.optional(),
  ip: ZIp.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
}).refine((f) => !f.from || !f.to || f.from < f.to, { message: "The start of the range must be before its end.", path: ["from"] });

export const eventsRouter = createTRPCRouter({
  list: read.input(ZEventFilters).query(({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    return listEvents(ctx.db, filters, { cursor, limit });
  }),

  byId: read.input(z.object({ id: ZEventId })).query(async ({ ctx, input }) => {
    const event = await getEvent(ctx.db, input.id);
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: "No event with that id." });
    return event;
  }),

  types: read.query(({ ctx }) => eventTypes(ctx.db)),

  acknowledge: act.input(z.object({ ids: ZEventIds })).mutation(({ ctx, input }) => acknowledgeEvents(ctx.db, actionContextFrom(ctx), input.ids)),

  assign: act.input(z.object({ id: ZEventId, assigneeId: ZUserId.nullable() })).mutation(async ({ ctx, input }) => {
    const result = await assignEvent(ctx.db, actionContextFrom(ctx), input);
    if (result === "not_found") throw new TRPCError({ code: "NOT_FOUND", message: "No event with that id." });
    if (result === "not_staff") throw new TRPCError({ code: "BAD_REQUEST", message: "Events can only be assigned to operators and administrators." });
    return { status: result };
  }),

  resolve: act
    .input(z.object({ ids: ZEventIds, note: z.string().trim().min(3, "Write a resolution note (at least 3 characters).").max(2000) }))
    .mutation(({ ctx, input }) => resolveEvents(ctx.db, actionContextFrom(ctx), input)),
});
