"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "~/components/ui/button";

export type FilterField = { name: string; label: string; placeholder?: string; options?: undefined } | { name: string; label: string; options: readonly { value: string; label: string }[]; placeholder?: undefined };

/** The current filter values from the URL (first of a repeated key; empty is absent). */
export function useFilters(fields: readonly FilterField[]): Record<string, string | undefined> {
  const params = useSearchParams();
  return Object.fromEntries(fields.map((f) => [f.name, params.get(f.name)?.trim() || undefined]));
}

/**
 * A drill-down's filters, kept in the URL beside its range so the list is a
 * link. Applying replaces the filters and keeps the range.
 */
export function FilterBar({ fields }: { fields: readonly FilterField[] }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();

  function apply(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    for (const field of fields) {
      const value = String(form.get(field.name) ?? "").trim();
      if (value) next.set(field.name, value);
      else next.delete(field.name);
    }
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  }

  function clear() {
    const next = new URLSearchParams(params);
    for (const field of fields) next.delete(field.name);
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  }

  return (
    // Keyed by the URL so Back/Forward and links refill the inputs.
    <form key={params.toString()} onSubmit={apply} aria-label="Filters" className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
      {fields.map((field) => (
        <label key={field.name} className="min-w-0 space-y-1">
          <span className="block text-xs font-medium text-slate-500">{field.label}</span>
          {field.options ? (
            <select name={field.name} defaultValue={params.get(field.name) ?? ""} className="w-full rounded-lg border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 sm:w-auto">
              <option value="">Any</option>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input name={field.name} defaultValue={params.get(field.name) ?? ""} placeholder={field.placeholder} className="w-full rounded-lg border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 sm:w-44" />
          )}
        </label>
      ))}
      <div className="flex gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={clear}>
          Clear
        </Button>
      </div>
    </form>
  );
}
