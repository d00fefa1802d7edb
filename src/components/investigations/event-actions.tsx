"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionDialog } from "~/components/ui/action-dialog";
import { Button } from "~/components/ui/button";
import { useNotice } from "~/components/ui/notice";
import { trpc } from "~/trpc/react";

/** Acknowledge, assign and resolve one event from its own page. */
export function EventActions({ id, status, assigneeId }: { id: number; status: string; assigneeId: string | null }) {
  const router = useRouter();
  const notice = useNotice();
  const staff = trpc.users.staff.useQuery();
  const acknowledge = trpc.events.acknowledge.useMutation();
  const assign = trpc.events.assign.useMutation();
  const resolve = trpc.events.resolve.useMutation();
  const [assignee, setAssignee] = useState(assigneeId ?? "");
  if (status === "resolved") return null;
  return (
    <div className="flex flex-wrap items-end gap-2">
      {status === "open" ? (
        <Button variant="secondary" size="sm" busy={acknowledge.isPending} onClick={async () => { await acknowledge.mutateAsync({ ids: [id] }); notice("Acknowledged and assigned to you."); router.refresh(); }}>
          Acknowledge
        </Button>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">Assign to</span>
        <select
          value={assignee}
          onChange={async (e) => {
            setAssignee(e.target.value);
            const result = await assign.mutateAsync({ id, assigneeId: e.target.value || null });
            notice(result.status === "assigned" ? "Assignee changed." : "Nothing changed.", result.status === "assigned" ? "success" : "info");
            router.refresh();
          }}
          className="rounded-lg border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300"
        >
          <option value="">Nobody</option>
          {(staff.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName ?? s.email}
            </option>
          ))}
        </select>
      </label>
      <ActionDialog
        trigger={<Button size="sm">Resolve</Button>}
        title="Resolve event"
        impact="Marks the event resolved with your note; the note and your name are kept with it and in the audit trail."
        confirmLabel="Resolve"
        requireReason
        reasonLabel="Resolution note"
        onConfirm={async (note) => {
          await resolve.mutateAsync({ ids: [id], note });
          notice("Event resolved.");
          router.refresh();
        }}
      />
    </div>
  );
}
