import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import type { RouterOutputs } from "~/trpc/react";
import { LocalTime } from "./local-time";
import { Notice } from "./notice";
import { placeName } from "./place";

type Overview = RouterOutputs["me"]["overview"];

function Tile({ href, title, value, detail, testId }: { href: string; title: string; value: React.ReactNode; detail: React.ReactNode; testId: string }) {
  return (
    <Link href={href} className="group block rounded-xl focus-visible:outline-offset-4" data-testid={testId}>
      <Card className="h-full px-5 py-4 transition-shadow group-hover:shadow-md">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</p>
        <div className="mt-1 text-2xl font-semibold text-slate-900 tabular">{value}</div>
        <div className="mt-1 text-sm text-slate-600">{detail}</div>
      </Card>
    </Link>
  );
}

/** The account at a glance; each tile opens the page that can act on it. */
export function AccountOverview({ overview }: { overview: Overview }) {
  const previous = overview.previousSignIn;
  const place = previous ? placeName(previous.city, previous.countryCode) : null;
  return (
    <div className="space-y-6">
      {overview.unansweredAlerts > 0 ? (
        <Notice tone="warning">
          {overview.unansweredAlerts} security alert{overview.unansweredAlerts === 1 ? " needs" : "s need"} your answer.{" "}
          <Link href="/account/alerts" className="font-medium underline underline-offset-2">
            Review alerts
          </Link>
        </Notice>
      ) : null}
      {!overview.twoFactor.enabled ? (
        <Notice tone="info">
          Two-factor authentication is off.{" "}
          <Link href="/account/security#two-factor" className="font-medium underline underline-offset-2">
            Turn it on
          </Link>{" "}
          so a stolen password alone cannot open your account.
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <Tile href="/account/sessions" testId="tile-sessions" title="Signed in" value={overview.activeSessions} detail={`active session${overview.activeSessions === 1 ? "" : "s"}, this one included`} />
        <Tile
          href="/account/devices"
          testId="tile-devices"
          title="Devices"
          value={overview.devices.total}
          detail={`${overview.devices.trusted} trusted`}
        />
        <Tile
          href="/account/security#two-factor"
          testId="tile-two-factor"
          title="Two-factor"
          value={overview.twoFactor.enabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
          detail={overview.twoFactor.enabled ? `${overview.twoFactor.backupCodesRemaining} backup codes left` : "Add an authenticator app"}
        />
        <Tile
          href="/account/alerts"
          testId="tile-alerts"
          title="Alerts to answer"
          value={overview.unansweredAlerts}
          detail={overview.unansweredAlerts === 0 ? "Nothing waiting for you" : "Tell us whether each was you"}
        />
        <Tile
          href="/account/history?outcome=failure"
          testId="tile-failures"
          title="Failed sign-ins"
          value={overview.failedSignInsThisWeek}
          detail="in the last 7 days"
        />
        <Tile
          href="/account/security#password"
          testId="tile-password"
          title="Password"
          value={<span className="text-base font-medium">{overview.passwordChangedAt ? <LocalTime value={overview.passwordChangedAt} relative /> : "Never changed"}</span>}
          detail="last changed"
        />
      </div>
      <Card className="px-5 py-4">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Sign-in before this one</p>
        {previous ? (
          <p className="mt-1 text-sm text-slate-700">
            <LocalTime value={previous.createdAt} className="font-medium text-slate-900" /> · {previous.device} · <span className="font-mono">{previous.ipAddress}</span>
            {place ? ` · ${place}` : ""}.{" "}
            <Link href="/account/history" className="text-brand-700 underline underline-offset-2">
              Not you?
            </Link>
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">This is the first sign-in on record.</p>
        )}
      </Card>
    </div>
  );
}
