"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";

/**
 * Backup codes, shown this once: Warden keeps only their hashes. Copy and
 * download happen in the browser; the codes never travel anywhere else.
 */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = `Warden backup codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4" data-testid="backup-codes">
      <div className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" role="status">
        Save these {codes.length} backup codes somewhere safe now. Each one signs you in once if you lose your phone. <strong>You won&apos;t see them again.</strong>
      </div>
      <ol className="grid max-w-md grid-cols-2 gap-2 font-mono text-sm tracking-wider text-slate-900">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-slate-100 px-3 py-1.5 text-center" data-testid="backup-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? "Copied" : "Copy codes"}
        </Button>
        <a
          className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="warden-backup-codes.txt"
        >
          Download as text
        </a>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} className="size-4 rounded border-slate-300" />
        I have saved these codes
      </label>
      <Button type="button" onClick={onDone} disabled={!saved}>
        Done
      </Button>
    </div>
  );
}
