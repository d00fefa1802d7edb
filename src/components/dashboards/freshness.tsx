"use client";

import { LocalTime } from "~/components/ui/local-time";
import { trpc } from "~/trpc/react";

/** "Live · as of 14:02": the rollups move in the same transaction as each row, so the only age is the page's own. */
export function Freshness() {
  // Asked again whenever the page is (re)mounted for a new range, so "as of" dates the panels beside it.
  const query = trpc.dashboard.freshness.useQuery(undefined, { staleTime: 0 });
  if (query.isPending) return <span className="text-xs text-slate-400">Checking freshness…</span>;
  if (query.isError) return <span className="text-xs text-red-700">Freshness unknown</span>;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="freshness">
      <span className="size-2 rounded-full bg-emerald-500" aria-hidden />
      Live · as of <LocalTime value={query.data.asOf} mode="time" />
    </span>
  );
}
