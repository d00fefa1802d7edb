"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { LoadMore } from "~/components/ui/load-more";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { ROLE_LABELS, ROLES, type Role } from "~/lib/roles";
import { trpc } from "~/trpc/react";
import { AccountBadges } from "./status-badges";

const FLAGS = [
  ["lockedNow", "Locked now"],
  ["hasTwoFactor", "Has 2FA"],
  ["hasOpenEvents", "Has open events"],
] as const;

/** The users list: query and filters live in the URL, so a search can be shared as a link. */
export function UserSearch() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState(params.get("q") ?? "");
  const role = params.get("role");
  const filters = {
    query: params.get("q") || undefined,
    lockedNow: params.get("lockedNow") === "1" || undefined,
    hasTwoFactor: params.get("hasTwoFactor") === "1" || undefined,
    hasOpenEvents: params.get("hasOpenEvents") === "1" || undefined,
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    limit: 25,
  };
  const query = trpc.users.search.useInfiniteQuery(filters, { getNextPageParam: (last) => last.nextCursor ?? undefined });

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`${pathname}?${next.toString()}`);
  }

  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <form
        role="search"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() || null });
        }}
      >
        <label className="min-w-64 flex-1 space-y-1">
          <span className="text-xs font-medium text-slate-600">Email, phone or user id</span>
          <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={320} placeholder="jane@example.com, +2547…, or an id" className="block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
        </label>
        <label className="space-y-1">
          <span className="text-xs font-medium text-slate-600">Role</span>
          <select value={filters.role ?? ""} onChange={(e) => update({ role: e.target.value || null })} className="block rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Search</Button>
      </form>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Filters">
        {FLAGS.map(([key, label]) => {
          const on = params.get(key) === "1";
          return (
            <button key={key} type="button" aria-pressed={on} onClick={() => update({ [key]: on ? null : "1" })} className={`rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}>
              {label}
            </button>
          );
        })}
      </div>
      <Card>
        {query.isPending ? (
          <LoadingPanel label="Searching users" rows={6} />
        ) : query.isError ? (
          <ErrorState message={query.error.message} retry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No users match">Try part of an email address, a phone number starting with +, or clear a filter.</EmptyState>
        ) : (
          <>
            <Table label="Users">
              <thead>
                <tr>
                  <Th>User</Th>
                  <Th>Phone</Th>
                  <Th>Status</Th>
                  <Th align="right">Open events</Th>
                  <Th>Last sign-in</Th>
                  <Th>Joined</Th>
                </tr>
              </thead>
              <TBody>
                {rows.map((u) => (
                  <tr key={u.id} className="hover:bg-slate-50">
                    <Td>
                      <Link href={`/users/${u.id}`} className="font-medium text-brand-700 hover:underline">
                        {u.email}
                      </Link>
                      {u.displayName ? <p className="text-xs text-slate-500">{u.displayName}</p> : null}
                    </Td>
                    <Td className="tabular">{u.phone ?? "—"}</Td>
                    <Td>
                      <span className="inline-flex flex-wrap gap-1">
                        <AccountBadges user={u} />
                        {u.twoFactor ? <span className="text-xs text-emerald-700">2FA</span> : null}
                      </span>
                    </Td>
                    <Td align="right">{u.openEvents || "—"}</Td>
                    <Td>
                      <LocalTime value={u.lastLoginAt} mode="relative" />
                    </Td>
                    <Td>
                      <LocalTime value={u.createdAt} mode="date" />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <LoadMore shown={rows.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => void query.fetchNextPage()} />
          </>
        )}
      </Card>
    </div>
  );
}
