import type { Metadata } from "next";
import { AttemptsList } from "~/components/dashboards/attempts-list";
import { BackLink } from "~/components/dashboards/back-link";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Sign-in attempts" };

export default async function AttemptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "24h" });
  return (
    <DashboardPage title="Sign-in attempts" description="Every attempt behind the security overview, newest first." parsed={parsed} back={<BackLink href="/overview" label="Security overview" />}>
      {(range) => <AttemptsList range={range} />}
    </DashboardPage>
  );
}
