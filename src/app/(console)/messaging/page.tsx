import type { Metadata } from "next";
import { DashboardPage } from "~/components/dashboards/dashboard-page";
import { EmailBreakdown, EmailOverTime, EmailSummary, SmsByCountry, SmsByProvider, SmsByStatus, SmsCostPerDay, SmsSummary, SmsTopRecipients } from "~/components/dashboards/messaging-panels";
import { parseTimeRange } from "~/lib/time-range";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Messaging" };

export default async function MessagingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboards:read");
  const parsed = parseTimeRange(await searchParams, { now: new Date(), fallback: "7d" });
  return (
    <DashboardPage title="Messaging" description="Email delivery and SMS cost: outages, bounces and pumping." parsed={parsed}>
      {(range) => (
        <div className="space-y-8">
          <section aria-labelledby="email-heading" className="space-y-4">
            <h2 id="email-heading" className="text-base font-semibold text-slate-900">Email</h2>
            <EmailSummary range={range} />
            <EmailOverTime range={range} />
            <div className="grid gap-6 xl:grid-cols-2">
              <EmailBreakdown range={range} by="provider" />
              <EmailBreakdown range={range} by="template" />
            </div>
          </section>
          <section aria-labelledby="sms-heading" className="space-y-4">
            <h2 id="sms-heading" className="text-base font-semibold text-slate-900">SMS</h2>
            <SmsSummary range={range} />
            <div className="grid gap-6 xl:grid-cols-2">
              <SmsCostPerDay range={range} />
              <SmsByStatus range={range} />
            </div>
            <SmsTopRecipients range={range} />
            <div className="grid gap-6 xl:grid-cols-2">
              <SmsByProvider range={range} />
              <SmsByCountry range={range} />
            </div>
          </section>
        </div>
      )}
    </DashboardPage>
  );
}
