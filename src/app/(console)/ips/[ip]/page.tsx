import type { Metadata } from "next";
import Link from "next/link";
import { AccountsTried } from "~/components/investigations/accounts-tried";
import { ActivityChart } from "~/components/investigations/activity-chart";
import { EventsTable } from "~/components/investigations/events-table";
import { IpAttempts } from "~/components/investigations/ip-attempts";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState } from "~/components/ui/states";
import { can } from "~/lib/roles";
import { orNotFound } from "~/server/api/page-errors";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "IP address" };

const WINDOWS = ["24h", "7d", "30d", "90d"] as const;

function Stat({ label, value, tone = "text-slate-900" }: { label: string; value: React.ReactNode; tone?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className={`mt-1 text-xl font-semibold tabular ${tone}`}>{value}</p>
    </div>
  );
}

export default async function IpPage({ params, searchParams }: { params: Promise<{ ip: string }>; searchParams: Promise<{ window?: string }> }) {
  const session = await requirePermission("investigations:read");
  const [{ ip: raw }, { window: w }] = await Promise.all([params, searchParams]);
  const window = (WINDOWS as readonly string[]).includes(w ?? "") ? (w as (typeof WINDOWS)[number]) : "30d";
  const trpc = await api();
  const detail = await orNotFound(trpc.ips.detail({ ip: decodeURIComponent(raw), window }));
  const { summary } = detail;
  const stuffing = summary.distinctIdentifiers > 20;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">IP address</p>
          <h1 className="mt-1 flex items-center gap-2 font-mono text-xl font-semibold text-slate-900">
            {detail.ip} {stuffing ? <Badge tone="danger">Tried {summary.distinctIdentifiers} accounts</Badge> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {summary.countries.length ? `Seen from ${summary.countries.join(", ")}` : "No location recorded"} · first seen <LocalTime value={summary.firstSeen} /> · last seen <LocalTime value={summary.lastSeen} mode="relative" />
          </p>
        </div>
        <nav aria-label="Time window" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {WINDOWS.map((option) => (
            <Link key={option} href={`?window=${option}`} aria-current={option === window ? "page" : undefined} className={`rounded-md px-3 py-1 ${option === window ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
              {option}
            </Link>
          ))}
        </nav>
      </div>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label="Attempts" value={summary.attempts.toLocaleString()} />
        <Stat label="Failures" value={summary.failures.toLocaleString()} tone={summary.failures ? "text-red-700" : undefined} />
        <Stat label="Successes" value={summary.successes.toLocaleString()} tone={summary.successes && stuffing ? "text-red-700" : undefined} />
        <Stat label="Distinct identifiers" value={summary.distinctIdentifiers.toLocaleString()} />
        <Stat label="Open events" value={summary.openEvents} tone={summary.openEvents ? "text-amber-700" : undefined} />
      </div>

      <Card aria-labelledby="activity-heading">
        <CardHeader id="activity-heading" title="Attempts over time" description={`Per ${window === "24h" || window === "7d" ? "hour" : "day"}, in your time zone.`} />
        {detail.activity.length === 0 ? <EmptyState title="No attempts in this window" /> : <ActivityChart points={detail.activity} bucket={window === "24h" || window === "7d" ? "hour" : "day"} label="Attempts from this address over time" />}
      </Card>

      <Card aria-labelledby="accounts-heading">
        <CardHeader id="accounts-heading" title={`Accounts tried (${detail.accounts.length})`} description="Accounts with a successful sign-in from here come first: those are the ones to look at." />
        {detail.accounts.length === 0 ? (
          <EmptyState title="No accounts tried in this window" />
        ) : (
          <AccountsTried accounts={detail.accounts} />
        )}
      </Card>

      <Card aria-labelledby="events-heading">
        <CardHeader id="events-heading" title="Security events from this address" />
        <EventsTable filters={{ ip: detail.ip }} canAct={can(session.user.role, "events:act")} pageSize={20} />
      </Card>

      <Card aria-labelledby="attempts-heading">
        <CardHeader id="attempts-heading" title="Every attempt" description="Newest first, all time." />
        <IpAttempts ip={detail.ip} />
      </Card>
    </div>
  );
}
