import { AppShell } from "~/components/shell/app-shell";
import { NoticeProvider } from "~/components/ui/notice";
import { requireSession } from "~/server/auth/current";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSession();
  return (
    <NoticeProvider>
      <AppShell user={session.user}>{children}</AppShell>
    </NoticeProvider>
  );
}
