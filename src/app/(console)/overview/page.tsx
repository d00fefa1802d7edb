import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";

export default async function OverviewPage() {
  await requirePermission("dashboards:read");
  return <PageHeader title="Security overview" description="Sign-ins, attacks and events across your application." />;
}
