"use client";

import Link from "next/link";
import { useState } from "react";
import { LocalTime } from "~/components/ui/local-time";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { bucketSpan } from "~/lib/time-range";
import { trpc } from "~/trpc/react";
import { Segmented } from "./chart-or-table";
import { chartNumber, countryName, formatCount, formatMoney, formatRate, humanize } from "./format";
import { Panel, QueryView, StatTile } from "./panel";
import { drillHref, spanQuery, type DashboardRange } from "./range";
import { bucketLabel, StackedBars } from "./stacked-bars";

const emailsHref = (range: DashboardRange, filters: Record<string, string | null | undefined>) => drillHref("/messaging/emails", range.query, filters);
const smsHref = (range: DashboardRange, filters: Record<string, string | null | undefined>) => drillHref("/messaging/sms", range.query, filters);

const DELIVERED = "#10b981";
const FAILED = "#ef4444";
const BOUNCED = "#f59e0b";
const IN_FLIGHT = "#94a3b8";

type Counts = { total: number; delivered: number; failed: number; bounced: number };
const inFlight = (c: Counts) => Math.max(c.total - c.delivered - c.failed - c.bounced, 0);

/** Delivery rate, sent, failed, bounced: the email headline. */
export function EmailSummary({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.emailDeliveryRate.useQuery({ from: range.from, to: range.to });
  const d = query.data;
  if (query.isError) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">Email totals could not load: {query.error.message}</p>;
  const link = (status: string, n: number) => <Link href={emailsHref(range, { status })} className="hover:underline">{formatCount(n)}</Link>;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatTile label="Email delivery rate" loading={query.isPending} value={d ? formatRate(d.rate) : null} tone={d && d.rate !== null && d.rate < 0.95 ? "text-red-700" : undefined} hint={d ? `${formatCount(d.delivered)} of ${formatCount(d.total)} delivered` : undefined} />
      <StatTile label="Emails" loading={query.isPending} value={d ? <Link href={emailsHref(range, {})} className="hover:underline">{formatCount(d.total)}</Link> : null} hint={d ? `${formatCount(d.pending + d.sent)} still in flight` : undefined} />
      <StatTile label="Failed" loading={query.isPending} value={d ? link("failed", d.failed) : null} tone={d?.failed ? "text-red-700" : undefined} />
      <StatTile label="Bounced" loading={query.isPending} value={d ? link("bounced", d.bounced) : null} tone={d?.bounced ? "text-amber-700" : undefined} />
    </div>
  );
}

export function EmailOverTime({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.emailOverTime.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="Email over time" description={query.data ? `Per ${query.data.bucket} (${query.data.bucket === "day" ? "UTC days" : "your time zone"}). Click a bar for its messages.` : undefined}>
      <QueryView query={query} skeleton="chart" empty="No email sent in this range" isEmpty={(d) => d.points.every((p) => p.total === 0)}>
        {(d) => {
          const span = (p: { at: Date }) => spanQuery(bucketSpan(p.at, d.bucket));
          return (
            <StackedBars
              label="Email deliveries over time"
              rows={d.points}
              category={(p) => bucketLabel(p.at, d.bucket)}
              categoryHeading={d.bucket === "hour" ? "Hour" : "Day (UTC)"}
              href={(p) => emailsHref(range, span(p))}
              series={[
                { name: "Delivered", color: DELIVERED, value: (p) => p.delivered, href: (p) => emailsHref(range, { ...span(p), status: "delivered" }) },
                { name: "Failed", color: FAILED, value: (p) => p.failed, href: (p) => emailsHref(range, { ...span(p), status: "failed" }) },
                { name: "Bounced", color: BOUNCED, value: (p) => p.bounced, href: (p) => emailsHref(range, { ...span(p), status: "bounced" }) },
                { name: "In flight", color: IN_FLIGHT, value: inFlight },
              ]}
              extraColumns={[{ heading: "Total", cell: (p) => formatCount(p.total) }]}
            />
          );
        }}
      </QueryView>
    </Panel>
  );
}

/** By provider or by template: who fails, and how much. */
export function EmailBreakdown({ range, by }: { range: DashboardRange; by: "provider" | "template" }) {
  const query = trpc.dashboard.emailDeliveryRate.useQuery({ from: range.from, to: range.to });
  const title = by === "provider" ? "Email by provider" : "Email by template";
  return (
    <Panel title={title} description="Delivery rate, failures and bounces. Click a bar for its messages.">
      <QueryView query={query} skeleton="chart" empty="No email sent in this range" isEmpty={(d) => d.total === 0}>
        {(d) => {
          const rows = by === "provider" ? d.byProvider.map(({ provider, ...r }) => ({ ...r, key: provider })) : d.byTemplate.map(({ template, ...r }) => ({ ...r, key: template }));
          const filter = (r: { key: string }) => ({ [by]: r.key });
          return (
            <StackedBars
              label={title}
              rows={rows}
              category={(r) => r.key}
              categoryHeading={by === "provider" ? "Provider" : "Template"}
              href={(r) => emailsHref(range, filter(r))}
              horizontal
              series={[
                { name: "Delivered", color: DELIVERED, value: (r) => r.delivered },
                { name: "Failed", color: FAILED, value: (r) => r.failed, href: (r) => emailsHref(range, { ...filter(r), status: "failed" }) },
                { name: "Bounced", color: BOUNCED, value: (r) => r.bounced, href: (r) => emailsHref(range, { ...filter(r), status: "bounced" }) },
                { name: "In flight", color: IN_FLIGHT, value: inFlight },
              ]}
              extraColumns={[
                { heading: "Total", cell: (r) => formatCount(r.total) },
                { heading: "Delivery rate", cell: (r) => <span className={r.rate !== null && r.rate < 0.95 ? "font-medium text-red-700" : undefined}>{formatRate(r.rate)}</span> },
              ]}
            />
          );
        }}
      </QueryView>
    </Panel>
  );
}

/** Messages, delivered, failed, and cost per currency (never added across currencies). */
export function SmsSummary({ range }: { range: DashboardRange }) {
  const breakdown = trpc.dashboard.smsBreakdown.useQuery({ from: range.from, to: range.to });
  const cost = trpc.dashboard.smsCost.useQuery({ from: range.from, to: range.to });
  const count = (status: string) => breakdown.data?.byStatus.find((s) => s.status === status)?.count ?? 0;
  const total = breakdown.data?.byStatus.reduce((sum, s) => sum + s.count, 0) ?? 0;
  if (breakdown.isError || cost.isError) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">SMS totals could not load: {(breakdown.error ?? cost.error)?.message}</p>;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatTile label="SMS sent" loading={breakdown.isPending} value={<Link href={smsHref(range, {})} className="hover:underline">{formatCount(total)}</Link>} />
      <StatTile label="Delivered" loading={breakdown.isPending} value={<Link href={smsHref(range, { status: "delivered" })} className="hover:underline">{formatCount(count("delivered"))}</Link>} />
      <StatTile label="Failed" loading={breakdown.isPending} value={<Link href={smsHref(range, { status: "failed" })} className="hover:underline">{formatCount(count("failed"))}</Link>} tone={count("failed") ? "text-red-700" : undefined} />
      <StatTile
        label="SMS cost"
        loading={cost.isPending}
        value={cost.data && cost.data.byCurrency.some((c) => c.currency) ? <span className="flex flex-col text-base leading-snug">{cost.data.byCurrency.filter((c) => c.currency).map((c) => <span key={c.currency}>{formatMoney(c.cost, c.currency)}</span>)}</span> : "—"}
        hint="per currency, never added together"
      />
    </div>
  );
}

export function SmsCostPerDay({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.smsCost.useQuery({ from: range.from, to: range.to });
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <Panel title="SMS cost per day" description="One currency at a time: costs in different currencies are never added. Days are UTC.">
      <QueryView query={query} skeleton="chart" empty="No SMS cost in this range" isEmpty={(d) => !d.daily.some((p) => p.currency)}>
        {(d) => {
          const currencies = [...new Set(d.daily.flatMap((p) => (p.currency ? [p.currency] : [])))];
          const currency = picked && currencies.includes(picked) ? picked : currencies[0]!;
          const rows = d.daily.filter((p) => p.currency === currency);
          return (
            <StackedBars
              label={`SMS cost per day in ${currency}`}
              rows={rows}
              category={(p) => bucketLabel(p.day, "day")}
              categoryHeading="Day (UTC)"
              href={(p) => smsHref(range, spanQuery(bucketSpan(p.day, "day")))}
              series={[{ name: `Cost (${currency})`, color: "#6366f1", value: (p) => chartNumber(p.cost), text: (p) => formatMoney(p.cost, p.currency) }]}
              extraColumns={[{ heading: "Messages", cell: (p) => formatCount(p.messages) }]}
              controls={currencies.length > 1 ? <Segmented label="Currency" options={currencies} value={currency} onChange={setPicked} /> : <span className="text-xs text-slate-500">{currency}</span>}
            />
          );
        }}
      </QueryView>
    </Panel>
  );
}

export function SmsByProvider({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.smsBreakdown.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="SMS by provider" description="Cost is per currency: a provider billing in two currencies has two rows.">
      <QueryView query={query} empty="No SMS sent in this range" isEmpty={(d) => d.byProvider.length === 0}>
        {(d) => (
          <Table label="SMS by provider">
            <thead>
              <tr>
                <Th>Provider</Th>
                <Th align="right">Messages</Th>
                <Th align="right">Delivered</Th>
                <Th align="right">Failed</Th>
                <Th align="right">Cost</Th>
              </tr>
            </thead>
            <TBody>
              {d.byProvider.map((r) => (
                <tr key={`${r.provider}-${r.currency ?? ""}`}>
                  <Td>
                    <Link href={smsHref(range, { provider: r.provider })} className="text-brand-700 hover:underline">
                      {r.provider}
                    </Link>
                  </Td>
                  <Td align="right">{formatCount(r.messages)}</Td>
                  <Td align="right">{formatCount(r.delivered)}</Td>
                  <Td align="right">{r.failed ? <Link href={smsHref(range, { provider: r.provider, status: "failed" })} className="text-red-700 hover:underline">{formatCount(r.failed)}</Link> : "0"}</Td>
                  <Td align="right" className="whitespace-nowrap">{r.currency ? formatMoney(r.cost, r.currency) : <span className="text-slate-400">no cost billed</span>}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

export function SmsByCountry({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.smsBreakdown.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="SMS by country" description="Destination country of the number. Unexpected countries with a high cost are how SMS pumping shows.">
      <QueryView query={query} empty="No SMS sent in this range" isEmpty={(d) => d.byCountry.length === 0}>
        {(d) => (
          <Table label="SMS by country">
            <thead>
              <tr>
                <Th>Country</Th>
                <Th align="right">Messages</Th>
                <Th align="right">Cost</Th>
              </tr>
            </thead>
            <TBody>
              {d.byCountry.map((r) => (
                <tr key={`${r.countryCode ?? "none"}-${r.currency ?? ""}`}>
                  <Td>
                    {r.countryCode ? (
                      <Link href={smsHref(range, { countryCode: r.countryCode })} className="text-brand-700 hover:underline">
                        {countryName(r.countryCode)}
                      </Link>
                    ) : (
                      "Unknown"
                    )}
                  </Td>
                  <Td align="right">{formatCount(r.messages)}</Td>
                  <Td align="right" className="whitespace-nowrap">{r.currency ? formatMoney(r.cost, r.currency) : <span className="text-slate-400">no cost billed</span>}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

const SMS_STATUS_COLOR: Record<string, string> = { delivered: DELIVERED, failed: FAILED, bounced: BOUNCED };

export function SmsByStatus({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.smsBreakdown.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="SMS by status" description="Click a bar for those messages.">
      <QueryView query={query} skeleton="chart" empty="No SMS sent in this range" isEmpty={(d) => d.byStatus.every((s) => s.count === 0)}>
        {(d) => (
          <StackedBars
            label="SMS by status"
            rows={d.byStatus}
            category={(r) => humanize(r.status)}
            categoryHeading="Status"
            href={(r) => smsHref(range, { status: r.status })}
            horizontal
            series={[{ name: "Messages", color: IN_FLIGHT, value: (r) => r.count }]}
            barColor={(r) => SMS_STATUS_COLOR[r.status] ?? IN_FLIGHT}
          />
        )}
      </QueryView>
    </Panel>
  );
}

export function SmsTopRecipients({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.smsTopRecipients.useQuery({ from: range.from, to: range.to, limit: 10 });
  return (
    <Panel title="Top SMS recipients" description="The numbers sent the most messages. Many numbers in one prefix and an unusual country is SMS pumping.">
      <QueryView query={query} empty="No SMS sent in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="Top SMS recipients">
            <thead>
              <tr>
                <Th>Number</Th>
                <Th>Country</Th>
                <Th align="right">Messages</Th>
                <Th align="right">Failed</Th>
                <Th>Last sent</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.phone}>
                  <Td className="font-mono text-xs">
                    <Link href={smsHref(range, { phone: r.phone })} className="text-brand-700 hover:underline">
                      {r.phone}
                    </Link>
                  </Td>
                  <Td>{countryName(r.countryCode)}</Td>
                  <Td align="right">{formatCount(r.messages)}</Td>
                  <Td align="right">{formatCount(r.failed)}</Td>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={r.lastSentAt} />
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
