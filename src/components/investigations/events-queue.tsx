"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Card } from "~/components/ui/card";
import { EVENT_STATUS_OPTIONS, SEVERITY_OPTIONS } from "~/lib/events";
import { trpc } from "~/trpc/react";
import { EventsTable } from "./events-table";

type Severity = (typeof SEVERITY_OPTIONS)[number];
type Status = (typeof EVENT_STATUS_OPTIONS)[number];

function Chips<T extends string>({ label, options, value, onChange }: { label: string; options: readonly T[]; value: T[]; onChange: (next: T[]) => void }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium text-slate-500">{label}</span>
      {options.map((option) => {
        const on = value.includes(option);
        return (
          <button key={option} type="button" aria-pressed={on} onClick={() => onChange(on ? value.filter((v) => v !== option) : [...value, option])} className={`rounded-full px-2.5 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${on ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}>
            {option}
          </button>
        );
      })}
    </div>
  );
}

/** The queue's filters live in the URL, so "open critical events assigned to me" is a link. */
export function EventsQueue({ canAct, meId }: { canAct: boolean; meId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const types = trpc.events.types.useQuery();
  const staff = trpc.users.staff.useQuery();
  const list = (key: string) => params.get(key)?.split(",").filter(Boolean) ?? [];
  const severity = list("severity").filter((s): s is Severity => (SEVERITY_OPTIONS as readonly string[]).includes(s));
  const status = params.has("status") ? list("status").filter((s): s is Status => (EVENT_STATUS_OPTIONS as readonly string[]).includes(s)) : (["open", "acknowledged"] as Status[]);
  const type = params.get("type") ?? "";
  const assignee = params.get("assignee") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    router.replace(`${pathname}?${next.toString()}`);
  }

  const validRange = !from || !to || new Date(from) < new Date(to);
  const filters = {
    severity: severity.length ? severity : undefined,
    status: status.length ? status : undefined,
    type: type || undefined,
    assignee: assignee === "me" ? meId : assignee || undefined,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
  };

  return (
    <div className="space-y-4">
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Chips label="Severity" options={SEVERITY_OPTIONS} value={severity} onChange={(v) => update({ severity: v.length ? v.join(",") : null })} />
          <Chips label="Status" options={EVENT_STATUS_OPTIONS} value={status} onChange={(v) => update({ status: v.join(",") })} />
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">Type</span>
            <select value={type} onChange={(e) => update({ type: e.target.value || null })} className="rounded-lg border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
              <option value="">Any type</option>
              {(types.data ?? []).map((t) => (
                <option key={t} value={t}>
                  {t.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">Assignee</span>
            <select value={assignee} onChange={(e) => update({ assignee: e.target.value || null })} className="rounded-lg border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unassigned</option>
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName ?? s.email}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">From</span>
            <input type="datetime-local" value={from} onChange={(e) => update({ from: e.target.value || null })} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
          <label className="space-y-1">
            <span className="block text-xs font-medium text-slate-500">To</span>
            <input type="datetime-local" value={to} onChange={(e) => update({ to: e.target.value || null })} className="rounded-lg border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
          <button type="button" className="pb-1.5 text-xs font-medium text-brand-700 underline underline-offset-2" onClick={() => router.replace(pathname)}>
            Reset filters
          </button>
        </div>
        {!validRange ? <p role="alert" className="text-xs text-red-700">The start of the range must be before its end.</p> : null}
      </div>
      <Card>{validRange ? <EventsTable filters={filters} canAct={canAct} /> : null}</Card>
    </div>
  );
}
