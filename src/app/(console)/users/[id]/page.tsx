import type { Metadata } from "next";
import Link from "next/link";
import { AccountBadges } from "~/components/investigations/status-badges";
import { RevokeRowButton, UserActions } from "~/components/investigations/user-actions";
import { UserTimeline } from "~/components/investigations/user-timeline";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { EmptyState } from "~/components/ui/states";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { can } from "~/lib/roles";
import { parseUserAgent } from "~/lib/user-agent";
import { orNotFound } from "~/server/api/page-errors";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "User" };

function IpLink({ ip }: { ip: string | null }) {
  if (!ip) return <span className="text-slate-400">—</span>;
  return (
    <Link href={`/ips/${encodeURIComponent(ip)}`} className="tabular text-brand-700 hover:underline">
      {ip}
    </Link>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-800">{children}</dd>
    </div>
  );
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("investigations:read");
  const { id } = await params;
  const trpc = await api();
  const { user, activeSessions, devices, tokenFamilies, apiKeys, twoFactor, kyc } = await orNotFound(trpc.users.detail({ userId: id }));
  const canAct = can(session.user.role, "accounts:act");
  const enabledFactors = twoFactor.filter((f) => f.enabled);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            <Link href="/users" className="hover:underline">Users</Link> / account
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
            {user.email} <AccountBadges user={user} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {user.displayName ?? "No display name"} · {user.phone ?? "no phone"} · joined <LocalTime value={user.createdAt} mode="date" />
          </p>
          <p className="mt-0.5 font-mono text-xs text-slate-400">{user.id}</p>
        </div>
        {canAct ? <UserActions userId={user.id} locked={user.lockedNow} isSelf={user.id === session.user.id} canManageRoles={can(session.user.role, "roles:manage")} currentRole={user.role} /> : null}
      </div>

      {user.lockedNow ? (
        <div role="status" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <strong>Locked</strong> until <LocalTime value={user.lockedUntil} /> — {user.lockReason ?? "no reason recorded"}
        </div>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card aria-labelledby="sessions-heading">
            <CardHeader id="sessions-heading" title={`Active sessions (${activeSessions.length})`} description="Signed in now: not revoked and not expired." />
            {activeSessions.length === 0 ? (
              <EmptyState title="No active sessions" />
            ) : (
              <Table label="Active sessions">
                <thead>
                  <tr>
                    <Th>Device</Th>
                    <Th>IP</Th>
                    <Th>Started</Th>
                    <Th>Last seen</Th>
                    <Th />
                  </tr>
                </thead>
                <TBody>
                  {activeSessions.map((s) => (
                    <tr key={s.id}>
                      <Td>
                        <span className="font-medium text-slate-800">{s.deviceName ?? parseUserAgent(s.userAgent).label}</span>
                        <span className="ml-2 text-xs text-slate-500">{s.source === "console" ? "Warden console" : "app"}{s.mfaVerified ? " · 2FA" : ""}</span>
                        {s.city || s.countryCode ? <p className="text-xs text-slate-500">{[s.city, s.countryCode].filter(Boolean).join(", ")}</p> : null}
                      </Td>
                      <Td><IpLink ip={s.ipAddress} /></Td>
                      <Td><LocalTime value={s.createdAt} /></Td>
                      <Td><LocalTime value={s.lastSeenAt} mode="relative" /></Td>
                      <Td align="right">{canAct ? <RevokeRowButton kind="session" id={s.id} label={`${s.deviceName ?? "this session"} from ${s.ipAddress ?? "an unknown address"}`} /> : null}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>

          <Card aria-labelledby="families-heading">
            <CardHeader id="families-heading" title="Refresh-token families" description="Each family descends from one sign-in; a reused token gives the family away." />
            {tokenFamilies.length === 0 ? (
              <EmptyState title="No refresh tokens issued" />
            ) : (
              <Table label="Refresh-token families">
                <thead>
                  <tr>
                    <Th>Family</Th>
                    <Th align="right">Tokens</Th>
                    <Th align="right">Live</Th>
                    <Th>Last issued</Th>
                    <Th>State</Th>
                    <Th />
                  </tr>
                </thead>
                <TBody>
                  {tokenFamilies.map((f) => (
                    <tr key={f.familyId}>
                      <Td className="font-mono text-xs">{f.familyId.slice(0, 8)}…</Td>
                      <Td align="right">{f.tokens}</Td>
                      <Td align="right">{f.live}</Td>
                      <Td><LocalTime value={f.lastIssued} /></Td>
                      <Td>
                        {f.reuseDetectedAt ? <Badge tone="danger">Reuse detected</Badge> : f.live > 0 ? <Badge tone="success">Live</Badge> : <Badge>Revoked or expired</Badge>}
                      </Td>
                      <Td align="right">{canAct && f.live > 0 ? <RevokeRowButton kind="family" id={f.familyId} label={`family ${f.familyId.slice(0, 8)} (${f.live} live tokens)`} /> : null}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>

          <Card aria-labelledby="timeline-heading">
            <CardHeader id="timeline-heading" title="Timeline" description="Sign-ins, events, sessions, recovery requests and messages, newest first." />
            <UserTimeline userId={user.id} />
          </Card>
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="facts-heading">
            <CardHeader id="facts-heading" title="Account" />
            <CardBody>
              <dl className="divide-y divide-slate-100">
                <Fact label="Status"><span className="capitalize">{user.status}</span></Fact>
                <Fact label="Failed attempts since last sign-in">{user.failedLoginCount}</Fact>
                <Fact label="Lockouts in a row">{user.lockoutCount}</Fact>
                <Fact label="Last sign-in"><LocalTime value={user.lastLoginAt} /></Fact>
                <Fact label="From"><IpLink ip={user.lastLoginIp} /></Fact>
                <Fact label="Email verified">{user.emailVerifiedAt ? <LocalTime value={user.emailVerifiedAt} mode="date" /> : "No"}</Fact>
                <Fact label="Password">{user.hasPassword ? <>changed <LocalTime value={user.passwordChangedAt} mode="date" /></> : "None (social sign-in only)"}</Fact>
                <Fact label="Two-factor">{enabledFactors.length ? enabledFactors.map((f) => `${f.method.toUpperCase()} (${f.backupCodesLeft} backup codes)`).join(", ") : <span className="text-amber-700">Off</span>}</Fact>
                <Fact label="KYC">{kyc ? <span className="capitalize">{kyc.status.replace("_", " ")}{kyc.riskLevel ? ` · ${kyc.riskLevel} risk` : ""}</span> : "Not started"}</Fact>
              </dl>
            </CardBody>
          </Card>

          <Card aria-labelledby="devices-heading">
            <CardHeader id="devices-heading" title={`Devices (${devices.length})`} />
            {devices.length === 0 ? (
              <EmptyState title="No devices seen" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {devices.map((d) => (
                  <li key={d.id} className="px-5 py-2.5 text-sm">
                    <p className="flex items-center gap-2 font-medium text-slate-800">
                      {d.name ?? "Unknown device"} {d.trusted ? <Badge tone="success">Trusted</Badge> : null}
                    </p>
                    <p className="text-xs text-slate-500">
                      First <LocalTime value={d.firstSeenAt} mode="date" /> · last <LocalTime value={d.lastSeenAt} mode="relative" /> · <IpLink ip={d.lastIpAddress} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card aria-labelledby="keys-heading">
            <CardHeader id="keys-heading" title={`API keys (${apiKeys.length})`} />
            {apiKeys.length === 0 ? (
              <EmptyState title="No API keys" />
            ) : (
              <ul className="divide-y divide-slate-100">
                {apiKeys.map((k) => (
                  <li key={k.id} className="flex items-start justify-between gap-2 px-5 py-2.5 text-sm">
                    <div>
                      <p className="font-medium text-slate-800">
                        {k.name} <span className="font-mono text-xs text-slate-500">{k.keyPrefix}…</span>
                      </p>
                      <p className="text-xs text-slate-500">
                        {k.scopes.join(", ") || "no scopes"} · {k.rateLimitPerMinute}/min · last used <LocalTime value={k.lastUsedAt} mode="relative" />
                      </p>
                      {k.revokedAt ? <Badge tone="neutral" className="mt-1">Revoked</Badge> : null}
                    </div>
                    {canAct && !k.revokedAt ? <RevokeRowButton kind="apiKey" id={k.id} label={`${k.name} (${k.keyPrefix}…)`} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
