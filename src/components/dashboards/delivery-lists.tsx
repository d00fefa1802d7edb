"use client";

import { Badge, type Tone } from "~/components/ui/badge";
import { LocalTime } from "~/components/ui/local-time";
import { trpc } from "~/trpc/react";
import { FilterBar, type FilterField, useFilters } from "./filter-bar";
import { countryName, formatMoney } from "./format";
import { KeysetTable, oneOf } from "./keyset-table";
import type { DashboardRange } from "./range";

const STATUSES = ["pending", "sent", "delivered", "failed", "bounced"] as const;
const STATUS_TONE: Record<string, Tone> = { delivered: "success", failed: "danger", bounced: "warning", sent: "info", pending: "neutral" };
const statusOptions = STATUSES.map((s) => ({ value: s, label: s }));

function DeliveryStatus({ status, error }: { status: string; error: string | null }) {
  return (
    <>
      <Badge tone={STATUS_TONE[status] ?? "neutral"} className="capitalize">
        {status}
      </Badge>
      {error ? <span className="ml-1 text-xs text-slate-500">{error}</span> : null}
    </>
  );
}

const EMAIL_FIELDS: FilterField[] = [
  { name: "provider", label: "Provider", placeholder: "sendgrid" },
  { name: "template", label: "Template", placeholder: "otp" },
  { name: "status", label: "Status", options: statusOptions },
];

/** Every email behind a bar or row of the messaging dashboard. */
export function EmailDeliveriesList({ range }: { range: DashboardRange }) {
  const f = useFilters(EMAIL_FIELDS);
  const query = trpc.dashboard.emailDeliveries.useInfiniteQuery(
    { from: range.from, to: range.to, provider: f.provider, template: f.template, status: oneOf(STATUSES, f.status), limit: 25 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <>
      <FilterBar fields={EMAIL_FIELDS} />
      <KeysetTable
        label="Email deliveries"
        empty="No email matches"
        query={query}
        columns={[
          { heading: "When", className: "whitespace-nowrap", cell: (r) => <LocalTime value={r.at} /> },
          { heading: "To", className: "max-w-64 truncate", cell: (r) => r.toEmail },
          { heading: "Template", cell: (r) => r.template },
          { heading: "Provider", cell: (r) => r.provider },
          { heading: "Status", cell: (r) => <DeliveryStatus status={r.status} error={r.errorMessage} /> },
        ]}
      />
    </>
  );
}

const SMS_FIELDS: FilterField[] = [
  { name: "provider", label: "Provider", placeholder: "twilio" },
  { name: "countryCode", label: "Country code", placeholder: "SO" },
  { name: "phone", label: "Number", placeholder: "+2526130…" },
  { name: "status", label: "Status", options: statusOptions },
];

/** Every SMS behind a bar or row of the messaging dashboard. */
export function SmsDeliveriesList({ range }: { range: DashboardRange }) {
  const f = useFilters(SMS_FIELDS);
  const query = trpc.dashboard.smsDeliveries.useInfiniteQuery(
    { from: range.from, to: range.to, provider: f.provider, countryCode: f.countryCode?.toUpperCase(), phone: f.phone, status: oneOf(STATUSES, f.status), limit: 25 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <>
      <FilterBar fields={SMS_FIELDS} />
      <KeysetTable
        label="SMS deliveries"
        empty="No SMS matches"
        query={query}
        columns={[
          { heading: "When", className: "whitespace-nowrap", cell: (r) => <LocalTime value={r.at} /> },
          { heading: "To", className: "font-mono text-xs", cell: (r) => r.toPhone },
          { heading: "Country", cell: (r) => countryName(r.countryCode) },
          { heading: "Template", cell: (r) => r.template },
          { heading: "Provider", cell: (r) => r.provider },
          { heading: "Status", cell: (r) => <DeliveryStatus status={r.status} error={r.errorMessage} /> },
          { heading: "Cost", align: "right", className: "whitespace-nowrap", cell: (r) => (r.cost !== null ? formatMoney(r.cost, r.currency) : "—") },
        ]}
      />
    </>
  );
}
