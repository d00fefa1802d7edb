import { Suspense } from "react";
import { PageHeader } from "~/components/ui/page-header";
import type { TimeRangeResult } from "~/lib/time-range";
import { AutoRefresh } from "./auto-refresh";
import { Freshness } from "./freshness";
import { dashboardRange, type DashboardRange } from "./range";
import { TimeRangeControl } from "./time-range-control";

/**
 * The frame every dashboard and drill-down shares: title, freshness, the
 * range control, then the panels, or only the range's error when the URL's
 * range cannot be read (the panels are not asked with a range we know is bad).
 */
export function DashboardPage({ title, description, parsed, back, children }: { title: string; description: string; parsed: TimeRangeResult; back?: React.ReactNode; children: (range: DashboardRange) => React.ReactNode }) {
  const range = parsed.ok ? dashboardRange(parsed.range) : null;
  return (
    <>
      {back ? <Suspense>{back}</Suspense> : null}
      <PageHeader
        title={title}
        description={description}
        actions={
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <Freshness key={range ? `${range.from}/${range.to}` : "none"} />
            {/* Drill-down lists are paged: refreshing under a reader would lose their place. */}
            {back || !parsed.ok ? null : (
              <Suspense>
                <AutoRefresh moving={parsed.range.preset !== null} />
              </Suspense>
            )}
          </div>
        }
      />
      <Suspense>
        <TimeRangeControl current={parsed.ok && range ? { from: range.from, to: range.to, preset: parsed.range.preset } : null} error={parsed.ok ? undefined : parsed.error} />
      </Suspense>
      {range ? children(range) : null}
    </>
  );
}
