import type { Metadata } from "next";
import { AccountOverview } from "~/components/account/account-overview";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const session = await requirePermission("self:manage");
  const overview = await (await api()).me.overview();
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${session.user.email}. Where you're signed in, your devices and how your account is protected.`} />
      <AccountOverview overview={overview} />
    </>
  );
}
