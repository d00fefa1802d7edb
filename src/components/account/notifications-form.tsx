"use client";

import { useMemo, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { type RouterOutputs, trpc } from "~/trpc/react";
import { errorMessage } from "./error-message";
import { Notice } from "./notice";

type Preferences = RouterOutputs["me"]["notifications"]["get"];
type AlertType = Preferences["preferences"][number]["alertType"];
type Channel = Preferences["preferences"][number]["channel"];

const ALERTS: Record<AlertType, { label: string; hint: string }> = {
  new_device: { label: "Sign-in from a new device", hint: "A browser or phone your account hasn't used before." },
  lockout: { label: "Account locked", hint: "Too many wrong passwords paused sign-in." },
  password_change: { label: "Password changed", hint: "Including changes you make yourself." },
  mfa_change: { label: "Two-factor changed", hint: "Turned on or off, or new backup codes." },
  suspicious_activity: { label: "Suspicious activity", hint: "Attacks on your account that Warden noticed." },
};

const CHANNELS: Record<Channel, string> = { email: "Email", sms: "Text message" };

const key = (type: AlertType, channel: Channel) => `${type}:${channel}`;

/** Which alerts to receive, by email and by text; saved together as one change. */
export function NotificationsForm({ initial }: { initial: Preferences }) {
  const utils = trpc.useUtils();
  const prefs = trpc.me.notifications.get.useQuery(undefined, { initialData: initial });
  const saved = useMemo(() => new Map(prefs.data.preferences.map((p) => [key(p.alertType, p.channel), p.enabled])), [prefs.data]);
  const [draft, setDraft] = useState<Map<string, boolean>>(() => new Map(saved));
  const [notice, setNotice] = useState<string | null>(null);
  const update = trpc.me.notifications.update.useMutation({
    onSuccess: async (outcome) => {
      setNotice(outcome.status === "done" ? `Saved ${outcome.result.changed} change${outcome.result.changed === 1 ? "" : "s"}.` : outcome.detail);
      await utils.me.notifications.get.invalidate();
    },
  });
  const changes = [...draft.entries()].filter(([k, v]) => saved.get(k) !== v);
  const types = Object.keys(ALERTS) as AlertType[];
  const channels = Object.keys(CHANNELS) as Channel[];

  return (
    <Card aria-labelledby="notifications-heading">
      <CardHeader
        id="notifications-heading"
        title="Security alerts to receive"
        description={
          <>
            Email goes to <span className="font-medium">{prefs.data.email}</span>.{" "}
            {prefs.data.smsAvailable ? `Texts go to ${prefs.data.phone}.` : "Texts need a verified phone number on your account."}
          </>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          update.mutate({
            preferences: changes.map(([k, enabled]) => {
              const [alertType, channel] = k.split(":") as [AlertType, Channel];
              return { alertType, channel, enabled };
            }),
          });
        }}
      >
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Alerts by channel</caption>
            <thead>
              <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                <th scope="col" className="px-5 py-2 font-medium">
                  Alert
                </th>
                {channels.map((c) => (
                  <th key={c} scope="col" className="w-28 px-3 py-2 text-center font-medium">
                    {CHANNELS[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {types.map((type) => (
                <tr key={type}>
                  <th scope="row" className="px-5 py-3 text-left font-normal">
                    <span className="block font-medium text-slate-900">{ALERTS[type].label}</span>
                    <span className="block text-xs text-slate-500">{ALERTS[type].hint}</span>
                  </th>
                  {channels.map((channel) => {
                    const k = key(type, channel);
                    const unavailable = channel === "sms" && !prefs.data.smsAvailable;
                    return (
                      <td key={channel} className="px-3 py-3 text-center">
                        <input
                          type="checkbox"
                          className="size-4 rounded border-slate-300 disabled:opacity-40"
                          aria-label={`${ALERTS[type].label} by ${CHANNELS[channel].toLowerCase()}`}
                          checked={draft.get(k) ?? false}
                          disabled={unavailable && !(draft.get(k) ?? false)}
                          onChange={(e) => setDraft((d) => new Map(d).set(k, e.target.checked))}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-5 py-3">
          <Button type="submit" disabled={changes.length === 0} busy={update.isPending}>
            Save changes
          </Button>
          {changes.length > 0 ? (
            <Button type="button" variant="ghost" onClick={() => setDraft(new Map(saved))}>
              Undo
            </Button>
          ) : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          {update.error ? <Notice tone="danger">{errorMessage(update.error)}</Notice> : null}
        </div>
      </form>
    </Card>
  );
}
