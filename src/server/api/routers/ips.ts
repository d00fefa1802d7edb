import "server-only";
import { z } from "zod";
import { ZPage } from "../inputs";
import { ZIp } from "~/lib/validation";
import { ipAccounts, ipActivity, ipAttempts, ipSummary } from "~/server/queries/ips";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const read = permittedProcedure("investigations:read");

const WINDOWS = { "24h": 1, "7d": 7, "30d": 30, "90d": 90 } as const;
export const ZIpWindow = z.object({ ip: ZIp, window: z.enum(["24h", "7d", "30d", "90d"]).default("30d") });

function rangeOf(window: keyof typeof WINDOWS, now = new Date()) {
  return { from: new Date(now.getTime() - WINDOWS[window] * 86_400_000), to: now };
}

export const ipsRouter = createTRPCRouter({
  /** Summary, activity over time and the accounts tried, for one address. */
  detail: read.input(ZIpWindow).query(async ({ ctx, input }) => {
    const range = { ip: input.ip, ...rangeOf(input.window) };
    const [summary, activity, accounts] = await Promise.all([
      ipSummary(ctx.db, range),
      ipActivity(ctx.db, range, input.window === "24h" || input.window === "7d" ? "hour" : "day"),
      ipAccounts(ctx.db, range),
    ]);
    return { ip: input.ip, window: input.window, from: range.from, to: range.to, summary, activity, accounts };
  }),

  attempts: read.input(ZPage.extend({ ip: ZIp })).query(({ ctx, input }) =>
    ipAttempts(ctx.db, input.ip, { cursor: input.cursor, limit: input.limit }),
  ),
});
