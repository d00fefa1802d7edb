"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { trpc } from "~/trpc/react";

export function SignOutButton({ className = "" }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  const end = trpc.auth.signOut.useMutation();
  return (
    <button
      type="button"
      disabled={busy}
      className={className}
      onClick={async () => {
        setBusy(true);
        // Revoke the session row first (with this request's address in the audit
        // trail); then let next-auth clear the cookie.
        await end.mutateAsync().catch(() => undefined);
        await signOut({ redirect: false });
        // A full page load, so nothing from the signed-in session lingers in memory.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/sign-in?reason=signed-out");
      }}
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
