"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A timestamp in the viewer's own time zone. The server renders UTC (it
 * cannot know the zone); the browser re-renders in local time once hydrated.
 */
export function LocalTime({ value, mode = "datetime", className = "" }: { value: Date | string | null | undefined; mode?: "datetime" | "date" | "time" | "relative"; className?: string }) {
  const client = useSyncExternalStore(subscribe, () => true, () => false);
  if (!value) return <span className={`text-slate-400 ${className}`}>—</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  if (date.getUTCFullYear() === 9999) return <span className={className}>until unlocked</span>;
  const timeZone = client ? undefined : "UTC";
  const absolute = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    ...(mode !== "time" ? { year: "numeric", month: "short", day: "numeric" } : {}),
    ...(mode !== "date" ? { hour: "2-digit", minute: "2-digit", second: mode === "time" ? "2-digit" : undefined } : {}),
    timeZoneName: client ? undefined : "short",
  }).format(date);
  const text = mode === "relative" && client ? relative(date) : absolute;
  return (
    <time dateTime={date.toISOString()} title={client ? `${absolute} (${Intl.DateTimeFormat().resolvedOptions().timeZone})` : date.toISOString()} className={`tabular ${className}`}>
      {text}
    </time>
  );
}

function relative(date: Date): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60]];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, "second");
}
