import "server-only";
import type { AuditEntryInput } from "~/server/queries/audit";
import type { SeedData } from "./context";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const DAY = 86_400_000;

/**
 * The staff actions behind the demo data's state (the locks, the resolved
 * events, the console roles), as audit entries in time order. Written
 * through the real chain, so the demo trail verifies like a live one.
 */
export function auditHistory(data: SeedData, anchor: Date): { at: Date; entry: AuditEntryInput }[] {
  const staff = Object.fromEntries(
    DEMO_ACCOUNTS.map((a) => {
      const row = data.users.find((u) => u.email === a.email)!;
      return [a.role, { id: row.id!, email: a.email, role: a.role }];
    }),
  ) as Record<(typeof DEMO_ACCOUNTS)[number]["role"], { id: string; email: string; role: (typeof DEMO_ACCOUNTS)[number]["role"] }>;
  const history: { at: Date; entry: AuditEntryInput }[] = [];
  const office = { ipAddress: "196.201.214.10", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 Safari/605.1.15" };

  for (const role of ["operator", "compliance"] as const) {
    const created = data.users.find((u) => u.id === staff[role].id)!.createdAt!;
    history.push({
      at: new Date(created.getTime() + DAY),
      entry: { actor: staff.admin, action: "role.change", target: { type: "user", id: staff[role].id }, reason: "Joined the security team", before: { role: "user" }, after: { role }, ...office },
    });
  }

  for (const user of data.users) {
    if (!user.lockedUntil || user.lockedUntil <= anchor || !user.lockReason) continue;
    const automatic = user.lockReason.includes("automatically");
    if (automatic) continue;
    const lockedAt = new Date(Math.min(anchor.getTime() - 60 * 60_000, user.lockedUntil.getTime() - 2 * DAY));
    history.push({
      at: lockedAt,
      entry: { actor: staff.operator, action: "account.lock", target: { type: "user", id: user.id! }, reason: user.lockReason, before: { lockedUntil: null }, after: { lockedUntil: user.lockedUntil, lockReason: user.lockReason }, ...office },
    });
  }

  // The most recent resolutions (ids are assigned in time order when the events are inserted).
  const resolved = data.securityEvents
    .map((event, index) => ({ event, id: index + 1 }))
    .filter(({ event }) => event.status === "resolved" && event.resolvedAt && event.resolvedBy === staff.operator.id)
    .slice(-25);
  for (const { event, id } of resolved) {
    history.push({
      at: event.resolvedAt!,
      entry: { actor: staff.operator, action: "event.resolve", target: { type: "security_event", id: String(id) }, reason: event.resolutionNote, before: { status: "acknowledged" }, after: { status: "resolved", note: event.resolutionNote }, ...office },
    });
  }
  return history.sort((a, b) => a.at.getTime() - b.at.getTime());
}
