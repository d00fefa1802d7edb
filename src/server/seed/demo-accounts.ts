/**
 * The console's demo sign-ins, one per role. The README lists them; they exist
 * only in databases filled by `npm run db:seed`.
 */
export const DEMO_ACCOUNTS = [
  { role: "admin", email: "admin@warden.test", password: "Warden-admin-demo-1", displayName: "Ada Admin" },
  { role: "operator", email: "operator@warden.test", password: "Warden-operator-demo-1", displayName: "Otieno Operator" },
  { role: "compliance", email: "compliance@warden.test", password: "Warden-compliance-demo-1", displayName: "Chao Compliance" },
  { role: "user", email: "user@warden.test", password: "Warden-user-demo-1", displayName: "Uma User" },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
