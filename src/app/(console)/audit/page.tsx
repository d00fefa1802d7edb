import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditTrail } from "~/components/audit/audit-trail";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  await requirePermission("audit:read");
  return (
    <>
      <PageHeader title="Audit trail" description="Every sign-in, sign-out, role change and action taken in the console, with who, what, when and from where." />
      <Suspense>
        <AuditTrail />
      </Suspense>
    </>
  );
}
