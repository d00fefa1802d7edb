"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TBody, Td, Th } from "~/components/ui/table";

export interface ActivityPoint {
  bucket: Date;
  successes: number;
  failures: number;
}

/** Sign-in attempts per hour or day, successes under failures, with a table for screen readers and numbers. */
export function ActivityChart({ points, bucket, label }: { points: ActivityPoint[]; bucket: "hour" | "day"; label: string }) {
  const [asTable, setAsTable] = useState(false);
  const format = new Intl.DateTimeFormat("en-GB", bucket === "hour" ? { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short" });
  const data = points.map((p) => ({ ...p, label: format.format(p.bucket) }));
  return (
    <div>
      <div className="flex justify-end px-5 pt-3">
        <button type="button" className="text-xs font-medium text-brand-700 underline underline-offset-2" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? "Show chart" : "Show as table"}
        </button>
      </div>
      {asTable ? (
        <Table label={label}>
          <thead>
            <tr>
              <Th>{bucket === "hour" ? "Hour" : "Day"}</Th>
              <Th align="right">Successes</Th>
              <Th align="right">Failures</Th>
            </tr>
          </thead>
          <TBody>
            {data.map((d) => (
              <tr key={d.bucket.toISOString()}>
                <Td>{d.label}</Td>
                <Td align="right">{d.successes}</Td>
                <Td align="right">{d.failures}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <div className="h-64 px-2 pb-3" role="img" aria-label={`${label}: bar chart of successes and failures`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={24} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} width={40} />
              <Tooltip cursor={{ fill: "#f1f5f9" }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="successes" name="Successes" stackId="a" fill="#10b981" />
              <Bar dataKey="failures" name="Failures" stackId="a" fill="#ef4444" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
