import { can, type Permission, type Role } from "./roles";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  section: "Monitor" | "Investigate" | "Compliance" | "Account";
}

/** The console's pages; each role sees only those its permissions open. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "Security overview", permission: "dashboards:read", section: "Monitor" },
  { href: "/audit", label: "Audit trail", permission: "audit:read", section: "Compliance" },
  { href: "/account", label: "My account", permission: "self:manage", section: "Account" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
