"use client";

import { LocalTime } from "~/components/ui/local-time";
import { trpc } from "~/trpc/react";
import { FilterBar, type FilterField, useFilters } from "./filter-bar";
import { formatMoney, humanize } from "./format";
import { KeysetTable, oneOf } from "./keyset-table";
import type { DashboardRange } from "./range";

const CATEGORIES = ["mpesa_deposit", "mpesa_withdrawal", "currency_swap", "dao_contribution", "vault_management", "p2p_transfer", "subscription"] as const;

const FIELDS: FilterField[] = [
  { name: "category", label: "Category", options: CATEGORIES.map((c) => ({ value: c, label: humanize(c) })) },
  { name: "currency", label: "Currency", placeholder: "KES" },
];

/** Every fee behind a bar or row of the finance dashboard. */
export function FeesList({ range }: { range: DashboardRange }) {
  const f = useFilters(FIELDS);
  const query = trpc.dashboard.fees.useInfiniteQuery(
    { from: range.from, to: range.to, category: oneOf(CATEGORIES, f.category), currency: f.currency, limit: 25 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <>
      <FilterBar fields={FIELDS} />
      <KeysetTable
        label="Fees"
        empty="No fees match"
        query={query}
        columns={[
          { heading: "When", className: "whitespace-nowrap", cell: (r) => <LocalTime value={r.at} /> },
          { heading: "Category", className: "capitalize", cell: (r) => humanize(r.category) },
          { heading: "Transaction", className: "font-mono text-xs", cell: (r) => <span title={r.transactionId}>{humanize(r.transactionType)} · {String(r.transactionId).slice(0, 8)}</span> },
          { heading: "Fee", align: "right", className: "whitespace-nowrap", cell: (r) => formatMoney(r.feeAmount, r.currency) },
          { heading: "Platform", align: "right", className: "whitespace-nowrap", cell: (r) => formatMoney(r.platformRevenue, r.currency) },
          { heading: "DAO", align: "right", className: "whitespace-nowrap", cell: (r) => formatMoney(r.daoRevenue, r.currency) },
        ]}
      />
    </>
  );
}
