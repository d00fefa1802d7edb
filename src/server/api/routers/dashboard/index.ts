import "server-only";
import { z } from "zod";
import { ZIp } from "~/lib/validation";
import { attemptResult, deliveryStatus, feeCategory } from "~/server/db/schema/util/enums";
import * as q from "~/server/queries/dashboard";
import { ZRange, ZTopN } from "~/server/queries/dashboard/range";
import { ZPage } from "../../inputs";
import { createTRPCRouter, permittedProcedure } from "../../trpc";

/**
 * Security, messaging and finance dashboards. Every procedure takes a range
 * `{ from, to }` (ISO instants, `to` exclusive, at most 366 days), reads the
 * rollups for whole hours and days and the raw tables only at the edges, and
 * returns exact figures; the README's "Which rows count" defines each one.
 */
const read = permittedProcedure("dashboards:read");

const range = ZRange;
// The range's refinements sit on the object, so lists and top-N inputs are
// built by intersecting it with their own fields.
const topN = z.object({ limit: ZTopN });
const page = ZPage;
const text = (what: string, max: number) => z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} is too long.`);

export const dashboardRouter = createTRPCRouter({
  freshness: read.query(() => ({ asOf: new Date(), rollups: "live" as const })),

  // Security overview
  signInsOverTime: read.input(range).query(({ ctx, input }) => q.signInsOverTime(ctx.db, input)),
  failedLoginsByIp: read.input(z.intersection(range, topN)).query(({ ctx, input }) => q.failedLoginsByIp(ctx.db, input)),
  eventsBySeverity: read.input(range).query(({ ctx, input }) => q.eventsBySeverity(ctx.db, input)),
  eventsByStatus: read.input(range).query(({ ctx, input }) => q.eventsByStatus(ctx.db, input)),
  securitySnapshot: read.query(({ ctx }) => q.securitySnapshot(ctx.db)),
  credentialStuffing: read.input(z.intersection(range, topN)).query(({ ctx, input }) => q.credentialStuffing(ctx.db, input)),
  bruteForce: read
    .input(z.intersection(range, topN.extend({ threshold: z.number().int("The threshold must be a whole number.").min(5, "The threshold must be at least 5.").max(1000, "The threshold must be at most 1000.").default(q.BRUTE_FORCE_DEFAULT_THRESHOLD) })))
    .query(({ ctx, input }) => q.bruteForce(ctx.db, input)),
  loginAttempts: read
    .input(
      z.intersection(
        range,
        page.extend({ ip: ZIp.optional(), identifier: text("The identifier", 320).optional(), outcome: z.enum(["success", "failure"]).optional(), result: z.enum(attemptResult.enumValues).optional() }),
      ),
    )
    .query(({ ctx, input }) => q.loginAttemptRows(ctx.db, input)),

  // Messaging
  emailDeliveryRate: read.input(range).query(({ ctx, input }) => q.emailDeliveryRate(ctx.db, input)),
  emailOverTime: read.input(range).query(({ ctx, input }) => q.emailOverTime(ctx.db, input)),
  smsCost: read.input(range).query(({ ctx, input }) => q.smsCost(ctx.db, input)),
  smsBreakdown: read.input(range).query(({ ctx, input }) => q.smsBreakdown(ctx.db, input)),
  smsTopRecipients: read.input(z.intersection(range, topN)).query(({ ctx, input }) => q.smsTopRecipients(ctx.db, input)),
  emailDeliveries: read
    .input(z.intersection(range, page.extend({ provider: text("The provider", 32).optional(), template: text("The template", 64).optional(), status: z.enum(deliveryStatus.enumValues).optional() })))
    .query(({ ctx, input }) => q.emailDeliveryRows(ctx.db, input)),
  smsDeliveries: read
    .input(
      z.intersection(
        range,
        page.extend({
          provider: text("The provider", 32).optional(),
          countryCode: z.string().regex(/^[A-Z]{2}$/, "A country code is two capital letters, like KE.").optional(),
          phone: z.string().regex(/^\+[1-9][0-9]{6,14}$/, "A phone number looks like +254712345678.").optional(),
          status: z.enum(deliveryStatus.enumValues).optional(),
          currency: z.string().regex(/^[A-Za-z]{3,6}$/, "Not a currency code.").optional(),
        }),
      ),
    )
    .query(({ ctx, input }) => q.smsDeliveryRows(ctx.db, input)),

  // Finance
  feeRevenue: read.input(range).query(({ ctx, input }) => q.feeRevenue(ctx.db, input)),
  feeRevenueOverTime: read.input(range).query(({ ctx, input }) => q.feeRevenueOverTime(ctx.db, input)),
  swapVolume: read.input(range).query(({ ctx, input }) => q.swapVolume(ctx.db, input)),
  mpesaByStatus: read.input(range).query(({ ctx, input }) => q.mpesaByStatus(ctx.db, input)),
  balancesByCurrency: read.query(({ ctx }) => q.balancesByCurrency(ctx.db)),
  fees: read
    .input(z.intersection(range, page.extend({ category: z.enum(feeCategory.enumValues).optional(), currency: z.string().regex(/^[A-Za-z]{3,6}$/, "Not a currency code.").optional() })))
    .query(({ ctx, input }) => q.feeRows(ctx.db, input)),
});
