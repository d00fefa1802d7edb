"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "~/components/ui/button";

/**
 * Asks before a destructive action, saying what it will touch. A native
 * modal <dialog>: focus moves into it and stays there, Escape cancels, and
 * the page behind is inert, with no focus-trap code of our own.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = "danger",
  busy = false,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-3 px-5 py-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div className="space-y-2 text-sm text-slate-600">{children}</div>
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
        {/* Enter on a freshly opened danger dialog should not be the destructive choice. */}
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy} autoFocus={tone === "danger"}>
          Cancel
        </Button>
        <Button type="button" variant={tone} onClick={onConfirm} busy={busy} autoFocus={tone !== "danger"}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
