"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { trpc } from "~/trpc/react";

/** How often a dashboard may ask again, as it appears in the URL (`?refresh=1m`). */
const REFRESH_EVERY = { "1m": 60_000, "5m": 300_000 } as const;
type RefreshEvery = keyof typeof REFRESH_EVERY;

function refreshEvery(value: string | null): RefreshEvery | null {
  return value !== null && Object.hasOwn(REFRESH_EVERY, value) ? (value as RefreshEvery) : null;
}

/**
 * Asks every panel again on a timer, for a dashboard left open on a wall or a
 * second screen. Kept in the URL like the range, so a shared link refreshes
 * too. A preset range ("last 24 hours") moves forward with each refresh: the
 * server renders the page again for the new "now". The right-now counts are
 * asked again either way. Nothing is asked while the tab is hidden; coming back
 * to it after the interval asks at once.
 */
export function AutoRefresh({ moving }: { moving: boolean }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const utils = trpc.useUtils();
  const every = refreshEvery(params.get("refresh"));

  useEffect(() => {
    if (!every) return;
    const interval = REFRESH_EVERY[every];
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    // One timer, re-armed after each refresh, so coming back to the tab does not add a second one.
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(tick, Math.max(0, last + interval - Date.now()));
    };
    const refresh = () => {
      last = Date.now();
      if (moving) {
        // New range, new queries; the panels without a range are asked here.
        router.refresh();
        void utils.dashboard.securitySnapshot.invalidate();
        void utils.dashboard.balancesByCurrency.invalidate();
        void utils.dashboard.freshness.invalidate();
      } else {
        void utils.dashboard.invalidate();
      }
    };
    function tick() {
      if (document.hidden) return; // asked again when the tab is shown
      refresh();
      schedule();
    }
    const onVisible = () => {
      if (document.hidden) return;
      if (Date.now() - last >= interval) refresh();
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [every, moving, router, utils]);

  function choose(value: string) {
    const next = new URLSearchParams(params);
    if (refreshEvery(value)) next.set("refresh", value);
    else next.delete("refresh");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }

  return (
    <label className="inline-flex items-center gap-1.5 text-xs text-slate-600">
      <span>Auto-refresh</span>
      <select value={every ?? "off"} onChange={(e) => choose(e.target.value)} className="rounded-md border-0 py-0.5 pr-7 pl-2 text-xs ring-1 ring-inset ring-slate-300">
        <option value="off">Off</option>
        <option value="1m">Every minute</option>
        <option value="5m">Every 5 minutes</option>
      </select>
    </label>
  );
}
