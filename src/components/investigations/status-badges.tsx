import { Badge, SEVERITY_TONE } from "~/components/ui/badge";
import { ROLE_LABELS, type Role } from "~/lib/roles";

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <Badge tone={SEVERITY_TONE[severity] ?? "neutral"} className={severity === "critical" ? "font-semibold uppercase" : "capitalize"}>
      {severity}
    </Badge>
  );
}

export function EventStatusBadge({ status }: { status: string }) {
  const tone = status === "open" ? "warning" : status === "acknowledged" ? "info" : "success";
  return (
    <Badge tone={tone} className="capitalize">
      {status}
    </Badge>
  );
}

export function AccountBadges({ user }: { user: { role: Role; status: string; lockedNow?: boolean; lockedUntil?: Date | null; deletedAt?: Date | null } }) {
  const locked = user.lockedNow ?? (!!user.lockedUntil && user.lockedUntil > new Date());
  return (
    <span className="inline-flex flex-wrap gap-1">
      {user.role !== "user" ? <Badge tone="brand">{ROLE_LABELS[user.role]}</Badge> : null}
      {locked ? <Badge tone="danger">Locked</Badge> : null}
      {user.status !== "active" ? <Badge tone="warning" className="capitalize">{user.status}</Badge> : null}
      {user.deletedAt ? <Badge tone="neutral">Deleted</Badge> : null}
    </span>
  );
}

export function AttemptResultBadge({ result }: { result: string }) {
  const tone = result === "success" ? "success" : result === "locked" || result === "throttled" ? "danger" : "warning";
  return <Badge tone={tone}>{result.replace(/_/g, " ")}</Badge>;
}
