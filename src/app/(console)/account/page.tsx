import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";

export default async function AccountPage() {
  const session = await requirePermission("self:manage");
  return <PageHeader title="My account" description={`Signed in as ${session.user.email}`} />;
}
