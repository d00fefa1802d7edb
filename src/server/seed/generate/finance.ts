import { type SeedContext, DAY_MS, HOUR_MS, ago, plus } from "../context";
import type { Random } from "../random";

/** Amounts are integers of 10^-8 units until they are written, so fee splits add up exactly. */
const UNIT = 100_000_000n;

export function formatUnits(units: bigint, scale = 8): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(8, "0").slice(0, scale);
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

function units(rng: Random, min: number, max: number, decimals = 2): bigint {
  const step = 10n ** BigInt(8 - decimals);
  const lo = BigInt(Math.round(min * 10 ** decimals));
  const hi = BigInt(Math.round(max * 10 ** decimals));
  return (lo + BigInt(Math.floor(rng.next() * Number(hi - lo + 1n)))) * step;
}

const CATEGORIES = [
  { category: "mpesa_deposit", weight: 30, currency: "KES", min: 100, max: 30_000, basisPoints: 150, daoShare: 0 },
  { category: "mpesa_withdrawal", weight: 22, currency: "KES", min: 200, max: 50_000, basisPoints: 200, daoShare: 0 },
  { category: "currency_swap", weight: 15, currency: "cUSD", min: 5, max: 800, basisPoints: 50, daoShare: 0 },
  { category: "currency_swap", weight: 6, currency: "CELO", min: 5, max: 1_500, basisPoints: 50, daoShare: 0 },
  { category: "dao_contribution", weight: 14, currency: "cUSD", min: 2, max: 300, basisPoints: 100, daoShare: 30 },
  { category: "dao_contribution", weight: 5, currency: "KES", min: 200, max: 20_000, basisPoints: 100, daoShare: 30 },
  { category: "vault_management", weight: 4, currency: "CELO", min: 50, max: 5_000, basisPoints: 25, daoShare: 20 },
  { category: "p2p_transfer", weight: 10, currency: "KES", min: 50, max: 10_000, basisPoints: 50, daoShare: 0 },
  { category: "subscription", weight: 2, currency: "KES", min: 299, max: 299, basisPoints: 10_000, daoShare: 0 },
] as const;

/** Rough mid-market rates: how many units of `to` one unit of `from` buys. */
const RATES: Record<string, number> = { "KES/cUSD": 1 / 129.2, "cUSD/KES": 129.2, "cUSD/CELO": 1 / 0.62, "CELO/cUSD": 0.62, "KES/CELO": 1 / 80.1, "CELO/KES": 80.1 };

export function generateFinance(ctx: SeedContext): void {
  const rng = ctx.rng.fork("finance");
  const { data } = ctx;
  const people = ctx.people.filter((p) => p.role === "user");
  const daoIds = data.daos.map((d) => d.id!);

  const feesPerDay = Math.max(10, Math.round(people.length * 0.12));
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < feesPerDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + rng.int(0, DAY_MS - 1));
      if (createdAt >= ctx.anchor) continue;
      const kind = rng.weighted(CATEGORIES.map((c) => [c, c.weight] as const));
      const base = units(rng, kind.min, kind.max);
      const fee = (base * BigInt(kind.basisPoints)) / 10_000n;
      const daoRevenue = (fee * BigInt(kind.daoShare)) / 100n;
      data.transactionFees.push({
        transactionId: `tx_${rng.hex(20)}`,
        transactionType: kind.category.startsWith("mpesa") ? "mpesa" : kind.category === "currency_swap" ? "swap" : "wallet",
        feeType: kind.category === "subscription" ? "flat_fee" : "percentage_fee",
        feeCategory: kind.category,
        baseAmount: formatUnits(base),
        feeAmount: formatUnits(fee),
        feePercentage: (kind.basisPoints / 10_000).toFixed(6),
        currency: kind.currency,
        paidBy: rng.pick(people).id,
        daoId: kind.daoShare > 0 ? rng.pick(daoIds) : null,
        platformRevenue: formatUnits(fee - daoRevenue),
        daoRevenue: formatUnits(daoRevenue),
        createdAt,
      });
    }
  }

  const swapsPerDay = Math.max(4, Math.round(people.length * 0.04));
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < swapsPerDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + rng.int(0, DAY_MS - 1));
      if (createdAt >= ctx.anchor) continue;
      const pair = rng.weighted([["KES/cUSD", 40], ["cUSD/KES", 25], ["cUSD/CELO", 15], ["CELO/cUSD", 12], ["KES/CELO", 5], ["CELO/KES", 3]] as const);
      const [from, to] = pair.split("/") as [string, string];
      const rate = RATES[pair]! * rng.between(0.985, 1.015);
      const fromAmount = from === "KES" ? units(rng, 500, 100_000) : units(rng, 2, 2_000);
      const toAmount = BigInt(Math.max(1, Math.round(Number(fromAmount) * rate)));
      const status = rng.weighted([["completed", 93], ["failed", 4], ["pending", 2], ["reversed", 1]] as const);
      data.currencySwaps.push({
        id: rng.uuid(),
        userId: rng.pick(people).id,
        fromCurrency: from,
        toCurrency: to,
        fromAmount: formatUnits(fromAmount),
        toAmount: formatUnits(toAmount),
        exchangeRate: rate.toFixed(12),
        slippage: rng.between(0, 0.01).toFixed(6),
        platformFee: formatUnits(fromAmount / 200n),
        provider: rng.pick(["mento", "ubeswap"]),
        status,
        txHash: status === "pending" ? null : `0x${rng.hex(64)}`,
        createdAt,
        completedAt: status === "completed" ? plus(createdAt, rng.int(5, 90) * 1000) : null,
      });
    }
  }

  const kenyans = people.filter((p) => p.phone?.startsWith("+254"));
  const mpesaPerDay = Math.max(5, Math.round(kenyans.length * 0.08));
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < mpesaPerDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + rng.int(0, DAY_MS - 1));
      if (createdAt >= ctx.anchor) continue;
      const person = rng.pick(kenyans);
      const recent = ctx.anchor.getTime() - createdAt.getTime() < 10 * 60_000;
      const status = recent ? "pending" : rng.weighted([["completed", 88], ["failed", 5], ["cancelled", 4], ["timeout", 3]] as const);
      data.mpesaTransactions.push({
        id: rng.uuid(),
        userId: person.id,
        daoId: rng.chance(0.3) ? rng.pick(daoIds) : null,
        transactionType: rng.weighted([["stk_push", 70], ["c2b", 10], ["b2c", 20]] as const),
        phoneNumber: person.phone!,
        amount: formatUnits(units(rng, 10, 70_000), 2),
        currency: "KES",
        merchantRequestId: `${rng.int(10_000, 99_999)}-${rng.int(10_000_000, 99_999_999)}-1`,
        checkoutRequestId: `ws_CO_${rng.hex(24)}`,
        mpesaReceiptNumber: status === "completed" ? rng.hex(10).toUpperCase() : null,
        resultCode: status === "completed" ? 0 : status === "cancelled" ? 1032 : status === "timeout" ? 1037 : status === "failed" ? 1 : null,
        resultDesc:
          status === "completed" ? "The service request is processed successfully." :
          status === "cancelled" ? "Request cancelled by user" :
          status === "timeout" ? "DS timeout user cannot be reached" :
          status === "failed" ? "The balance is insufficient for the transaction." : null,
        status,
        callbackData: status === "pending" ? null : { ResultCode: status === "completed" ? 0 : 1 },
        createdAt,
        completedAt: status === "pending" ? null : plus(createdAt, rng.int(10, 120) * 1000),
      });
    }
  }

  for (let hour = 0; hour < ctx.options.days * 24; hour += 1) {
    const congestion = rng.weighted([["low", 70], ["medium", 25], ["high", 5]] as const);
    const gwei = congestion === "low" ? rng.between(5, 8) : congestion === "medium" ? rng.between(8, 15) : rng.between(15, 40);
    data.gasPriceHistory.push({
      network: "celo",
      gasPrice: gwei.toFixed(9),
      baseFee: (gwei * 0.8).toFixed(9),
      priorityFee: (gwei * 0.2).toFixed(9),
      networkCongestion: congestion,
      recordedAt: new Date(ctx.start.getTime() + hour * HOUR_MS),
    });
  }

  generateBalances(ctx, rng, people.map((p) => p.id), daoIds);
  generatePayouts(ctx, rng, people.map((p) => p.id), daoIds);
}

function generateBalances(ctx: SeedContext, rng: Random, userIds: string[], daoIds: string[]) {
  const { data } = ctx;
  for (const userId of userIds) {
    const holdings: [string | null, string][] = [];
    if (rng.chance(0.7)) holdings.push([null, "KES"]);
    if (rng.chance(0.4)) holdings.push([null, "cUSD"]);
    if (rng.chance(0.15)) holdings.push([null, "CELO"]);
    if (rng.chance(0.25)) for (const daoId of new Set([rng.pick(daoIds), rng.pick(daoIds)])) holdings.push([daoId, "cUSD"]);
    for (const [daoId, currency] of holdings) {
      const big = currency === "KES";
      data.userBalances.push({
        id: rng.uuid(),
        userId,
        daoId,
        currency,
        availableBalance: formatUnits(units(rng, 0, big ? 150_000 : 1_200)),
        pendingBalance: formatUnits(rng.chance(0.2) ? units(rng, 0, big ? 5_000 : 50) : 0n),
        lockedBalance: formatUnits(rng.chance(0.3) ? units(rng, 0, big ? 20_000 : 400) : 0n),
        updatedAt: ago(ctx, rng.int(1, ctx.options.days * 24) * HOUR_MS),
      });
    }
  }
  for (const daoId of daoIds) {
    const available = units(rng, 500, 60_000);
    const locked = units(rng, 0, 20_000);
    data.daoTreasuries.push({
      id: rng.uuid(),
      daoId,
      currency: "cUSD",
      totalBalance: formatUnits(available + locked),
      availableBalance: formatUnits(available),
      lockedBalance: formatUnits(locked),
      requiredSignatures: rng.int(2, 3),
      signers: Array.from({ length: 4 }, () => rng.pick(userIds)).filter((v, i, all) => all.indexOf(v) === i),
      dailySpendingLimit: formatUnits(units(rng, 500, 5_000)),
      updatedAt: ago(ctx, rng.int(1, 48) * HOUR_MS),
    });
  }
}

function generatePayouts(ctx: SeedContext, rng: Random, userIds: string[], daoIds: string[]) {
  const { data } = ctx;
  for (let i = 0; i < Math.round(userIds.length * 0.1); i += 1) {
    const referrerId = rng.pick(userIds);
    let referredUserId: string | null = rng.pick(userIds);
    if (referredUserId === referrerId) referredUserId = null;
    const createdAt = ago(ctx, rng.int(1, ctx.options.days * 24) * HOUR_MS);
    const status = rng.weighted([["completed", 80], ["pending", 8], ["processing", 6], ["failed", 6]] as const);
    data.referralPayouts.push({
      id: rng.uuid(),
      referrerId,
      referredUserId,
      amount: formatUnits(units(rng, 50, 500)),
      currency: "KES",
      payoutMethod: rng.weighted([["mpesa", 70], ["wallet", 25], ["bank", 5]] as const),
      status,
      reference: status === "completed" ? rng.hex(10).toUpperCase() : null,
      failureReason: status === "failed" ? "Recipient phone not registered for M-Pesa" : null,
      createdAt,
      completedAt: status === "completed" ? plus(createdAt, rng.int(1, 600) * 60_000) : null,
    });
  }
  for (let i = 0; i < Math.round(userIds.length * 0.15); i += 1) {
    const createdAt = ago(ctx, (ctx.options.days + rng.int(1, 200)) * DAY_MS);
    const frequency = rng.weighted([["weekly", 50], ["monthly", 45], ["daily", 5]] as const);
    data.recurringPayments.push({
      id: rng.uuid(),
      userId: rng.pick(userIds),
      daoId: rng.pick(daoIds),
      amount: formatUnits(units(rng, 100, 5_000)),
      currency: "KES",
      frequency,
      nextPaymentAt: plus(ctx.anchor, rng.int(1, frequency === "monthly" ? 30 : 7) * DAY_MS),
      lastPaymentAt: ago(ctx, rng.int(1, 7) * DAY_MS),
      failedAttempts: rng.weighted([[0, 85], [1, 10], [3, 5]] as const),
      status: rng.weighted([["active", 85], ["paused", 10], ["cancelled", 5]] as const),
      createdAt,
    });
  }
  for (const daoId of daoIds) {
    for (let month = 1; month <= 3; month += 1) {
      const periodEnd = new Date(Date.UTC(ctx.anchor.getUTCFullYear(), ctx.anchor.getUTCMonth() - month + 1, 1));
      const periodStart = new Date(Date.UTC(ctx.anchor.getUTCFullYear(), ctx.anchor.getUTCMonth() - month, 1));
      data.financialReports.push({
        id: rng.uuid(),
        daoId,
        reportType: "monthly",
        periodStart,
        periodEnd,
        reportData: { contributions: rng.int(20, 400), currency: "cUSD", inflow: rng.int(500, 40_000), outflow: rng.int(100, 20_000) },
        summary: "Contributions steady; treasury within its spending limit.",
        status: "ready",
        generatedBy: ctx.staff.adminId,
        createdAt: plus(periodEnd, HOUR_MS),
      });
    }
  }
}
