import type { Metadata } from "next";
import { PasswordForm } from "~/components/account/password-form";
import { TwoFactorPanel } from "~/components/account/two-factor-panel";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/server/auth/current";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Password & two-factor" };

export default async function SecurityPage() {
  const session = await requirePermission("self:manage");
  const caller = await api();
  const [rules, twoFactor, overview] = await Promise.all([caller.me.password.rules(), caller.me.twoFactor.status(), caller.me.overview()]);
  return (
    <>
      <PageHeader title="Password & two-factor" description="How you prove it's you when you sign in." />
      <div className="space-y-6">
        <TwoFactorPanel initial={twoFactor} />
        <PasswordForm rules={rules} changedAt={overview.passwordChangedAt} email={session.user.email} />
      </div>
    </>
  );
}
