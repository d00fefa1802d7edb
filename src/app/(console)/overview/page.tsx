import type { Metadata } from "next";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { BruteForceAccounts, CredentialStuffingSuspects, EventsBySeverity, EventsByStatus, FailedLoginsByIp, SecuritySnapshot, SignInsOverTime } from "~/components/dashboards/security-panels";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Security overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "24h" });
  return (
    <DashboardPage title="Security overview" description="Sign-ins, attacks and events across your application." parsed={parsed}>
      {(range) => (
        <div className="space-y-6">
          <SecuritySnapshot />
          <SignInsOverTime range={range} />
          <div className="grid gap-6 2xl:grid-cols-2">
            <FailedLoginsByIp range={range} />
            <CredentialStuffingSuspects range={range} />
          </div>
          <BruteForceAccounts range={range} />
          <div className="grid gap-6 lg:grid-cols-2">
            <EventsBySeverity range={range} />
            <EventsByStatus range={range} />
          </div>
        </div>
      )}
    </DashboardPage>
  );
}
