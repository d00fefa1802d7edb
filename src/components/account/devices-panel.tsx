"use client";

import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState, ErrorState, LoadingPanel } from "~/components/ui/states";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { DeviceIcon } from "./device-icon";
import { errorMessage } from "./error-message";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";
import { placeName } from "./place";

type DevicePage = RouterOutputs["me"]["devices"]["list"];
type Device = DevicePage["items"][number];

const PAGE = { limit: 25 } as const;

function DeviceRow({ device, onTrust, onForget, trustBusy }: { device: Device; onTrust: () => void; onForget: () => void; trustBusy: boolean }) {
  const place = placeName(device.lastCity, device.lastCountryCode);
  return (
    <li className="flex flex-wrap items-start gap-3 px-5 py-4" data-testid="device-row" data-device-id={device.id}>
      <span className="mt-0.5 rounded-lg bg-slate-100 p-2 text-slate-600">
        <DeviceIcon type={device.deviceType} />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {device.name}
          {device.current ? <Badge tone="success">This device</Badge> : null}
          {device.trusted ? <Badge tone="brand">Trusted</Badge> : <Badge tone="neutral">Not trusted</Badge>}
        </p>
        <dl className="mt-1 grid gap-x-4 gap-y-0.5 text-xs text-slate-600 sm:grid-cols-2">
          <div>
            <dt className="inline">First seen </dt>
            <dd className="inline">
              <LocalTime value={device.firstSeenAt} />
            </dd>
          </div>
          <div>
            <dt className="inline">Last seen </dt>
            <dd className="inline">
              <LocalTime value={device.lastSeenAt} relative />
            </dd>
          </div>
          <div>
            <dt className="sr-only">Last address</dt>
            <dd>
              <span className="font-mono">{device.lastIpAddress ?? "Unknown address"}</span>
              {place ? ` · ${place}` : ""}
            </dd>
          </div>
          <div>
            <dt className="sr-only">Signed in</dt>
            <dd>{device.activeSessions === 0 ? "Not signed in" : `Signed in: ${device.activeSessions} session${device.activeSessions === 1 ? "" : "s"}`}</dd>
          </div>
          {device.trusted && device.trustedAt ? (
            <div>
              <dt className="inline">Trusted since </dt>
              <dd className="inline">
                <LocalTime value={device.trustedAt} />
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={onTrust} busy={trustBusy} aria-label={`${device.trusted ? "Stop trusting" : "Trust"} ${device.name}`}>
          {device.trusted ? "Untrust" : "Trust"}
        </Button>
        <Button variant="danger" size="sm" onClick={onForget} aria-label={`Forget ${device.name}`}>
          Forget
        </Button>
      </div>
    </li>
  );
}

/**
 * Devices seen on the account. Trusting one is a statement the owner makes
 * (and is told about as an alert); forgetting one signs it out, and the
 * confirmation says how many sessions that ends, this one included if so.
 */
export function DevicesPanel({ initial }: { initial: DevicePage }) {
  const utils = trpc.useUtils();
  const list = trpc.me.devices.list.useInfiniteQuery(PAGE, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [undefined] },
  });
  const [forgetting, setForgetting] = useState<Device | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const preview = trpc.me.devices.previewForget.useQuery({ deviceId: forgetting?.id ?? "" }, { enabled: forgetting !== null, staleTime: 0 });
  const refresh = () => Promise.all([utils.me.devices.list.invalidate(), utils.me.sessions.list.invalidate(), utils.me.overview.invalidate()]);

  const setTrust = trpc.me.devices.setTrust.useMutation({
    onSuccess: async (outcome, input) => {
      setNotice({ tone: "success", text: outcome.status === "unchanged" ? outcome.detail : input.trusted ? "Device trusted. You'll see an alert about it, so you know it was you." : "Device no longer trusted." });
      await refresh();
    },
    onError: (error) => setNotice({ tone: "danger", text: errorMessage(error) }),
  });
  const forget = trpc.me.devices.forget.useMutation({
    onSuccess: async (outcome) => {
      if (outcome.status === "done" && outcome.result.signedOutHere) {
        // This browser's own session just ended: a full load shows the sign-in page with nothing stale behind it.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached query of the ended session
        window.location.assign("/sign-in?reason=ended");
        return;
      }
      const ended = outcome.status === "done" ? outcome.result.sessionsSignedOut : 0;
      setNotice({ tone: "success", text: `Forgot ${forgetting?.name ?? "the device"}${ended ? ` and signed out ${ended} session${ended === 1 ? "" : "s"} on it` : ""}.` });
      setForgetting(null);
      await refresh();
    },
  });

  const devices = list.data?.pages.flatMap((p) => p.items) ?? [];
  const pendingTrust = setTrust.isPending ? setTrust.variables?.deviceId : null;

  return (
    <div className="space-y-6">
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <Card aria-labelledby="devices-heading">
        <CardHeader id="devices-heading" title="Your devices" description="Every browser and phone that has signed in to your account, newest first." />
        {list.isError && devices.length === 0 ? (
          <ErrorState message={errorMessage(list.error)} retry={() => void list.refetch()} />
        ) : devices.length === 0 ? (
          <EmptyState title="No devices yet">Devices appear here after they sign in to your account.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {devices.map((device) => (
              <DeviceRow
                key={device.id}
                device={device}
                trustBusy={pendingTrust === device.id}
                onTrust={() => setTrust.mutate({ deviceId: device.id, trusted: !device.trusted })}
                onForget={() => {
                  forget.reset();
                  setForgetting(device);
                }}
              />
            ))}
          </ul>
        )}
        {list.isFetchingNextPage ? <LoadingPanel rows={2} label="Loading more devices" /> : null}
        {list.hasNextPage ? (
          <div className="border-t border-slate-100 px-5 py-3">
            <Button variant="ghost" size="sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              Show more devices
            </Button>
          </div>
        ) : null}
      </Card>

      <ConfirmDialog
        open={forgetting !== null}
        title={`Forget ${forgetting?.name ?? "this device"}?`}
        confirmLabel={preview.data?.here ? "Forget and sign me out" : "Forget device"}
        busy={forget.isPending || preview.isFetching}
        error={forget.error ? errorMessage(forget.error) : preview.error ? errorMessage(preview.error) : null}
        onCancel={() => setForgetting(null)}
        onConfirm={() => forgetting && forget.mutate({ deviceId: forgetting.id })}
      >
        {preview.data ? (
          <p data-testid="forget-preview">
            {preview.data.sessions === 0
              ? "It has no live sessions, so nothing is signed out."
              : `This signs out ${preview.data.sessions} session${preview.data.sessions === 1 ? "" : "s"} on it.`}{" "}
            {preview.data.here ? <strong>It is the device you are using, so you will be signed out here too.</strong> : null}
          </p>
        ) : (
          <p>Checking what is signed in on it…</p>
        )}
        <p>The next sign-in from it will count as a new device, and you will get an alert about it.</p>
      </ConfirmDialog>
    </div>
  );
}
