"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;

function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
}

/**
 * The browser's clock, to the half minute (so "5 minutes ago" stays true
 * while the page is open), or null while the server renders and React
 * hydrates: only the browser knows the viewer's time zone.
 */
function useBrowserClock(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / TICK_MS) * TICK_MS,
    () => null,
  );
}

const UTC_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function relative(value: Date, now: number): string {
  const seconds = Math.round((value.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), "day");
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(value);
}

/**
 * A moment in the viewer's own time zone. The server's render (and the
 * hydration pass) shows UTC, labelled as such, so the markup matches; the
 * browser then swaps in local time. `relative` shows "5 minutes ago", with
 * the exact time on hover.
 */
export function LocalTime({ value, relative: asRelative = false, className = "" }: { value: Date | string; relative?: boolean; className?: string }) {
  const now = useBrowserClock();
  const date = typeof value === "string" ? new Date(value) : value;
  const exact = now !== null ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date) : `${UTC_FORMAT.format(date)} UTC`;
  const text = asRelative && now !== null ? relative(date, now) : exact;
  return (
    <time dateTime={date.toISOString()} title={exact} className={className}>
      {text}
    </time>
  );
}
