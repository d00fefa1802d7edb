"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionDialog } from "~/components/ui/action-dialog";
import { Button } from "~/components/ui/button";
import { useNotice } from "~/components/ui/notice";
import { ROLE_LABELS, ROLES, type Role } from "~/lib/roles";
import { trpc } from "~/trpc/react";

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The staff actions on one account, each behind a dialog that says what it will touch. */
export function UserActions({ userId, locked, isSelf, canManageRoles, currentRole }: { userId: string; locked: boolean; isSelf: boolean; canManageRoles: boolean; currentRole: Role }) {
  const router = useRouter();
  const notice = useNotice();
  const utils = trpc.useUtils();
  const impact = trpc.actions.impact.useQuery({ userId });
  const revokeAll = trpc.actions.revokeAllSessions.useMutation();
  const lock = trpc.actions.lockAccount.useMutation();
  const unlock = trpc.actions.unlockAccount.useMutation();
  const reset = trpc.actions.forcePasswordReset.useMutation();
  const reset2fa = trpc.actions.resetTwoFactor.useMutation();
  const setRole = trpc.actions.setRole.useMutation();
  const [until, setUntil] = useState("");
  const [role, setRoleDraft] = useState<Role>(currentRole);

  const done = async (message: string, changed: boolean) => {
    notice(changed ? message : "Nothing to do: already in that state.", changed ? "success" : "info");
    await utils.actions.impact.invalidate({ userId });
    await utils.users.timeline.invalidate({ userId });
    router.refresh();
  };

  const i = impact.data;
  const sessionsText = i ? `Signs out ${plural(i.activeSessions, "active session")}${isSelf ? " (your current one is kept)" : ""} and revokes ${plural(i.liveTokenFamilies, "refresh-token family", "refresh-token families")}.` : "Counting sessions…";

  return (
    <div className="flex flex-wrap gap-2" aria-label="Account actions">
      <ActionDialog
        trigger={<Button variant="secondary" size="sm">Revoke all sessions</Button>}
        title="Revoke all sessions"
        impact={sessionsText}
        confirmLabel="Revoke sessions"
        destructive
        onConfirm={async (reason) => {
          const r = await revokeAll.mutateAsync({ userId, reason, keepMine: true });
          await done(`${plural(r.sessions, "session")} and ${plural(r.tokenFamilies, "token family", "token families")} revoked.`, r.status === "done");
        }}
      />
      {locked ? (
        <ActionDialog
          trigger={<Button variant="secondary" size="sm">Unlock account</Button>}
          title="Unlock account"
          impact={i ? `Clears the lock and ${plural(i.failedLoginCount, "recorded failure")}; the owner can sign in again at once.` : "Clears the lock and the failure counter."}
          confirmLabel="Unlock"
          requireReason
          onConfirm={async (reason) => {
            const r = await unlock.mutateAsync({ userId, reason });
            await done("Account unlocked.", r.status === "done");
          }}
        />
      ) : isSelf ? null : (
        <ActionDialog
          trigger={<Button variant="secondary" size="sm">Lock account</Button>}
          title="Lock account"
          impact={i ? `Sign-in is refused until the lock ends, and the ${plural(i.activeSessions, "active session")} stop working on their next request.` : undefined}
          confirmLabel="Lock account"
          destructive
          onConfirm={async (reason) => {
            const r = await lock.mutateAsync({ userId, reason, until: until ? new Date(until) : null });
            await done("Account locked.", r.status === "done");
          }}
        >
          <label className="block space-y-1.5">
            <span className="text-sm font-medium text-slate-800">Locked until (leave empty to lock until someone unlocks it)</span>
            <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} className="block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
          </label>
        </ActionDialog>
      )}
      <ActionDialog
        trigger={<Button variant="secondary" size="sm">Force password reset</Button>}
        title="Force a password reset"
        impact={i ? `Issues a one-time reset link (stored hashed, valid 24 hours) and signs out ${plural(i.activeSessions, "session")}.` : undefined}
        confirmLabel="Force reset"
        destructive
        onConfirm={async (reason) => {
          const r = await reset.mutateAsync({ userId, reason });
          await done(`Reset issued; ${plural(r.sessionsRevoked ?? 0, "session")} signed out.`, r.status === "done");
        }}
      />
      {i && i.secondFactors.length > 0 ? (
        <ActionDialog
          trigger={<Button variant="secondary" size="sm">Reset two-factor</Button>}
          title="Reset two-factor"
          impact={`Removes ${i.secondFactors.map((f) => `${f.method.toUpperCase()}${f.backupCodes ? ` and ${plural(f.backupCodes, "backup code")}` : ""}`).join(", ")}. The owner will have to enrol again.`}
          confirmLabel="Reset two-factor"
          destructive
          onConfirm={async (reason) => {
            const r = await reset2fa.mutateAsync({ userId, reason });
            await done("Two-factor removed.", r.status === "done");
          }}
        />
      ) : null}
      {canManageRoles ? (
        <ActionDialog
          trigger={<Button variant="ghost" size="sm">Change role</Button>}
          title="Change console role"
          impact="The new role applies from the next request; their console sessions are signed out."
          confirmLabel="Change role"
          requireReason
          onConfirm={async (reason) => {
            const r = await setRole.mutateAsync({ userId, role, reason });
            if (r.status === "unchanged" && r.detail) notice(r.detail, "info");
            else await done(`Role changed to ${ROLE_LABELS[role]}.`, true);
          }}
        >
          <label className="block space-y-1.5">
            <span className="text-sm font-medium text-slate-800">New role</span>
            <select value={role} onChange={(e) => setRoleDraft(e.target.value as Role)} className="block w-full rounded-lg border-0 py-2 pl-3 text-sm ring-1 ring-inset ring-slate-300">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        </ActionDialog>
      ) : null}
    </div>
  );
}

/** A one-row revoke (a session, a token family, an API key). */
export function RevokeRowButton({ kind, id, label }: { kind: "session" | "family" | "apiKey"; id: string; label: string }) {
  const router = useRouter();
  const notice = useNotice();
  const session = trpc.actions.revokeSession.useMutation();
  const family = trpc.actions.revokeTokenFamily.useMutation();
  const key = trpc.actions.revokeApiKey.useMutation();
  const what = { session: "session", family: "refresh-token family", apiKey: "API key" }[kind];
  return (
    <ActionDialog
      trigger={<Button variant="ghost" size="sm" className="text-red-700">Revoke</Button>}
      title={`Revoke ${what}`}
      impact={<>Revokes <strong>{label}</strong>. {kind === "session" ? "It stops working on its next request, and its refresh tokens with it." : kind === "family" ? "Every token in the family stops working." : "Requests with this key are refused from now on."}</>}
      confirmLabel="Revoke"
      destructive
      onConfirm={async (reason) => {
        const result =
          kind === "session" ? await session.mutateAsync({ sessionId: id, reason }) : kind === "family" ? await family.mutateAsync({ familyId: id, reason }) : await key.mutateAsync({ apiKeyId: id, reason });
        notice(result.status === "revoked" || result.status === "done" ? `${what[0]!.toUpperCase()}${what.slice(1)} revoked.` : "Already revoked: nothing changed.", result.status === "revoked" || result.status === "done" ? "success" : "info");
        router.refresh();
      }}
    />
  );
}
