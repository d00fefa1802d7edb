"use client";

import { useState } from "react";

/**
 * A chart with its numbers one click away as a table: for screen readers,
 * for exact values, and for copying. The table is also where each row links
 * to the rows behind it.
 */
export function ChartOrTable({ label, chart, table, initial = "chart", controls }: { label: string; chart: React.ReactNode; table: React.ReactNode; initial?: "chart" | "table"; controls?: React.ReactNode }) {
  const [asTable, setAsTable] = useState(initial === "table");
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2 px-5 pt-3">
        <div className="flex flex-wrap items-center gap-1">{controls}</div>
        <button type="button" className="text-xs font-medium text-brand-700 underline underline-offset-2" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? "Show chart" : "Show as table"}
        </button>
      </div>
      {asTable ? (
        table
      ) : (
        <div className="h-64 px-2 pb-3" role="img" aria-label={`${label} (chart; use "Show as table" for the numbers)`}>
          {chart}
        </div>
      )}
    </div>
  );
}

/** A row of toggle buttons choosing one value (a currency for money charts: amounts in different currencies never share an axis). */
export function Segmented<T extends string>({ label, options, value, onChange }: { label: string; options: readonly T[]; value: T; onChange: (next: T) => void }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-0.5 text-xs">
      {options.map((option) => (
        <button key={option} type="button" aria-pressed={option === value} onClick={() => onChange(option)} className={`rounded-md px-2.5 py-1 ${option === value ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
          {option}
        </button>
      ))}
    </div>
  );
}
