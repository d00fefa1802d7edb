import Link from "next/link";
import { navigationFor } from "~/lib/navigation";
import { ROLE_LABELS } from "~/lib/roles";
import type { SessionUser } from "~/server/auth/sessions";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 px-3 text-white">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/icon.svg" alt="" className="size-7" />
      <span className="text-base font-semibold tracking-tight">Warden</span>
    </Link>
  );
}

function Identity({ user }: { user: SessionUser }) {
  return (
    <div className="min-w-0">
      <p className="truncate text-sm font-medium text-white" data-testid="signed-in-name">
        {user.displayName ?? user.email}
      </p>
      <p className="truncate text-xs text-slate-400">
        <span data-testid="signed-in-role">{ROLE_LABELS[user.role]}</span> · {user.email}
      </p>
    </div>
  );
}

/**
 * The console frame: navigation filtered to what the role may open, who is
 * signed in, and sign-out. On a phone the navigation folds into a menu.
 */
export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const items = navigationFor(user.role);
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="hidden bg-slate-900 lg:block">
        <aside className="lg:sticky lg:top-0 lg:flex lg:h-screen lg:flex-col lg:gap-6 lg:px-3 lg:py-5">
          <Brand />
          <div className="flex-1 overflow-y-auto">
            <NavLinks items={items} />
          </div>
          <div className="space-y-3 border-t border-slate-800 px-3 pt-4">
            <Identity user={user} />
            <SignOutButton className="w-full rounded-md bg-slate-800 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-700" />
          </div>
        </aside>
      </div>

      <details className="group bg-slate-900 lg:hidden">
        <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3">
          <Brand />
          <span className="rounded-md border border-slate-700 px-2 py-1 text-xs text-slate-200">
            <span className="group-open:hidden">Menu</span>
            <span className="hidden group-open:inline">Close</span>
          </span>
        </summary>
        <div className="space-y-4 border-t border-slate-800 px-3 py-4">
          <NavLinks items={items} />
          <div className="flex items-center justify-between gap-3 border-t border-slate-800 px-3 pt-4">
            <Identity user={user} />
            <SignOutButton className="shrink-0 rounded-md bg-slate-800 px-3 py-1.5 text-sm text-slate-200" />
          </div>
        </div>
      </details>

      <main id="main" className="min-w-0 px-4 py-6 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
