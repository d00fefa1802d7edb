"use client";

import { useState } from "react";
import { Badge, SEVERITY_TONE } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { alertCopy } from "./alert-copy";
import { ConfirmDialog } from "./confirm-dialog";
import { errorMessage } from "./error-message";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";
import { placeName } from "./place";

type AlertPage = RouterOutputs["me"]["alerts"]["list"];
type Alert = AlertPage["items"][number];

/** Where to go after "this wasn't me": sign in again, then straight to the password form. */
const AFTER_REPORT = `/sign-in?reason=secured&next=${encodeURIComponent("/account/security#password")}`;

function Answer({ alert }: { alert: Alert }) {
  if (!alert.response) return null;
  return alert.response.answer === "was_me" ? (
    <p className="text-xs text-emerald-800">
      You confirmed this was you, <LocalTime value={alert.response.at} relative />.
    </p>
  ) : (
    <p className="text-xs text-red-800">
      You reported this as not you, <LocalTime value={alert.response.at} relative />. Our security team has it.
    </p>
  );
}

function AlertItem({ alert, onConfirm, onDeny, confirming }: { alert: Alert; onConfirm: () => void; onDeny: () => void; confirming: boolean }) {
  const copy = alertCopy(alert.eventType);
  const place = placeName(alert.city, alert.countryCode);
  const where = [alert.device, alert.ipAddress, place].filter(Boolean).join(" · ");
  return (
    <li className="space-y-2 px-5 py-4" data-testid="alert-row" data-alert-id={alert.id} data-event-type={alert.eventType}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-medium text-slate-900">{copy.title}</p>
        <Badge tone={SEVERITY_TONE[alert.severity] ?? "neutral"}>{alert.severity}</Badge>
        {alert.answerable && !alert.response ? <Badge tone="warning">Needs your answer</Badge> : null}
        {alert.fromHere ? <Badge tone="info">From this browser</Badge> : null}
      </div>
      <p className="text-sm text-slate-600">{copy.body}</p>
      <p className="text-xs text-slate-500">
        <LocalTime value={alert.createdAt} />
        {where ? ` · ${where}` : ""}
      </p>
      <Answer alert={alert} />
      {alert.answerable && alert.response?.answer !== "not_me" ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {alert.response?.answer !== "was_me" ? (
            <Button variant="secondary" size="sm" onClick={onConfirm} busy={confirming}>
              This was me
            </Button>
          ) : null}
          <Button variant="danger" size="sm" onClick={onDeny}>
            This wasn&apos;t me
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * Security events about the account, each with "this was me" and "this
 * wasn't me". The second signs out every session, this one too, so the page
 * then shows only what to do next: sign in again and change the password.
 */
export function AlertsPanel({ initial }: { initial: AlertPage }) {
  const utils = trpc.useUtils();
  const [unansweredOnly, setUnansweredOnly] = useState(false);
  const list = trpc.me.alerts.list.useInfiniteQuery(
    { limit: 25, unansweredOnly },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, initialData: unansweredOnly ? undefined : { pages: [initial], pageParams: [undefined] } },
  );
  const [denying, setDenying] = useState<Alert | null>(null);
  // Counted when the confirmation opens, so it says how many sessions will end right now.
  const others = trpc.me.sessions.previewSignOutOthers.useQuery(undefined, { enabled: denying !== null, staleTime: 0 });
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [reported, setReported] = useState<{ sessions: number; nextStep: string } | null>(null);

  const confirm = trpc.me.alerts.confirm.useMutation({
    onSuccess: async (outcome) => {
      setNotice({ tone: "success", text: outcome.status === "unchanged" ? outcome.detail : "Thanks. Marked as you." });
      await Promise.all([utils.me.alerts.list.invalidate(), utils.me.overview.invalidate()]);
    },
    onError: (error) => setNotice({ tone: "danger", text: errorMessage(error) }),
  });
  const deny = trpc.me.alerts.reportNotMe.useMutation({
    onSuccess: (outcome) => {
      setDenying(null);
      if (outcome.status === "unchanged") {
        setNotice({ tone: "success", text: outcome.detail });
        return;
      }
      // Every session is gone, this one too: refetching anything now would only bounce to sign-in.
      setReported({ sessions: outcome.result.sessionsSignedOut, nextStep: outcome.nextStep });
    },
  });

  if (reported) {
    return (
      <Card className="border-red-200" aria-labelledby="reported-heading">
        <div className="space-y-3 px-5 py-6" data-testid="report-done">
          <h2 id="reported-heading" className="text-base font-semibold text-slate-900">
            You&apos;ve been signed out everywhere
          </h2>
          <p className="text-sm text-slate-700">
            {reported.sessions > 1 ? `We signed out all ${reported.sessions} sessions on your account, this one included,` : "We signed out this session, the only one on your account,"} and told
            Warden&apos;s security team. They will look into it.
          </p>
          <p className="text-sm font-medium text-slate-900">{reported.nextStep}</p>
          <a href={AFTER_REPORT} className={buttonClass("primary")}>
            Sign in and change your password
          </a>
        </div>
      </Card>
    );
  }

  const alerts = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <Card aria-labelledby="alerts-heading">
        <CardHeader
          id="alerts-heading"
          title="Security alerts"
          description="Things that happened to your account. Tell us whether each was you."
          actions={
            <label className="flex items-center gap-2 text-xs text-slate-700">
              <input type="checkbox" checked={unansweredOnly} onChange={(e) => setUnansweredOnly(e.target.checked)} className="size-4 rounded border-slate-300" />
              Only those waiting for an answer
            </label>
          }
        />
        {list.isPending ? (
          <LoadingPanel label="Loading alerts" />
        ) : list.isError && alerts.length === 0 ? (
          <ErrorState message={errorMessage(list.error)} retry={() => void list.refetch()} />
        ) : alerts.length === 0 ? (
          <EmptyState title={unansweredOnly ? "Nothing waiting for you" : "No alerts"}>
            {unansweredOnly ? "You have answered every alert." : "When something security-related happens on your account, it shows up here."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {alerts.map((alert) => (
              <AlertItem
                key={alert.id}
                alert={alert}
                confirming={confirm.isPending && confirm.variables?.alertId === alert.id}
                onConfirm={() => confirm.mutate({ alertId: alert.id })}
                onDeny={() => {
                  deny.reset();
                  setDenying(alert);
                }}
              />
            ))}
          </ul>
        )}
        {list.isFetchingNextPage ? <LoadingPanel rows={2} label="Loading older alerts" /> : null}
        {list.hasNextPage ? (
          <div className="border-t border-slate-100 px-5 py-3">
            <Button variant="ghost" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              Show older alerts
            </Button>
          </div>
        ) : null}
      </Card>

      <ConfirmDialog
        open={denying !== null}
        title="Report this as not you?"
        confirmLabel="Sign out everywhere and report"
        busy={deny.isPending}
        error={deny.error ? errorMessage(deny.error) : null}
        onCancel={() => setDenying(null)}
        onConfirm={() => denying && deny.mutate({ alertId: denying.id })}
      >
        <p>
          &ldquo;{denying ? alertCopy(denying.eventType).title : ""}&rdquo; will be reported to Warden&apos;s security team as not you.
        </p>
        <p>
          <strong data-testid="report-preview">
            Every session on your account is signed out, this one included
            {others.data ? ` (${others.data.sessions + 1} in all)` : ""}.
          </strong>{" "}
          Then sign in again and change your password straight away.
        </p>
      </ConfirmDialog>
    </div>
  );
}
