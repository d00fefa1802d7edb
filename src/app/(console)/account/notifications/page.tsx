import type { Metadata } from "next";
import { NotificationsForm } from "~/components/account/notifications-form";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requirePermission("self:manage");
  const initial = await (await api()).me.notifications.get();
  return (
    <>
      <PageHeader title="Notifications" description="Which security alerts reach you outside Warden, and how." />
      <NotificationsForm initial={initial} />
    </>
  );
}
