import type { Metadata } from "next";
import { AlertsPanel } from "~/components/account/alerts-panel";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Security alerts" };

export default async function AlertsPage() {
  await requirePermission("self:manage");
  const initial = await (await api()).me.alerts.list({ limit: 25 });
  return (
    <>
      <PageHeader title="Security alerts" description="New devices, lockouts, password and two-factor changes on your account. If one wasn't you, say so: we sign you out everywhere and our security team looks into it." />
      <AlertsPanel initial={initial} />
    </>
  );
}
