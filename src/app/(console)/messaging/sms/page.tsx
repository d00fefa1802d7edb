import type { Metadata } from "next";
import { BackLink } from "~/components/dashboards/back-link";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { SmsDeliveriesList } from "~/components/dashboards/delivery-lists";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "SMS deliveries" };

export default async function SmsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "7d" });
  return (
    <DashboardPage title="SMS deliveries" description="Every text message behind the messaging dashboard, newest first." parsed={parsed} back={<BackLink href="/messaging" label="Messaging" />}>
      {(range) => <SmsDeliveriesList range={range} />}
    </DashboardPage>
  );
}
