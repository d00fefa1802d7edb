"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button } from "~/components/ui/button";
import { LocalTime } from "~/components/ui/local-time";
import { fromDateTimeLocal, MAX_RANGE_DAYS, PRESET_KEYS, RANGE_PRESETS, type RangePreset, toDateTimeLocal } from "~/lib/time-range";

const subscribe = () => () => {};
const RANGE_KEYS = ["range", "from", "to"];

/**
 * Last hour / 24 hours / 7 days / 30 days, or a custom from–to in the viewer's
 * zone. The choice is written to the URL (other parameters, such as a
 * drill-down's filters, are kept), so the server re-renders with it and a link
 * reproduces the view.
 */
export function TimeRangeControl({ current, error }: { current: { from: string; to: string; preset: RangePreset | null } | null; error?: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const client = useSyncExternalStore(subscribe, () => true, () => false);
  const [customOpen, setCustomOpen] = useState(current !== null && current.preset === null);
  const [formError, setFormError] = useState<string | null>(null);

  const hrefWith = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const key of RANGE_KEYS) next.delete(key);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    return `${pathname}?${next.toString()}`;
  };

  function applyCustom(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = fromDateTimeLocal(String(form.get("from") ?? ""));
    const to = fromDateTimeLocal(String(form.get("to") ?? ""));
    if (!from || !to) return setFormError("Give both a start and an end.");
    if (from >= to) return setFormError("The start must be before the end.");
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) return setFormError(`A range can span at most ${MAX_RANGE_DAYS} days.`);
    setFormError(null);
    router.push(hrefWith({ from: from.toISOString(), to: to.toISOString() }), { scroll: false });
  }

  const active = current?.preset ?? (current ? "custom" : null);
  const chip = (on: boolean) => `rounded-md px-3 py-1 ${on ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`;

  return (
    <div className="mb-6 space-y-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Time range" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {PRESET_KEYS.map((preset) => (
            <Link key={preset} href={hrefWith({ range: preset })} scroll={false} aria-current={active === preset ? "page" : undefined} className={chip(active === preset)} title={RANGE_PRESETS[preset].label}>
              {RANGE_PRESETS[preset].label.replace("Last hour", "1 hour").replace("Last ", "")}
            </Link>
          ))}
          <button type="button" aria-expanded={customOpen} aria-controls="custom-range" onClick={() => setCustomOpen((v) => !v)} className={chip(active === "custom")} aria-current={active === "custom" ? "page" : undefined}>
            Custom
          </button>
        </nav>
        {current ? (
          <p className="text-xs text-slate-500" data-testid="range-shown">
            <LocalTime value={current.from} /> → <LocalTime value={current.to} />
          </p>
        ) : null}
      </div>
      {customOpen ? (
        <form id="custom-range" onSubmit={applyCustom} className="flex flex-wrap items-end gap-3 text-sm" key={client ? "client" : "server"}>
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">From</span>
            <input type="datetime-local" name="from" defaultValue={client && current ? toDateTimeLocal(new Date(current.from)) : ""} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">To</span>
            <input type="datetime-local" name="to" defaultValue={client && current ? toDateTimeLocal(new Date(current.to)) : ""} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
          <Button type="submit" size="sm" variant="secondary">
            Apply range
          </Button>
          <span className="pb-1.5 text-xs text-slate-500">In your time zone{client ? ` (${Intl.DateTimeFormat().resolvedOptions().timeZone})` : ""}.</span>
        </form>
      ) : null}
      {formError ? (
        <p role="alert" className="text-xs text-red-700">
          {formError}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error} <Link href={pathname} className="font-medium underline underline-offset-2">Reset the range</Link>
        </p>
      ) : null}
    </div>
  );
}
