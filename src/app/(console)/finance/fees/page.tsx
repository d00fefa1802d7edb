import type { Metadata } from "next";
import { BackLink } from "~/components/dashboards/back-link";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { FeesList } from "~/components/dashboards/fees-list";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Fees" };

export default async function FeesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "7d" });
  return (
    <DashboardPage title="Fees" description="Every fee behind the finance dashboard, newest first, with its platform and DAO shares." parsed={parsed} back={<BackLink href="/finance" label="Finance" />}>
      {(range) => <FeesList range={range} />}
    </DashboardPage>
  );
}
