"use client";

import Link from "next/link";
import { AttemptResultBadge } from "~/components/investigations/status-badges";
import { LocalTime } from "~/components/ui/local-time";
import { parseUserAgent } from "~/lib/user-agent";
import { trpc } from "~/trpc/react";
import { FilterBar, type FilterField, useFilters } from "./filter-bar";
import { humanize } from "./format";
import { KeysetTable, oneOf } from "./keyset-table";
import type { DashboardRange } from "./range";

const RESULTS = ["success", "failed_password", "unknown_user", "locked", "disabled", "mfa_failed", "throttled", "invalid_input"] as const;
const OUTCOMES = ["success", "failure"] as const;

const FIELDS: FilterField[] = [
  { name: "ip", label: "IP address", placeholder: "185.220.101.47" },
  { name: "identifier", label: "Identifier", placeholder: "email or phone" },
  { name: "outcome", label: "Outcome", options: OUTCOMES.map((o) => ({ value: o, label: o === "success" ? "Succeeded" : "Failed" })) },
  { name: "result", label: "Result", options: RESULTS.map((r) => ({ value: r, label: humanize(r) })) },
];

/** The sign-in attempts behind a bar or row of the security overview, newest first. */
export function AttemptsList({ range }: { range: DashboardRange }) {
  const f = useFilters(FIELDS);
  const query = trpc.dashboard.loginAttempts.useInfiniteQuery(
    { from: range.from, to: range.to, ip: f.ip, identifier: f.identifier, outcome: oneOf(OUTCOMES, f.outcome), result: oneOf(RESULTS, f.result), limit: 25 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <>
      <FilterBar fields={FIELDS} />
      <KeysetTable
        label="Sign-in attempts"
        empty="No sign-in attempts match"
        query={query}
        columns={[
          { heading: "When", className: "whitespace-nowrap", cell: (a) => <LocalTime value={a.at} /> },
          { heading: "Identifier", className: "max-w-64 truncate", cell: (a) => (a.userId ? <Link href={`/users/${a.userId}`} className="text-brand-700 hover:underline">{a.identifier}</Link> : a.identifier) },
          { heading: "IP address", className: "font-mono text-xs", cell: (a) => (a.ip ? <Link href={`/ips/${encodeURIComponent(a.ip)}`} className="text-brand-700 hover:underline">{a.ip}</Link> : "—") },
          { heading: "Result", cell: (a) => <><AttemptResultBadge result={a.result} />{a.failureReason ? <span className="ml-1 text-xs text-slate-500">{humanize(a.failureReason)}</span> : null}</> },
          { heading: "Country", cell: (a) => a.countryCode ?? "—" },
          { heading: "Client", className: "text-xs text-slate-500", cell: (a) => parseUserAgent(a.userAgent).label },
        ]}
      />
    </>
  );
}
