"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { ChartOrTable } from "./chart-or-table";

export interface BarSeries<R> {
  name: string;
  color: string;
  /** The bar's height. */
  value: (row: R) => number;
  /** The exact figure for the table and tooltip (defaults to the height). */
  text?: (row: R) => string;
  /** Where clicking this series' bar in this row leads (defaults to the row's link). */
  href?: (row: R) => string | null;
}

export interface StackedBarsProps<R> {
  label: string;
  rows: R[];
  /** The category axis: a time bucket, a provider, a severity. */
  category: (row: R) => string;
  categoryHeading: string;
  series: BarSeries<R>[];
  /** The rows behind one bar; in the table the category becomes this link. */
  href?: (row: R) => string | null;
  stacked?: boolean;
  horizontal?: boolean;
  /** Extra table-only columns (a rate, a count). */
  extraColumns?: { heading: string; cell: (row: R) => React.ReactNode }[];
  /** One colour per bar (single-series charts: severities, statuses). */
  barColor?: (row: R) => string;
  initial?: "chart" | "table";
  controls?: React.ReactNode;
}

/**
 * Bars (stacked or side by side) for any rows, with the table form a toggle
 * away. Clicking a bar goes to the rows behind it, as does the link in the
 * table's first column.
 */
export function StackedBars<R>({ label, rows, category, categoryHeading, series, href, stacked = true, horizontal = false, extraColumns = [], barColor, initial, controls }: StackedBarsProps<R>) {
  const router = useRouter();
  const data = rows.map((row, index) => {
    const point: Record<string, string | number> = { _label: category(row), _index: index };
    series.forEach((s, i) => {
      point[`s${i}`] = s.value(row);
    });
    return point;
  });
  const go = (seriesIndex: number, rowIndex: number) => {
    const row = rows[rowIndex];
    if (row === undefined) return;
    const s = series[seriesIndex];
    const target = s?.href ? s.href(row) : href?.(row);
    if (target) router.push(target);
  };
  const clickable = !!href || series.some((s) => s.href);
  const tooltipFormatter = (value: unknown, _name: unknown, item: { dataKey?: unknown; payload?: { _index?: number } }) => {
    const seriesIndex = Number(String(item.dataKey ?? "s0").slice(1));
    const row = rows[item.payload?._index ?? -1];
    const s = series[seriesIndex];
    return row !== undefined && s?.text ? s.text(row) : String(value);
  };

  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 0, left: horizontal ? 8 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} stroke="#e2e8f0" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} />
            <YAxis type="category" dataKey="_label" tick={{ fontSize: 11, fill: "#64748b" }} width={110} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="_label" tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={24} />
            <YAxis tick={{ fontSize: 11, fill: "#64748b" }} width={48} />
          </>
        )}
        <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={tooltipFormatter as never} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Bar key={s.name} dataKey={`s${i}`} name={s.name} stackId={stacked ? "a" : undefined} fill={s.color} cursor={clickable ? "pointer" : undefined} onClick={(_d, rowIndex) => go(i, rowIndex)} isAnimationActive={false}>
            {barColor && series.length === 1 ? rows.map((row, index) => <Cell key={index} fill={barColor(row)} />) : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );

  const table = (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{categoryHeading}</Th>
          {series.map((s) => (
            <Th key={s.name} align="right">
              {s.name}
            </Th>
          ))}
          {extraColumns.map((c) => (
            <Th key={c.heading} align="right">
              {c.heading}
            </Th>
          ))}
        </tr>
      </thead>
      <TBody>
        {rows.map((row, index) => {
          const target = href?.(row);
          return (
            <tr key={index}>
              <Td className="whitespace-nowrap">
                {target ? (
                  <Link href={target} className="text-brand-700 hover:underline">
                    {category(row)}
                  </Link>
                ) : (
                  category(row)
                )}
              </Td>
              {series.map((s) => {
                const seriesTarget = s.href?.(row);
                const text = s.text ? s.text(row) : s.value(row).toLocaleString("en");
                return (
                  <Td key={s.name} align="right" className="whitespace-nowrap">
                    {seriesTarget && s.value(row) > 0 ? (
                      <Link href={seriesTarget} className="text-brand-700 hover:underline">
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </Td>
                );
              })}
              {extraColumns.map((c) => (
                <Td key={c.heading} align="right" className="whitespace-nowrap">
                  {c.cell(row)}
                </Td>
              ))}
            </tr>
          );
        })}
      </TBody>
    </Table>
  );

  return <ChartOrTable label={label} chart={chart} table={table} initial={initial} controls={controls} />;
}

/** Bucket labels in the viewer's zone: "10 Jun, 14:00" for hours, "10 Jun" for days. */
export function bucketLabel(at: Date, bucket: "hour" | "day"): string {
  // Day buckets are UTC days; label them as such so a bar is not shown under the day before.
  return new Intl.DateTimeFormat("en-GB", bucket === "hour" ? { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short", timeZone: "UTC" }).format(at);
}
