import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventActions } from "~/components/investigations/event-actions";
import { EventStatusBadge, SeverityBadge } from "~/components/investigations/status-badges";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { can } from "~/lib/roles";
import { orNotFound } from "~/server/api/page-errors";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Security event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("investigations:read");
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const event = await orNotFound((await api()).events.byId({ id: Number(id) }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            <Link href="/events" className="hover:underline">Security events</Link> / #{event.id}
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold capitalize text-slate-900">
            {event.eventType.replace(/_/g, " ")} <SeverityBadge severity={event.severity} /> <EventStatusBadge status={event.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Raised <LocalTime value={event.createdAt} /> · {event.assigneeEmail ? `assigned to ${event.assigneeEmail}` : "unassigned"}
          </p>
        </div>
        {can(session.user.role, "events:act") ? <EventActions id={event.id} status={event.status} assigneeId={event.assigneeId} /> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Subject" />
          <CardBody className="space-y-2 text-sm">
            <p>Account: {event.userId ? <Link className="text-brand-700 hover:underline" href={`/users/${event.userId}`}>{event.userEmail}</Link> : "none"}</p>
            <p>Address: {event.ipAddress ? <Link className="font-mono text-brand-700 hover:underline" href={`/ips/${encodeURIComponent(event.ipAddress)}`}>{event.ipAddress}</Link> : "none"}</p>
            <p className="break-all text-xs text-slate-500">{event.userAgent ?? "No user agent"}</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Resolution" />
          <CardBody className="text-sm">
            {event.status === "resolved" ? (
              <p>
                Resolved <LocalTime value={event.resolvedAt} /> by {event.resolvedByEmail ?? "unknown"}: <span className="italic">{event.resolutionNote}</span>
              </p>
            ) : (
              <p className="text-slate-500">Not resolved yet.</p>
            )}
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title="Details" description="As recorded by whatever raised the event." />
        <pre className="overflow-x-auto px-5 py-4 font-mono text-xs text-slate-700">{JSON.stringify(event.details, null, 2)}</pre>
      </Card>
    </div>
  );
}
