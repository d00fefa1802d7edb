import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { LANDING_PAGE } from "~/lib/roles";
import { safeNextPath } from "~/lib/safe-redirect";
import { getCurrentSession } from "~/server/auth/current";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  ended: "Your session has ended. Sign in again to continue.",
  "signed-out": "You have signed out.",
  secured: "You've been signed out everywhere. Sign in, then change your password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const session = await getCurrentSession();
  const next = safeNextPath(first(params.next), "/");
  if (session) redirect(next === "/" ? LANDING_PAGE[session.user.role] : next);
  const reason = first(params.reason);
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-900 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" className="size-12" />
          <div>
            <h1 className="text-xl font-semibold text-white">Sign in to Warden</h1>
            <p className="mt-1 text-sm text-slate-400">Security operations for your application&apos;s sign-ins</p>
          </div>
        </div>
        <div className="rounded-2xl bg-white p-6 shadow-xl">
          <SignInForm next={next} notice={reason ? (NOTICES[reason] ?? null) : null} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">Every sign-in attempt is recorded with its address and device.</p>
      </div>
    </div>
  );
}
