import type { Metadata } from "next";
import { HistoryPanel } from "~/components/account/history-panel";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Login history" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("self:manage");
  const raw = (await searchParams).outcome;
  // Only the two filters the list knows; anything else in the address shows everything.
  const outcome = raw === "success" || raw === "failure" ? raw : undefined;
  const initial = await (await api()).me.history.list({ limit: 25, outcome });
  return (
    <>
      <PageHeader title="Login history" description="Every sign-in attempt on your account in the last 90 days, successful or not." />
      <HistoryPanel initial={initial} initialOutcome={outcome} />
    </>
  );
}
