"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { Button } from "./button";

export interface ActionDialogProps {
  /** The button that opens the dialog. */
  trigger: React.ReactNode;
  title: string;
  /** What the action will touch, said plainly before it runs. */
  impact?: React.ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Ask why: the reason goes into the audit trail. */
  requireReason?: boolean;
  reasonLabel?: string;
  /** Extra fields (an end time, a role). */
  children?: React.ReactNode;
  onConfirm: (reason: string) => Promise<string | void>;
}

/**
 * Every consequential action goes through this dialog: it shows what will
 * change, asks for a reason when the action is destructive, and reports the
 * server's answer (including "nothing to do") before closing.
 */
export function ActionDialog({ trigger, title, impact, confirmLabel, destructive = false, requireReason = destructive, reasonLabel = "Reason (kept in the audit trail)", children, onConfirm }: ActionDialogProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tooShort = requireReason && reason.trim().length < 3;

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (tooShort) {
      setError("Give a reason of at least 3 characters.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      setReason("");
    } catch (e) {
      setError(e instanceof Error ? e.message : "The action failed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={(next) => { setOpen(next); if (!next) setError(null); }}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl focus:outline-none">
          <form onSubmit={confirm} className="space-y-4">
            <Dialog.Title className="text-base font-semibold text-slate-900">{title}</Dialog.Title>
            <Dialog.Description asChild>
              <div className="text-sm text-slate-600">{impact ?? "This cannot be undone from here."}</div>
            </Dialog.Description>
            {children}
            {requireReason ? (
              <label className="block space-y-1.5">
                <span className="text-sm font-medium text-slate-800">{reasonLabel}</span>
                <textarea
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={3}
                  maxLength={500}
                  required
                  className="block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
                />
              </label>
            ) : null}
            {error ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" variant={destructive ? "danger" : "primary"} busy={busy}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
