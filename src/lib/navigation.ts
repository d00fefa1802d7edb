import { can, type Permission, type Role } from "./roles";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  section: "Monitor" | "Investigate" | "Compliance" | "My account";
}

/** The console's pages; each role sees only those its permissions open. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "Security overview", permission: "dashboards:read", section: "Monitor" },
  { href: "/messaging", label: "Messaging", permission: "dashboards:read", section: "Monitor" },
  { href: "/finance", label: "Finance", permission: "dashboards:read", section: "Monitor" },
  { href: "/users", label: "Users", permission: "investigations:read", section: "Investigate" },
  { href: "/events", label: "Security events", permission: "investigations:read", section: "Investigate" },
  { href: "/audit", label: "Audit trail", permission: "audit:read", section: "Compliance" },
  { href: "/account", label: "Overview", permission: "self:manage", section: "My account" },
  { href: "/account/sessions", label: "Sessions", permission: "self:manage", section: "My account" },
  { href: "/account/devices", label: "Devices", permission: "self:manage", section: "My account" },
  { href: "/account/history", label: "Login history", permission: "self:manage", section: "My account" },
  { href: "/account/alerts", label: "Security alerts", permission: "self:manage", section: "My account" },
  { href: "/account/security", label: "Password & two-factor", permission: "self:manage", section: "My account" },
  { href: "/account/notifications", label: "Notifications", permission: "self:manage", section: "My account" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
