/**
 * Who may do what. Every tRPC procedure names one permission (or "public" /
 * "signed-in") in its metadata; this table is the single answer to which
 * roles hold it, for the server's checks, the navigation and the role-matrix
 * test alike.
 */
export const ROLES = ["admin", "operator", "compliance", "user"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Security, messaging and finance dashboards. */
  "dashboards:read": ["admin", "operator", "compliance"],
  /** Users, IPs, events: reading the investigation pages. */
  "investigations:read": ["admin", "operator", "compliance"],
  /** Revoke sessions and keys, lock and unlock accounts, force resets. */
  "accounts:act": ["admin", "operator"],
  /** Acknowledge, assign and resolve security events. */
  "events:act": ["admin", "operator"],
  /** The audit trail and its verification. */
  "audit:read": ["admin", "compliance"],
  /** Change a console role. */
  "roles:manage": ["admin"],
  /** One's own account: sessions, devices, history, two-factor. */
  "self:manage": ["admin", "operator", "compliance", "user"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export type Access = Permission | "public" | "signed-in";

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  operator: "Operator",
  compliance: "Compliance",
  user: "End user",
};

/** Where each role lands after signing in. */
export const LANDING_PAGE: Record<Role, string> = {
  admin: "/overview",
  operator: "/overview",
  compliance: "/audit",
  user: "/account",
};
