"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

/** Back to the dashboard a drill-down came from, over the same range. */
export function BackLink({ href, label }: { href: string; label: string }) {
  const params = useSearchParams();
  const keep = new URLSearchParams();
  for (const key of ["range", "from", "to"]) {
    const value = params.get(key);
    if (value) keep.set(key, value);
  }
  const query = keep.toString();
  return (
    <Link href={query ? `${href}?${query}` : href} className="mb-2 inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline">
      <span aria-hidden>←</span> {label}
    </Link>
  );
}
