import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";

export default async function AuditPage() {
  await requirePermission("audit:read");
  return <PageHeader title="Audit trail" description="Every action taken in the console, chained and tamper-evident." />;
}
