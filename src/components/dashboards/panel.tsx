"use client";

import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState, ErrorState, LoadingPanel, Skeleton } from "~/components/ui/states";

/** The slice of a react-query result a panel needs to choose what to show. */
export interface QueryLike<T> {
  data: T | undefined;
  error: { message: string } | null;
  isPending: boolean;
  isError: boolean;
  /** Showing the previous range's data while the new range loads. */
  isPlaceholderData?: boolean;
  refetch: () => unknown;
}

/** One dashboard panel: a titled card, named for assistive technology and for tests by its title. */
export function Panel({ title, description, actions, className = "", children }: { title: string; description?: React.ReactNode; actions?: React.ReactNode; className?: string; children: React.ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <Card aria-labelledby={id} className={`min-w-0 ${className}`}>
      <CardHeader id={id} title={title} description={description} actions={actions} />
      {children}
    </Card>
  );
}

/**
 * Loading (a skeleton shaped like what is coming), error (with retry), empty
 * (said in words) or the data: every panel goes through the same four states.
 */
export function QueryView<T>({ query, empty, isEmpty, skeleton = "rows", children }: { query: QueryLike<T>; empty: string; isEmpty: (data: T) => boolean; skeleton?: "rows" | "chart" | "stat"; children: (data: T) => React.ReactNode }) {
  // An empty previous range says nothing about the new one: that is still loading.
  const loading = query.isPending || (query.isPlaceholderData && query.data !== undefined && isEmpty(query.data));
  if (loading) {
    if (skeleton === "chart") {
      return (
        <div className="px-5 py-5" role="status">
          <span className="sr-only">Loading…</span>
          <Skeleton className="h-56 w-full" />
        </div>
      );
    }
    return <LoadingPanel rows={skeleton === "stat" ? 2 : 5} />;
  }
  if (query.isError || query.data === undefined) return <ErrorState message={query.error?.message} retry={() => void query.refetch()} />;
  if (query.isPlaceholderData) {
    // The previous range's figures, dimmed and out of reach (their links would
    // lead into the new range) until the new ones arrive.
    return (
      <div aria-busy inert className="opacity-50 transition-opacity">
        {children(query.data)}
      </div>
    );
  }
  if (isEmpty(query.data)) return <EmptyState title={empty}>Try a longer time range.</EmptyState>;
  return <>{children(query.data)}</>;
}

/** A headline number; `href` makes it the way into the rows behind it. */
export function StatTile({ label, value, hint, tone = "text-slate-900", loading = false }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: string; loading?: boolean }) {
  return (
    <div className="min-w-0 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      {loading ? <Skeleton className="mt-2 h-6 w-16" /> : <p className={`mt-1 truncate text-xl font-semibold tabular ${tone}`}>{value}</p>}
      {hint ? <p className="mt-0.5 text-xs break-words text-slate-500">{hint}</p> : null}
    </div>
  );
}
