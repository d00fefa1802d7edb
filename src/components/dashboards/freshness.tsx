"use client";

import { LocalTime } from "~/components/ui/local-time";
import { trpc } from "~/trpc/react";

/** "Live · as of 14:02": the rollups move in the same transaction as each row, so the only age is the page's own. */
export function Freshness() {
  const query = trpc.dashboard.freshness.useQuery();
  if (query.isPending) return <span className="text-xs text-slate-400">Checking freshness…</span>;
  if (query.isError) return <span className="text-xs text-red-700">Freshness unknown</span>;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="freshness">
      <span className="size-2 rounded-full bg-emerald-500" aria-hidden />
      Live · as of <LocalTime value={query.data.asOf} mode="time" />
    </span>
  );
}
