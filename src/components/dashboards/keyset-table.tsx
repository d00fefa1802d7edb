"use client";

import { LoadMore } from "~/components/ui/load-more";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";

export interface Column<T> {
  heading: string;
  cell: (row: T) => React.ReactNode;
  align?: "left" | "right";
  className?: string;
}

/** The slice of a react-query infinite query a keyset list needs. */
export interface InfiniteLike<T> {
  data: { pages: { items: T[] }[] } | undefined;
  error: { message: string } | null;
  isPending: boolean;
  isError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/** A drill-down's rows, newest first, a keyset page at a time, in the same four states as every panel. */
export function KeysetTable<T extends { id: string | number }>({ label, query, columns, empty }: { label: string; query: InfiniteLike<T>; columns: Column<T>[]; empty: string }) {
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-label={label} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      {query.isPending ? (
        <LoadingPanel label={`Loading ${label.toLowerCase()}`} rows={8} />
      ) : query.isError ? (
        <ErrorState message={query.error?.message} retry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={empty}>Widen the filters or the time range.</EmptyState>
      ) : (
        <>
          <Table label={label}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <Th key={c.heading} align={c.align}>
                    {c.heading}
                  </Th>
                ))}
              </tr>
            </thead>
            <TBody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((c) => (
                    <Td key={c.heading} align={c.align} className={c.className}>
                      {c.cell(row)}
                    </Td>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
          <LoadMore shown={rows.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

/** A filter value from the URL, if it is one the API accepts; anything else is ignored rather than sent. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}
