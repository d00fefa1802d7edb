import type { Metadata } from "next";
import { SessionsPanel } from "~/components/account/sessions-panel";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requirePermission("self:manage");
  const initial = await (await api()).me.sessions.list({ limit: 25 });
  return (
    <>
      <PageHeader title="Sessions" description="Everywhere your account is signed in. Sign out any you don't recognise; it stops working on its next request." />
      <SessionsPanel initial={initial} />
    </>
  );
}
