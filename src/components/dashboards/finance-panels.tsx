"use client";

import Link from "next/link";
import { useState } from "react";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { bucketSpan } from "~/lib/time-range";
import { trpc } from "~/trpc/react";
import { Segmented } from "./chart-or-table";
import { sumDecimals } from "~/lib/decimal";
import { chartNumber, formatCount, formatMoney, humanize } from "./format";
import { Panel, QueryView, StatTile } from "./panel";
import { drillHref, spanQuery, type DashboardRange } from "./range";
import { bucketLabel, StackedBars } from "./stacked-bars";

const PLATFORM = "#6366f1";
const DAO = "#10b981";
const feesHref = (range: DashboardRange, filters: Record<string, string | null | undefined>) => drillHref("/finance/fees", range.query, filters);

/** Remembers the picked currency while the data offers it; otherwise the first one. */
function useCurrency(currencies: string[]): [string | undefined, (c: string) => void] {
  const [picked, setPicked] = useState<string | null>(null);
  return [picked && currencies.includes(picked) ? picked : currencies[0], setPicked];
}

function CurrencyPicker({ currencies, value, onChange }: { currencies: string[]; value: string; onChange: (c: string) => void }) {
  return currencies.length > 1 ? <Segmented label="Currency" options={currencies} value={value} onChange={onChange} /> : <span className="text-xs text-slate-500">{value}</span>;
}

/** Fee revenue per currency, split between the platform and the DAOs. */
export function FeeTotals({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.feeRevenue.useQuery({ from: range.from, to: range.to });
  if (query.isError) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">Fee totals could not load: {query.error.message}</p>;
  const currencies = [...new Set((query.data ?? []).map((r) => r.currency))];
  if (query.isPending) return <div className="grid grid-cols-1 gap-3 sm:grid-cols-3"><StatTile label="Fee revenue" value={null} loading /></div>;
  if (currencies.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {currencies.map((currency) => {
        const rows = query.data.filter((r) => r.currency === currency);
        return (
          <StatTile
            key={currency}
            label={`Fee revenue in ${currency}`}
            value={<Link href={feesHref(range, { currency })} className="hover:underline">{formatMoney(sumDecimals(rows.map((r) => r.revenue)), currency)}</Link>}
            hint={`platform ${formatMoney(sumDecimals(rows.map((r) => r.platform)), currency)} · DAO ${formatMoney(sumDecimals(rows.map((r) => r.dao)), currency)} · ${formatCount(rows.reduce((n, r) => n + r.fees, 0))} fees`}
          />
        );
      })}
    </div>
  );
}

export function FeeRevenueByCategory({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.feeRevenue.useQuery({ from: range.from, to: range.to });
  const [currency, setCurrency] = useCurrency([...new Set((query.data ?? []).map((r) => r.currency))]);
  return (
    <Panel title="Fee revenue by category" description="Platform and DAO shares, one currency at a time. Click a bar for its fees.">
      <QueryView query={query} skeleton="chart" empty="No fees in this range" isEmpty={(d) => d.length === 0}>
        {(d) => {
          const currencies = [...new Set(d.map((r) => r.currency))];
          const rows = d.filter((r) => r.currency === currency);
          return (
            <StackedBars
              label={`Fee revenue by category in ${currency}`}
              rows={rows}
              category={(r) => humanize(r.category)}
              categoryHeading="Category"
              href={(r) => feesHref(range, { category: r.category, currency: r.currency })}
              horizontal
              series={[
                { name: "Platform", color: PLATFORM, value: (r) => chartNumber(r.platform), text: (r) => formatMoney(r.platform, r.currency) },
                { name: "DAO", color: DAO, value: (r) => chartNumber(r.dao), text: (r) => formatMoney(r.dao, r.currency) },
              ]}
              extraColumns={[
                { heading: "Revenue", cell: (r) => formatMoney(r.revenue, r.currency) },
                { heading: "Fees", cell: (r) => formatCount(r.fees) },
              ]}
              controls={<CurrencyPicker currencies={currencies} value={currency!} onChange={setCurrency} />}
            />
          );
        }}
      </QueryView>
    </Panel>
  );
}

export function FeeRevenueOverTime({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.feeRevenueOverTime.useQuery({ from: range.from, to: range.to });
  const [currency, setCurrency] = useCurrency([...new Set((query.data?.points ?? []).map((p) => p.currency))]);
  return (
    <Panel title="Fee revenue over time" description={query.data ? `Platform and DAO shares per ${query.data.bucket}${query.data.bucket === "day" ? " (UTC days)" : ""}. Click a bar for its fees.` : undefined}>
      <QueryView query={query} skeleton="chart" empty="No fees in this range" isEmpty={(d) => d.points.length === 0}>
        {(d) => {
          const currencies = [...new Set(d.points.map((p) => p.currency))];
          const rows = d.points.filter((p) => p.currency === currency);
          return (
            <StackedBars
              label={`Fee revenue over time in ${currency}`}
              rows={rows}
              category={(p) => bucketLabel(p.at, d.bucket)}
              categoryHeading={d.bucket === "hour" ? "Hour" : "Day (UTC)"}
              href={(p) => feesHref(range, { ...spanQuery(bucketSpan(p.at, d.bucket)), currency: p.currency })}
              series={[
                { name: "Platform", color: PLATFORM, value: (p) => chartNumber(p.platform), text: (p) => formatMoney(p.platform, p.currency) },
                { name: "DAO", color: DAO, value: (p) => chartNumber(p.dao), text: (p) => formatMoney(p.dao, p.currency) },
              ]}
              controls={<CurrencyPicker currencies={currencies} value={currency!} onChange={setCurrency} />}
            />
          );
        }}
      </QueryView>
    </Panel>
  );
}

export function SwapVolume({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.swapVolume.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="Swap volume by pair" description="What was swapped, in each side's own currency.">
      <QueryView query={query} empty="No swaps in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="Swap volume by pair">
            <thead>
              <tr>
                <Th>Pair</Th>
                <Th align="right">Swaps</Th>
                <Th align="right">Sold</Th>
                <Th align="right">Bought</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={`${r.fromCurrency}-${r.toCurrency}`}>
                  <Td className="whitespace-nowrap font-medium">
                    {r.fromCurrency} → {r.toCurrency}
                  </Td>
                  <Td align="right">{formatCount(r.swaps)}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatMoney(r.fromAmount, r.fromCurrency)}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatMoney(r.toAmount, r.toCurrency)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

const MPESA_COLOR: Record<string, string> = { completed: "#10b981", failed: "#ef4444", cancelled: "#94a3b8", timeout: "#f59e0b", pending: "#38bdf8" };

export function MpesaByStatus({ range }: { range: DashboardRange }) {
  const query = trpc.dashboard.mpesaByStatus.useQuery({ from: range.from, to: range.to });
  return (
    <Panel title="M-Pesa by status" description="Transactions and their amounts, by where they ended.">
      <QueryView query={query} skeleton="chart" empty="No M-Pesa transactions in this range" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <StackedBars
            label="M-Pesa transactions by status"
            rows={rows}
            category={(r) => (rows.some((o) => o.status === r.status && o.currency !== r.currency) ? `${r.status} (${r.currency})` : r.status)}
            categoryHeading="Status"
            horizontal
            series={[{ name: "Transactions", color: "#94a3b8", value: (r) => r.transactions }]}
            barColor={(r) => MPESA_COLOR[r.status] ?? "#94a3b8"}
            extraColumns={[{ heading: "Amount", cell: (r) => formatMoney(r.amount, r.currency) }]}
          />
        )}
      </QueryView>
    </Panel>
  );
}

export function BalancesByCurrency() {
  const query = trpc.dashboard.balancesByCurrency.useQuery();
  return (
    <Panel title="User balances by currency" description="Right now, whatever the range.">
      <QueryView query={query} empty="No balances held" isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table label="User balances by currency">
            <thead>
              <tr>
                <Th>Currency</Th>
                <Th align="right">Holders</Th>
                <Th align="right">Available</Th>
                <Th align="right">Pending</Th>
                <Th align="right">Locked</Th>
              </tr>
            </thead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.currency}>
                  <Td className="font-medium">{r.currency}</Td>
                  <Td align="right">{formatCount(r.holders)}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatMoney(r.available, r.currency)}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatMoney(r.pending, r.currency)}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatMoney(r.locked, r.currency)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}
