"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionDialog } from "~/components/ui/action-dialog";
import { Button } from "~/components/ui/button";
import { LoadMore } from "~/components/ui/load-more";
import { LocalTime } from "~/components/ui/local-time";
import { useNotice } from "~/components/ui/notice";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { type RouterInputs, trpc } from "~/trpc/react";
import { EventStatusBadge, SeverityBadge } from "./status-badges";

type Filters = Omit<RouterInputs["events"]["list"], "cursor">;

function summarise(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .slice(0, 3)
    .map(([k, v]) => `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${String(v)}`)
    .join(" · ");
}

/**
 * The events queue as a table: select rows and resolve them together (with
 * one note), or act on one. Used by the queue page and by an IP's page.
 */
export function EventsTable({ filters, canAct, pageSize = 50 }: { filters: Filters; canAct: boolean; pageSize?: number }) {
  const notice = useNotice();
  const utils = trpc.useUtils();
  const query = trpc.events.list.useInfiniteQuery({ ...filters, limit: pageSize }, { getNextPageParam: (last) => last.nextCursor ?? undefined });
  const resolve = trpc.events.resolve.useMutation();
  const acknowledge = trpc.events.acknowledge.useMutation();
  const [selected, setSelected] = useState<Set<number>>(new Set());

  if (query.isPending) return <LoadingPanel label="Loading events" rows={6} />;
  if (query.isError) return <ErrorState message={query.error.message} retry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState title="No events match">Widen the filters or the time range.</EmptyState>;

  const unresolved = rows.filter((r) => r.status !== "resolved");
  const toggle = (id: number) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const allSelected = unresolved.length > 0 && unresolved.every((r) => selected.has(r.id));
  const refresh = async () => {
    setSelected(new Set());
    await utils.events.invalidate();
  };

  return (
    <div>
      {canAct ? (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-2.5 text-sm">
          <span className="text-slate-600">{selected.size ? `${selected.size} selected` : "Select events to resolve several at once"}</span>
          <ActionDialog
            trigger={<Button size="sm" disabled={selected.size === 0}>Resolve selected</Button>}
            title={`Resolve ${selected.size} event${selected.size === 1 ? "" : "s"}`}
            impact="Each selected event is marked resolved with this note, and each resolution is written to the audit trail."
            confirmLabel="Resolve"
            requireReason
            reasonLabel="Resolution note"
            onConfirm={async (text) => {
              const result = await resolve.mutateAsync({ ids: [...selected], note: text });
              notice(`${result.changed.length} resolved${result.unchanged.length ? `, ${result.unchanged.length} already were` : ""}.`);
              await refresh();
            }}
          />
        </div>
      ) : null}
      <Table label="Security events">
        <thead>
          <tr>
            {canAct ? (
              <Th className="w-8">
                <input type="checkbox" aria-label="Select all unresolved events shown" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(unresolved.map((r) => r.id)))} />
              </Th>
            ) : null}
            <Th>Event</Th>
            <Th>Severity</Th>
            <Th>Status</Th>
            <Th>Subject</Th>
            <Th>Assignee</Th>
            <Th>When</Th>
            {canAct ? <Th /> : null}
          </tr>
        </thead>
        <TBody>
          {rows.map((e) => (
            <tr key={e.id} className={selected.has(e.id) ? "bg-brand-50/60" : undefined}>
              {canAct ? (
                <Td>
                  <input type="checkbox" aria-label={`Select event ${e.id}`} disabled={e.status === "resolved"} checked={selected.has(e.id)} onChange={() => toggle(e.id)} />
                </Td>
              ) : null}
              <Td>
                <Link href={`/events/${e.id}`} className="font-medium text-brand-700 hover:underline">
                  {e.eventType.replace(/_/g, " ")}
                </Link>
                <p className="max-w-xs truncate text-xs text-slate-500">{e.status === "resolved" && e.resolutionNote ? `Resolved: ${e.resolutionNote}` : summarise(e.details)}</p>
              </Td>
              <Td><SeverityBadge severity={e.severity} /></Td>
              <Td><EventStatusBadge status={e.status} /></Td>
              <Td className="max-w-[14rem] truncate text-xs">
                {e.userId ? <Link href={`/users/${e.userId}`} className="text-brand-700 hover:underline">{e.userEmail ?? "user"}</Link> : null}
                {e.userId && e.ipAddress ? <br /> : null}
                {e.ipAddress ? <Link href={`/ips/${encodeURIComponent(e.ipAddress)}`} className="tabular text-brand-700 hover:underline">{e.ipAddress}</Link> : null}
                {!e.userId && !e.ipAddress ? "—" : null}
              </Td>
              <Td className="text-xs">{e.assigneeEmail ?? <span className="text-slate-400">Unassigned</span>}</Td>
              <Td className="whitespace-nowrap text-xs"><LocalTime value={e.createdAt} /></Td>
              {canAct ? (
                <Td align="right" className="whitespace-nowrap">
                  {e.status === "open" ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      busy={acknowledge.isPending && acknowledge.variables?.ids[0] === e.id}
                      onClick={async () => {
                        await acknowledge.mutateAsync({ ids: [e.id] });
                        notice("Acknowledged and assigned to you.");
                        await refresh();
                      }}
                    >
                      Acknowledge
                    </Button>
                  ) : null}
                  {e.status !== "resolved" ? (
                    <ActionDialog
                      trigger={<Button variant="ghost" size="sm">Resolve</Button>}
                      title={`Resolve: ${e.eventType.replace(/_/g, " ")}`}
                      impact="Marks the event resolved with your note."
                      confirmLabel="Resolve"
                      requireReason
                      reasonLabel="Resolution note"
                      onConfirm={async (text) => {
                        await resolve.mutateAsync({ ids: [e.id], note: text });
                        notice("Event resolved.");
                        await refresh();
                      }}
                    />
                  ) : null}
                </Td>
              ) : null}
            </tr>
          ))}
        </TBody>
      </Table>
      <LoadMore shown={rows.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
    </div>
  );
}
