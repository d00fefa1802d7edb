import type { Metadata } from "next";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { BalancesByCurrency, FeeRevenueByCategory, FeeRevenueOverTime, FeeTotals, MpesaByStatus, SwapVolume } from "~/components/dashboards/finance-panels";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Finance" };

export default async function FinancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "7d" });
  return (
    <DashboardPage title="Finance" description="Fee revenue and its platform and DAO shares, swaps, M-Pesa and balances. Amounts are exact and never added across currencies." parsed={parsed}>
      {(range) => (
        <div className="space-y-6">
          <FeeTotals range={range} />
          <div className="grid gap-6 xl:grid-cols-2">
            <FeeRevenueByCategory range={range} />
            <FeeRevenueOverTime range={range} />
          </div>
          <div className="grid gap-6 2xl:grid-cols-2">
            <SwapVolume range={range} />
            <MpesaByStatus range={range} />
          </div>
          <BalancesByCurrency />
        </div>
      )}
    </DashboardPage>
  );
}
