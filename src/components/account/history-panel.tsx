"use client";

import { useState } from "react";
import { Badge, type Tone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { DeviceIcon } from "./device-icon";
import { errorMessage } from "./error-message";
import { LocalTime } from "./local-time";
import { placeName } from "./place";

type HistoryPage = RouterOutputs["me"]["history"]["list"];
type Outcome = "success" | "failure" | undefined;

const RESULTS: Record<string, { label: string; tone: Tone }> = {
  success: { label: "Signed in", tone: "success" },
  failed_password: { label: "Wrong password", tone: "warning" },
  mfa_failed: { label: "Wrong two-factor code", tone: "warning" },
  locked: { label: "Refused: account locked", tone: "danger" },
  disabled: { label: "Refused: account suspended", tone: "danger" },
  throttled: { label: "Refused: too many tries", tone: "danger" },
  invalid_input: { label: "Rejected input", tone: "neutral" },
  unknown_user: { label: "Unknown account", tone: "neutral" },
};

const FILTERS: { value: Outcome; label: string }[] = [
  { value: undefined, label: "All" },
  { value: "success", label: "Successful" },
  { value: "failure", label: "Failed" },
];

/** Ninety days of sign-in attempts, newest first, new devices flagged, a page at a time. */
export function HistoryPanel({ initial, initialOutcome }: { initial: HistoryPage; initialOutcome: Outcome }) {
  const [outcome, setOutcome] = useState<Outcome>(initialOutcome);
  const input = { limit: 25, outcome };
  const list = trpc.me.history.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The server rendered one filter; switching to another fetches afresh.
    initialData: outcome === initialOutcome ? { pages: [initial], pageParams: [undefined] } : undefined,
  });
  const attempts = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card aria-labelledby="history-heading">
      <CardHeader
        id="history-heading"
        title="Sign-in attempts"
        description={
          <>
            Since <LocalTime value={initial.since} />. If you don&apos;t recognise a sign-in, sign that session out and change your password.
          </>
        }
        actions={
          <div role="group" aria-label="Show" className="inline-flex rounded-lg ring-1 ring-inset ring-slate-300">
            {FILTERS.map((filter) => (
              <button
                key={filter.label}
                type="button"
                aria-pressed={outcome === filter.value}
                onClick={() => {
                  setOutcome(filter.value);
                  const url = new URL(window.location.href);
                  if (filter.value) url.searchParams.set("outcome", filter.value);
                  else url.searchParams.delete("outcome");
                  window.history.replaceState(null, "", url);
                }}
                className="px-3 py-1.5 text-xs font-medium text-slate-700 first:rounded-l-lg last:rounded-r-lg aria-pressed:bg-slate-900 aria-pressed:text-white"
              >
                {filter.label}
              </button>
            ))}
          </div>
        }
      />
      {list.isPending ? (
        <LoadingPanel label="Loading sign-in history" />
      ) : list.isError && attempts.length === 0 ? (
        <ErrorState message={errorMessage(list.error)} retry={() => void list.refetch()} />
      ) : attempts.length === 0 ? (
        <EmptyState title={outcome === "failure" ? "No failed sign-ins" : outcome === "success" ? "No successful sign-ins" : "No sign-in attempts"}>
          Nothing in the last 90 days{outcome ? " matches this filter" : ""}.
        </EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Sign-in attempts, newest first">
          {attempts.map((attempt) => {
            const result = RESULTS[attempt.result] ?? { label: attempt.result, tone: "neutral" as const };
            const place = placeName(attempt.city, attempt.countryCode);
            return (
              <li key={attempt.id} className="flex flex-wrap items-start gap-3 px-5 py-3" data-testid="history-row">
                <span className="mt-0.5 rounded-lg bg-slate-100 p-1.5 text-slate-600">
                  <DeviceIcon type={attempt.device.deviceType} className="size-4" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-900">
                    <LocalTime value={attempt.createdAt} className="font-medium" />
                    <Badge tone={result.tone}>{result.label}</Badge>
                    {attempt.newDevice ? <Badge tone="info">New device</Badge> : null}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-600">
                    {attempt.device.label} · <span className="font-mono">{attempt.ipAddress}</span>
                    {place ? ` · ${place}` : ""}
                    {attempt.identifier.startsWith("+") ? ` · with your phone number` : ""}
                  </p>
                  {attempt.failureReason && attempt.result !== "success" ? <p className="mt-0.5 text-xs text-slate-500">{attempt.failureReason}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {list.isFetchingNextPage ? <LoadingPanel rows={2} label="Loading older attempts" /> : null}
      {list.hasNextPage ? (
        <div className="border-t border-slate-100 px-5 py-3">
          <Button variant="ghost" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            Show older attempts
          </Button>
        </div>
      ) : null}
      {list.isError && attempts.length > 0 ? <p className="px-5 pb-4 text-xs text-red-700">{errorMessage(list.error)}</p> : null}
      {input.outcome === undefined && attempts.length > 0 && !list.hasNextPage ? (
        <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">That is everything from the last 90 days.</p>
      ) : null}
    </Card>
  );
}
