"use client";

import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { LocalTime } from "~/components/ui/local-time";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { SEVERITY_OPTIONS } from "~/lib/events";
import { bucketSpan, toDateTimeLocal } from "~/lib/time-range";
import { trpc } from "~/trpc/react";
import { formatCount } from "./format";
import { Panel, QueryView, StatTile } from "./panel";
import { drillHref, spanQuery, type DashboardRange } from "./range";
import { bucketLabel, StackedBars } from "./stacked-bars";

const ipHref = (ip: string) => `/ips/${encodeURIComponent(ip)}`;
const attemptsHref = (range: DashboardRange, filters: Record<string, string | null | undefined>) => drillHref("/overview/attempts", range.query, filters);

/** Right now, whatever the range: open events, locked accounts, live sessions. */
export function SecuritySnapshot() {
  const query = trpc.dashboard.securitySnapshot.useQuery();
  const data = query.data;
  const critical = data?.unresolvedBySeverity.find((s) => s.severity === "critical")?.count ?? 0;
  const high = data?.unresolvedBySeverity.find((s) => s.severity === "high")?.count ?? 0;
  if (query.isError) return <p role="alert" className="mb-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">The current counts could not load: {query.error.message}</p>;
  return (
    <section aria-label="Right now" className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatTile label="Open events" loading={query.isPending} value={data ? <Link href="/events?status=open" className="hover:underline">{formatCount(data.openEvents)}</Link> : null} tone={data?.openEvents ? "text-amber-700" : undefined} hint="not yet acknowledged" />
      <StatTile label="Unresolved critical / high" loading={query.isPending} value={data ? <Link href="/events?severity=critical,high" className="hover:underline">{`${formatCount(critical)} / ${formatCount(high)}`}</Link> : null} tone={critical ? "text-red-700" : undefined} hint="open or acknowledged" />
      <StatTile label="Accounts locked now" loading={query.isPending} value={data ? <Link href="/users?lockedNow=1" className="hover:underline">{formatCount(data.lockedAccounts)}</Link> : null} tone={data?.lockedAccounts ? "text-red-700" : undefined} />
      <StatTile label="Active sessions" loading={query.isPending} value={data ? formatCount(data.activeSessions) : null} hint={data ? <>as of <LocalTime value={data.asOf} mode="time" /></> : undefined} />
    </section>
  );
}

export function SignInsOverTime({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.signInsOverTime.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="Sign-ins over time" description={query.data ? `Successes and failures per ${query.data.bucket} (${query.data.bucket === "day" ? "UTC days" : "your time zone"}). Click a bar for its attempts.` : "Successes and failures."}>
      <QueryView query={query} skeleton="chart" empty="No sign-in attempts in this range" isEmpty={(d) => d.points.every((p) => p.successes + p.failures === 0)}>
        {(d) => (
          <StackedBars
            label="Sign-in attempts over time"
            rows={d.points}
            category={(p) => bucketLabel(p.at, d.bucket)}
            categoryHeading={d.bucket === "hour" ? "Hour" : "Day (UTC)"}
            href={(p) => attemptsHref(range, spanQuery(bucketSpan(p.at, d.bucket)))}
            series={[
              { name: "Successes", color: "#10b981", value: (p) => p.successes, href: (p) => attemptsHref(range, { ...spanQuery(bucketSpan(p.at, d.bucket)), outcome: "success" }) },
              { name: "Failures", color: "#ef4444", value: (p) => p.failures, href: (p) => attemptsHref(range, { ...spanQuery(bucketSpan(p.at, d.bucket)), outcome: "failure" }) },
            ]}
          />
        )}
      </QueryView>
    </Panel>
  );
}

export function FailedLoginsByIp({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.failedLoginsByIp.useQuery({ from: range.from, to: range.to, limit: 10 });
  return (
    <Panel title="Failed sign-ins by IP" description="The ten addresses with the most failures in this range.">
      <QueryView query={query} empty="No failed sign-ins in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="Failed sign-ins by IP">
            <thead>
              <tr>
                <Th>IP address</Th>
                <Th align="right">Failures</Th>
                <Th align="right">Accounts tried</Th>
                <Th>Last attempt</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.ip}>
                  <Td className="font-mono text-xs">
                    <Link href={ipHref(r.ip)} className="text-brand-700 hover:underline">
                      {r.ip}
                    </Link>
                  </Td>
                  <Td align="right">
                    <Link href={attemptsHref(range, { ip: r.ip, outcome: "failure" })} className="text-brand-700 hover:underline" aria-label={`${formatCount(r.failures)} failed attempts from ${r.ip}`}>
                      {formatCount(r.failures)}
                    </Link>
                  </Td>
                  <Td align="right">{r.distinctIdentifiers > 20 ? <Badge tone="danger">{formatCount(r.distinctIdentifiers)}</Badge> : formatCount(r.distinctIdentifiers)}</Td>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={r.lastAttemptAt} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

export function CredentialStuffingSuspects({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.credentialStuffing.useQuery({ from: range.from, to: range.to, limit: 10 });
  return (
    <Panel title="Credential-stuffing suspects" description="Addresses that tried more than 20 different accounts within an hour.">
      <QueryView query={query} empty="No credential stuffing in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="Credential-stuffing suspects">
            <thead>
              <tr>
                <Th>IP address</Th>
                <Th align="right">Accounts tried</Th>
                <Th align="right">Attempts</Th>
                <Th align="right">Got in</Th>
                <Th>Started</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.ip}>
                  <Td className="font-mono text-xs">
                    <Link href={ipHref(r.ip)} className="text-brand-700 hover:underline">
                      {r.ip}
                    </Link>
                  </Td>
                  <Td align="right">{formatCount(r.distinctIdentifiers)}</Td>
                  <Td align="right">
                    <Link href={attemptsHref(range, { ip: r.ip })} className="text-brand-700 hover:underline" aria-label={`${formatCount(r.attempts)} attempts from ${r.ip}`}>
                      {formatCount(r.attempts)}
                    </Link>
                  </Td>
                  <Td align="right">{r.successes ? <Badge tone="danger">{formatCount(r.successes)}</Badge> : "0"}</Td>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={r.windowStart} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

export function BruteForceAccounts({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.bruteForce.useQuery({ from: range.from, to: range.to, limit: 10 });
  return (
    <Panel title="Accounts under brute force" description="More than 10 failed sign-ins within 5 minutes.">
      <QueryView query={query} empty="No brute-force attacks in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="Accounts under brute force">
            <thead>
              <tr>
                <Th>Account</Th>
                <Th align="right">Failures</Th>
                <Th align="right">From IPs</Th>
                <Th>Started</Th>
                <Th>Now</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.identifier}>
                  <Td className="max-w-64 truncate">
                    {r.userId ? (
                      <Link href={`/users/${r.userId}`} className="text-brand-700 hover:underline">
                        {r.identifier}
                      </Link>
                    ) : (
                      <span title="No account has this identifier">{r.identifier}</span>
                    )}
                  </Td>
                  <Td align="right">
                    <Link href={attemptsHref(range, { identifier: r.identifier, outcome: "failure" })} className="text-brand-700 hover:underline" aria-label={`${formatCount(r.failures)} failed attempts on ${r.identifier}`}>
                      {formatCount(r.failures)}
                    </Link>
                  </Td>
                  <Td align="right">{formatCount(r.ips)}</Td>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={r.windowStart} />
                  </Td>
                  <Td>{r.lockedNow ? <Badge tone="danger">Locked</Badge> : <Badge tone="neutral">Not locked</Badge>}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

const SEVERITY_COLOR: Record<string, string> = { critical: "#b91c1c", high: "#ef4444", medium: "#f59e0b", low: "#38bdf8" };
const STATUS_COLOR: Record<string, string> = { open: "#f59e0b", acknowledged: "#38bdf8", resolved: "#10b981" };

/** The events queue for this range, as its own filters read it (datetime-local, in the viewer's zone). */
function eventsHref(range: DashboardRange, filters: { severity?: string; status?: string }) {
  const params = new URLSearchParams({
    severity: filters.severity ?? SEVERITY_OPTIONS.join(","),
    status: filters.status ?? "open,acknowledged,resolved",
    from: toDateTimeLocal(new Date(range.from)),
    to: toDateTimeLocal(new Date(range.to)),
  });
  return `/events?${params.toString()}`;
}

export function EventsBySeverity({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.eventsBySeverity.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="Security events by severity" description="Raised in this range. Click a bar for those events.">
      <QueryView query={query} skeleton="chart" empty="No security events in this range" isEmpty={(d) => d.every((r) => r.count === 0)}>
        {(rows) => (
          <StackedBars
            label="Security events by severity"
            rows={rows}
            category={(r) => r.severity}
            categoryHeading="Severity"
            href={(r) => eventsHref(range, { severity: r.severity })}
            series={[{ name: "Events", color: "#6366f1", value: (r) => r.count }]}
            horizontal
            barColor={(r) => SEVERITY_COLOR[r.severity] ?? "#6366f1"}
          />
        )}
      </QueryView>
    </Panel>
  );
}

export function EventsByStatus({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.eventsByStatus.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="Security events by status" description="Raised in this range, where they stand now.">
      <QueryView query={query} skeleton="chart" empty="No security events in this range" isEmpty={(d) => d.every((r) => r.count === 0)}>
        {(rows) => (
          <StackedBars
            label="Security events by status"
            rows={rows}
            category={(r) => r.status}
            categoryHeading="Status"
            href={(r) => eventsHref(range, { status: r.status })}
            series={[{ name: "Events", color: "#6366f1", value: (r) => r.count }]}
            horizontal
            barColor={(r) => STATUS_COLOR[r.status] ?? "#6366f1"}
          />
        )}
      </QueryView>
    </Panel>
  );
}
