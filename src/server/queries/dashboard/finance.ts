import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { ROLLUPS } from "~/server/db/rollups/definitions";
import { binTo, bucketStarts, rollupSource, seriesBucket, type TimeRange } from "./range";
import { utc } from "./top";

// Revenue is the fee charged (`fee_amount`), split into the platform's and
// the DAO's shares, per category and currency: currencies are never added
// together. Swap volume counts completed swaps only.

/** Fee revenue per category and currency. */
export async function feeRevenue(db: Db, range: TimeRange) {
  return queryRows<{ category: string; currency: string; revenue: string; platform: string; dao: string; fees: number }>(
    db,
    sql`SELECT fee_category::text AS category, currency, sum(revenue)::text AS revenue, sum(platform)::text AS platform, sum(dao)::text AS dao, sum(fees)::int AS fees
        FROM ${rollupSource(ROLLUPS.fees, range)} s GROUP BY 1, 2 ORDER BY 1, 2`,
  );
}

/** Platform and DAO revenue per hour or day and currency. */
export async function feeRevenueOverTime(db: Db, range: TimeRange) {
  const bucket = seriesBucket(range);
  const rows = await queryRows<{ at: string; currency: string; platform: string; dao: string }>(
    db,
    sql`SELECT ${utc("b")} AS at, currency, sum(platform)::text AS platform, sum(dao)::text AS dao
        FROM (SELECT ${binTo(bucket)} AS b, currency, platform, dao FROM ${rollupSource(ROLLUPS.fees, range, { grains: bucket === "hour" ? ["hour"] : ["hour", "day"] })} s) x
        GROUP BY b, currency ORDER BY b, currency`,
  );
  // Every bucket for every currency seen, zeros included, so the time axis reads evenly.
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const byKey = new Map(rows.map((r) => [`${new Date(r.at).getTime()}|${r.currency}`, r]));
  const points = bucketStarts(range, bucket).flatMap((at) =>
    currencies.map((currency) => {
      const r = byKey.get(`${at.getTime()}|${currency}`);
      return { at, currency, platform: r?.platform ?? "0", dao: r?.dao ?? "0" };
    }),
  );
  return { bucket, points };
}

/** Completed currency swaps per pair: how many, and how much went in and came out. */
export async function swapVolume(db: Db, range: TimeRange) {
  return queryRows<{ fromCurrency: string; toCurrency: string; swaps: number; fromAmount: string; toAmount: string }>(
    db,
    sql`SELECT from_currency AS "fromCurrency", to_currency AS "toCurrency", sum(swaps)::int AS swaps, sum(from_amount)::text AS "fromAmount", sum(to_amount)::text AS "toAmount"
        FROM ${rollupSource(ROLLUPS.swaps, range, { rollupWhere: sql`status = 'completed'`, rawWhere: sql`status = 'completed'` })} s
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
  );
}

export const MPESA_STATUSES = ["pending", "completed", "failed", "cancelled", "timeout"] as const;

/** M-Pesa transactions per status (and currency). */
export async function mpesaByStatus(db: Db, range: TimeRange) {
  return queryRows<{ status: string; currency: string; transactions: number; amount: string }>(
    db,
    sql`SELECT status::text AS status, currency, sum(transactions)::int AS transactions, sum(amount)::text AS amount
        FROM ${rollupSource(ROLLUPS.mpesa, range)} s GROUP BY 1, 2 ORDER BY array_position(ARRAY['pending','completed','failed','cancelled','timeout'], status::text), 2`,
  );
}

/**
 * Right now: what users hold, per currency. Read from `balance_totals`, which
 * triggers keep in step with every balance (drizzle/0005_balance_totals.sql).
 * Holders are distinct users: a personal and a DAO balance make one holder.
 */
export async function balancesByCurrency(db: Db) {
  return queryRows<{ currency: string; holders: number; available: string; pending: string; locked: string }>(
    db,
    sql`SELECT currency, sum(holders)::int AS holders, sum(available)::text AS available,
               sum(pending)::text AS pending, sum(locked)::text AS locked
        FROM balance_totals GROUP BY 1 HAVING sum(balances) > 0 ORDER BY 1`,
  );
}
