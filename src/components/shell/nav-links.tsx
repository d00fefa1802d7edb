"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "~/lib/navigation";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const sections = [...new Set(items.map((i) => i.section))];
  return (
    <nav aria-label="Main" className="space-y-5">
      {sections.map((section) => (
        <div key={section}>
          <p className="px-3 pb-1 text-[11px] font-semibold uppercase tracking-wider text-slate-500">{section}</p>
          <ul className="space-y-0.5">
            {items
              .filter((i) => i.section === section)
              .map((item) => {
                // "/account" is a section root: only exact matches light it up.
                const active = pathname === item.href || (item.href !== "/account" && pathname.startsWith(`${item.href}/`));
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-slate-800 font-medium text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"}`}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
