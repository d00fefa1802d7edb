"use client";

import { useState } from "react";
import { SignOutButton } from "~/components/shell/sign-out-button";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { DeviceIcon } from "./device-icon";
import { errorMessage } from "./error-message";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";
import { placeName } from "./place";

type SessionPage = RouterOutputs["me"]["sessions"]["list"];
type Session = NonNullable<SessionPage["current"]>;

const PAGE = { limit: 25 } as const;

function SessionFacts({ session }: { session: Session }) {
  const place = placeName(session.city, session.countryCode);
  return (
    <dl className="mt-1 grid gap-x-4 gap-y-0.5 text-xs text-slate-600 sm:grid-cols-2">
      <div>
        <dt className="sr-only">Address</dt>
        <dd>
          <span className="font-mono">{session.ipAddress ?? "Unknown address"}</span>
          {place ? <span> · {place}</span> : <span className="text-slate-400"> · location unknown</span>}
        </dd>
      </div>
      <div>
        <dt className="inline">Started </dt>
        <dd className="inline">
          <LocalTime value={session.createdAt} />
        </dd>
      </div>
      <div>
        <dt className="inline">Last active </dt>
        <dd className="inline">
          <LocalTime value={session.lastSeenAt} relative />
        </dd>
      </div>
      <div>
        <dt className="sr-only">Browser and system</dt>
        <dd>{[session.device.browser, session.device.os].filter(Boolean).join(" · ") || "Browser not recognised"}</dd>
      </div>
    </dl>
  );
}

function SessionRow({ session, action }: { session: Session; action?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-start gap-3 px-5 py-4" data-testid="session-row" data-session-id={session.id}>
      <span className="mt-0.5 rounded-lg bg-slate-100 p-2 text-slate-600">
        <DeviceIcon type={session.device.deviceType} />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {session.device.label}
          {session.current ? <Badge tone="success">This session</Badge> : null}
          <Badge tone="neutral">{session.source === "console" ? "Warden console" : "App"}</Badge>
          {session.mfaVerified ? <Badge tone="brand">Two-factor verified</Badge> : null}
        </p>
        <SessionFacts session={session} />
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </li>
  );
}

/**
 * Where the owner is signed in: this session apart, then every other, each
 * with a sign-out; and "sign out everywhere else", which first says how many
 * sessions it will end.
 */
export function SessionsPanel({ initial }: { initial: SessionPage }) {
  const utils = trpc.useUtils();
  const list = trpc.me.sessions.list.useInfiniteQuery(PAGE, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [undefined] },
  });
  const preview = trpc.me.sessions.previewSignOutOthers.useQuery(undefined, { enabled: false });
  const [target, setTarget] = useState<Session | null>(null);
  const [allOpen, setAllOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => Promise.all([utils.me.sessions.list.invalidate(), utils.me.overview.invalidate()]);

  const signOut = trpc.me.sessions.signOut.useMutation({
    onSuccess: async (outcome) => {
      setNotice(outcome.status === "done" ? `Signed out ${target?.device.label ?? "that session"}. It stops working on its next request.` : "That session had already ended.");
      setTarget(null);
      await refresh();
    },
  });
  const signOutOthers = trpc.me.sessions.signOutOthers.useMutation({
    onSuccess: async (result) => {
      setNotice(result.sessions === 0 ? "There were no other sessions to sign out." : `Signed out ${result.sessions} other session${result.sessions === 1 ? "" : "s"}.`);
      setAllOpen(false);
      await refresh();
    },
  });

  const current = list.data?.pages[0]?.current ?? null;
  const others = list.data?.pages.flatMap((p) => p.items) ?? [];
  const previewCount = preview.data?.sessions;

  return (
    <div className="space-y-6">
      {notice ? <Notice tone="success">{notice}</Notice> : null}

      <Card aria-labelledby="this-session">
        <CardHeader id="this-session" title="This session" description="The browser you are using now." />
        {current ? (
          <ul>
            <SessionRow session={current} action={<SignOutButton className={buttonClass("secondary", "sm")} />} />
          </ul>
        ) : (
          <EmptyState title="This session could not be found">It may have just ended. Reload the page to sign in again.</EmptyState>
        )}
      </Card>

      <Card aria-labelledby="other-sessions">
        <CardHeader
          id="other-sessions"
          title="Other sessions"
          description="Everywhere else your account is signed in, newest first."
          actions={
            <Button
              variant="danger"
              size="sm"
              disabled={others.length === 0}
              onClick={() => {
                setAllOpen(true);
                signOutOthers.reset();
                void preview.refetch();
              }}
            >
              Sign out everywhere else
            </Button>
          }
        />
        {list.isError && others.length === 0 ? (
          <ErrorState message={errorMessage(list.error)} retry={() => void list.refetch()} />
        ) : others.length === 0 ? (
          <EmptyState title="You're not signed in anywhere else">When you sign in on another browser or in the app, it shows up here.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {others.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                action={
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      signOut.reset();
                      setTarget(session);
                    }}
                    aria-label={`Sign out ${session.device.label}, ${session.ipAddress ?? ""}`}
                  >
                    Sign out
                  </Button>
                }
              />
            ))}
          </ul>
        )}
        {list.isFetchingNextPage ? <LoadingPanel rows={2} label="Loading more sessions" /> : null}
        {list.hasNextPage ? (
          <div className="border-t border-slate-100 px-5 py-3">
            <Button variant="ghost" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              Show more sessions
            </Button>
          </div>
        ) : null}
        {list.isError && others.length > 0 ? <p className="px-5 pb-4 text-xs text-red-700">{errorMessage(list.error)}</p> : null}
      </Card>

      <ConfirmDialog
        open={target !== null}
        title={`Sign out ${target?.device.label ?? "this session"}?`}
        confirmLabel="Sign out"
        busy={signOut.isPending}
        error={signOut.error ? errorMessage(signOut.error) : null}
        onCancel={() => setTarget(null)}
        onConfirm={() => target && signOut.mutate({ sessionId: target.id })}
      >
        <p>
          The session from <span className="font-mono">{target?.ipAddress ?? "an unknown address"}</span>, started{" "}
          {target ? <LocalTime value={target.createdAt} /> : null}, stops working on its next request. Whoever is using it will have to sign in again.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={allOpen}
        title="Sign out everywhere else?"
        confirmLabel={previewCount === undefined ? "Sign out everywhere else" : `Sign out ${previewCount} session${previewCount === 1 ? "" : "s"}`}
        busy={signOutOthers.isPending || preview.isFetching}
        error={signOutOthers.error ? errorMessage(signOutOthers.error) : preview.error ? errorMessage(preview.error) : null}
        onCancel={() => setAllOpen(false)}
        onConfirm={() => signOutOthers.mutate()}
      >
        {previewCount === undefined ? (
          <p>Counting your other sessions…</p>
        ) : (
          <p data-testid="sign-out-others-preview">
            This signs out <strong>{previewCount}</strong> other session{previewCount === 1 ? "" : "s"}
            {preview.data && preview.data.tokenFamilies > 0 ? ` and ends the app's stay-signed-in tokens for ${preview.data.tokenFamilies} of them` : ""}. You stay signed
            in here.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
