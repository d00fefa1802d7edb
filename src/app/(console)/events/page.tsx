import type { Metadata } from "next";
import { Suspense } from "react";
import { EventsQueue } from "~/components/investigations/events-queue";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/lib/roles";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Security events" };

export default async function EventsPage() {
  const session = await requirePermission("investigations:read");
  return (
    <>
      <PageHeader title="Security events" description="The queue: acknowledge what you are looking at, assign it, and resolve it with a note." />
      <Suspense>
        <EventsQueue canAct={can(session.user.role, "events:act")} meId={session.user.id} />
      </Suspense>
    </>
  );
}
