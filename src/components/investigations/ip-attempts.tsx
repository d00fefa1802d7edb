"use client";

import Link from "next/link";
import { Button } from "~/components/ui/button";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { parseUserAgent } from "~/lib/user-agent";
import { trpc } from "~/trpc/react";
import { AttemptResultBadge } from "./status-badges";

/** Every attempt from one address, newest first, a page at a time. */
export function IpAttempts({ ip }: { ip: string }) {
  const query = trpc.ips.attempts.useInfiniteQuery({ ip, limit: 50 }, { getNextPageParam: (last) => last.nextCursor ?? undefined });
  if (query.isPending) return <LoadingPanel label="Loading attempts" />;
  if (query.isError) return <ErrorState message={query.error.message} retry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState title="No sign-in attempts from this address" />;
  return (
    <>
      <Table label="Sign-in attempts from this address">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Identifier</Th>
            <Th>Result</Th>
            <Th>Client</Th>
          </tr>
        </thead>
        <TBody>
          {rows.map((a) => (
            <tr key={a.id}>
              <Td><LocalTime value={a.at} mode="datetime" /></Td>
              <Td className="max-w-64 truncate">
                {a.userId ? <Link href={`/users/${a.userId}`} className="text-brand-700 hover:underline">{a.identifier}</Link> : a.identifier}
              </Td>
              <Td><AttemptResultBadge result={a.result} /></Td>
              <Td className="text-xs text-slate-500">{parseUserAgent(a.userAgent).label}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <div className="border-t border-slate-100 px-5 py-3">
        {query.hasNextPage ? (
          <Button variant="secondary" size="sm" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Older attempts
          </Button>
        ) : (
          <span className="text-xs text-slate-500">{rows.length} attempts in all</span>
        )}
      </div>
    </>
  );
}
