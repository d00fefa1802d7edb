import type { Metadata } from "next";
import { Suspense } from "react";
import { UserSearch } from "~/components/investigations/user-search";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("investigations:read");
  return (
    <>
      <PageHeader title="Users" description="Find an account by email, phone or id; narrow to locked accounts, two-factor users or those with open events." />
      <Suspense>
        <UserSearch />
      </Suspense>
    </>
  );
}
