"use client";

import Link from "next/link";
import { Button } from "~/components/ui/button";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { trpc } from "~/trpc/react";

const KIND_LABELS: Record<string, string> = {
  login: "Sign-in",
  event: "Security event",
  session_start: "Session",
  session_end: "Session",
  recovery: "Recovery",
  email: "Email",
  sms: "SMS",
};

/** Sign-in results as a person would say them. */
const ATTEMPT_LABELS: Record<string, string> = {
  success: "Signed in",
  failed_password: "Wrong password",
  unknown_user: "Unknown account",
  locked: "Refused: account locked",
  disabled: "Refused: account disabled",
  mfa_failed: "Wrong two-factor code",
  throttled: "Refused: too many attempts from the address",
  invalid_input: "Malformed sign-in",
};

const TONES: Record<string, string> = {
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
  neutral: "bg-slate-300",
};

/** Everything that happened to the account, newest first, a page at a time. */
export function UserTimeline({ userId }: { userId: string }) {
  const query = trpc.users.timeline.useInfiniteQuery({ userId, limit: 30 }, { getNextPageParam: (last) => last.nextCursor ?? undefined });
  if (query.isPending) return <LoadingPanel label="Loading the timeline" rows={8} />;
  if (query.isError) return <ErrorState message={query.error.message} retry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState title="Nothing has happened on this account yet" />;
  return (
    <div>
      <ol className="divide-y divide-slate-100" aria-label="Account timeline">
        {items.map((entry) => (
          <li key={`${entry.kind}:${entry.ref}`} className="flex gap-3 px-5 py-2.5">
            <span className={`mt-1.5 size-2 shrink-0 rounded-full ${TONES[entry.tone]}`} aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="text-sm text-slate-800">
                <span className="mr-2 text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[entry.kind]}</span>
                {entry.kind === "event" ? (
                  <Link href={`/events/${entry.ref}`} className="text-brand-700 hover:underline">
                    {entry.title.replace(/_/g, " ")}
                  </Link>
                ) : entry.kind === "login" ? (
                  (ATTEMPT_LABELS[entry.title] ?? entry.title)
                ) : (
                  entry.title.replace(/_/g, " ")
                )}
              </p>
              <p className="truncate text-xs text-slate-500">
                {entry.detail}
                {entry.ip ? (
                  <>
                    {entry.detail ? " · " : ""}
                    <Link href={`/ips/${encodeURIComponent(entry.ip)}`} className="hover:underline">
                      {entry.ip}
                    </Link>
                  </>
                ) : null}
              </p>
            </div>
            <LocalTime value={entry.at} className="shrink-0 text-xs text-slate-500" />
          </li>
        ))}
      </ol>
      <div className="border-t border-slate-100 px-5 py-3">
        {query.hasNextPage ? (
          <Button variant="secondary" size="sm" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Older entries
          </Button>
        ) : (
          <span className="text-xs text-slate-500">Start of the account&apos;s history</span>
        )}
      </div>
    </div>
  );
}
