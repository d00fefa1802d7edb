import type { Metadata } from "next";
import { DevicesPanel } from "~/components/account/devices-panel";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage() {
  await requirePermission("self:manage");
  const initial = await (await api()).me.devices.list({ limit: 25 });
  return (
    <>
      <PageHeader title="Devices" description="Browsers and phones that have signed in to your account. Forgetting one signs it out." />
      <DevicesPanel initial={initial} />
    </>
  );
}
