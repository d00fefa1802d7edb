import type { Metadata } from "next";
import { BackLink } from "~/components/dashboards/back-link";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { EmailDeliveriesList } from "~/components/dashboards/delivery-lists";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Email deliveries" };

export default async function EmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "7d" });
  return (
    <DashboardPage title="Email deliveries" description="Every email behind the messaging dashboard, newest first." parsed={parsed} back={<BackLink href="/messaging" label="Messaging" />}>
      {(range) => <EmailDeliveriesList range={range} />}
    </DashboardPage>
  );
}
