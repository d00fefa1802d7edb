import { rangeInput, rangeSearchParams, type TimeRange } from "~/lib/time-range";

/** A page's range as client panels get it: what to ask the API, and the URL parameters that reproduce it. */
export interface DashboardRange {
  from: string;
  to: string;
  /** `{ range: "7d" }` or `{ from, to }`: carried into drill-down links. */
  query: Record<string, string>;
}

export function dashboardRange(range: TimeRange): DashboardRange {
  return { ...rangeInput(range), query: rangeSearchParams(range) };
}

/** A drill-down link: the page's range (or a bar's own span) plus filters; empty filters are left out. */
export function drillHref(path: string, range: Record<string, string>, filters: Record<string, string | null | undefined> = {}): string {
  // A bar's own span replaces the page's range rather than sitting beside it.
  const params = new URLSearchParams(filters.from || filters.to ? {} : range);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `${path}?${params.toString()}`;
}

/** One chart bucket as URL parameters. */
export function spanQuery(span: { from: Date; to: Date }): Record<string, string> {
  return { from: span.from.toISOString(), to: span.to.toISOString() };
}
