"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { LoadMore } from "~/components/ui/load-more";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { trpc } from "~/trpc/react";
import { ChainStatus } from "./chain-status";

const TARGET_LINKS: Record<string, (id: string) => string> = {
  user: (id) => `/users/${id}`,
  security_event: (id) => `/events/${id}`,
};

function Target({ type, id }: { type: string | null; id: string | null }) {
  if (!type || !id) return <span className="text-slate-400">—</span>;
  const href = TARGET_LINKS[type]?.(id);
  const text = `${type.replace(/_/g, " ")} ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`;
  return href ? <Link href={href} className="text-brand-700 hover:underline">{text}</Link> : <span>{text}</span>;
}

const FIELDS = [
  ["actor", "Actor (email)", "operator@…"],
  ["action", "Action", "session.revoke"],
  ["targetType", "Target type", "user"],
  ["targetId", "Target id", "id"],
] as const;

/** The audit trail: filterable, newest first, each entry expandable to its before and after. */
export function AuditTrail() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState<number | null>(null);
  const value = (key: string) => params.get(key) ?? "";
  const from = value("from");
  const to = value("to");
  const validRange = !from || !to || new Date(from) < new Date(to);
  const query = trpc.audit.list.useInfiniteQuery(
    {
      actor: value("actor") || undefined,
      action: value("action") || undefined,
      targetType: value("targetType") || undefined,
      targetId: value("targetId") || undefined,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
      limit: 50,
    },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, enabled: validRange },
  );

  function apply(form: FormData) {
    const next = new URLSearchParams();
    for (const key of [...FIELDS.map(([k]) => k), "from", "to"]) {
      const v = String(form.get(key) ?? "").trim();
      if (v) next.set(key, v);
    }
    router.replace(`${pathname}?${next.toString()}`);
  }

  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <ChainStatus />
      <form
        key={params.toString()}
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          apply(new FormData(e.currentTarget));
        }}
      >
        {FIELDS.map(([key, label, placeholder]) => (
          <label key={key} className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">{label}</span>
            <input name={key} defaultValue={value(key)} placeholder={placeholder} maxLength={128} className="w-40 rounded-lg border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
        ))}
        <label className="space-y-1">
          <span className="block text-xs font-medium text-slate-500">From</span>
          <input type="datetime-local" name="from" defaultValue={from} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
        </label>
        <label className="space-y-1">
          <span className="block text-xs font-medium text-slate-500">To</span>
          <input type="datetime-local" name="to" defaultValue={to} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
        </label>
        <Button type="submit" size="sm">Filter</Button>
        <button type="button" className="pb-1.5 text-xs font-medium text-brand-700 underline underline-offset-2" onClick={() => router.replace(pathname)}>
          Clear
        </button>
      </form>
      {!validRange ? <p role="alert" className="text-sm text-red-700">The start of the range must be before its end.</p> : null}
      <Card>
        {!validRange ? null : query.isPending ? (
          <LoadingPanel label="Loading the audit trail" rows={8} />
        ) : query.isError ? (
          <ErrorState message={query.error.message} retry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No entries match">Every console sign-in, sign-out and action appears here as it happens.</EmptyState>
        ) : (
          <>
            <Table label="Audit trail">
              <thead>
                <tr>
                  <Th>#</Th>
                  <Th>When</Th>
                  <Th>Actor</Th>
                  <Th>Action</Th>
                  <Th>Target</Th>
                  <Th>Reason</Th>
                  <Th>From</Th>
                </tr>
              </thead>
              <TBody>
                {rows.map((entry) => (
                  <Fragment key={entry.seq}>
                    <tr className="cursor-pointer hover:bg-slate-50" onClick={() => setOpen(open === entry.seq ? null : entry.seq)} aria-expanded={open === entry.seq}>
                      <Td className="font-mono text-xs text-slate-500">{entry.seq}</Td>
                      <Td className="whitespace-nowrap text-xs"><LocalTime value={entry.createdAt} /></Td>
                      <Td className="text-xs">
                        {entry.actorEmail ?? "system"}
                        {entry.actorRole ? <span className="ml-1 text-slate-400">({entry.actorRole})</span> : null}
                      </Td>
                      <Td><Badge tone={entry.action.startsWith("auth.") ? "neutral" : "brand"}>{entry.action}</Badge></Td>
                      <Td className="text-xs"><Target type={entry.targetType} id={entry.targetId} /></Td>
                      <Td className="max-w-xs truncate text-xs">{entry.reason ?? "—"}</Td>
                      <Td className="font-mono text-xs">{entry.ipAddress ?? "—"}</Td>
                    </tr>
                    {open === entry.seq ? (
                      <tr className="bg-slate-50">
                        <td colSpan={7} className="px-5 py-3">
                          <div className="grid gap-3 text-xs md:grid-cols-2">
                            <div>
                              <p className="mb-1 font-semibold text-slate-600">Before</p>
                              <pre className="overflow-x-auto rounded bg-white p-2 ring-1 ring-slate-200">{JSON.stringify(entry.before, null, 2)}</pre>
                            </div>
                            <div>
                              <p className="mb-1 font-semibold text-slate-600">After</p>
                              <pre className="overflow-x-auto rounded bg-white p-2 ring-1 ring-slate-200">{JSON.stringify(entry.after, null, 2)}</pre>
                            </div>
                          </div>
                          <p className="mt-2 break-all font-mono text-[11px] text-slate-400">
                            hash {entry.hash} · previous {entry.prevHash} · {entry.userAgent ?? "no user agent"}
                          </p>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </TBody>
            </Table>
            <LoadMore shown={rows.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} moreLabel="Older entries" endLabel="Start of the trail" />
          </>
        )}
      </Card>
    </div>
  );
}
