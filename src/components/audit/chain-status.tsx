"use client";

import { Button } from "~/components/ui/button";
import { LocalTime } from "~/components/ui/local-time";
import { trpc } from "~/trpc/react";

/** Verifies the whole hash chain on demand and says plainly whether it holds. */
export function ChainStatus() {
  const verify = trpc.audit.verify.useQuery(undefined, { enabled: false, retry: false });
  const result = verify.data;
  const tone = !result ? "border-slate-200 bg-white" : result.ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50";
  return (
    <div className={`flex flex-wrap items-center justify-between gap-3 rounded-xl border px-4 py-3 shadow-sm ${tone}`} data-testid="chain-status">
      <div className="text-sm" aria-live="polite">
        {verify.isFetching ? (
          <p className="text-slate-700">Verifying every entry against its hash…</p>
        ) : verify.isError ? (
          <p className="text-red-800">Verification could not run: {verify.error.message}</p>
        ) : !result ? (
          <p className="text-slate-700">
            <strong>Tamper-evident log.</strong> Each entry&apos;s keyed hash covers its content and the entry before it; the database refuses edits and deletions.
          </p>
        ) : result.ok ? (
          <p className="text-emerald-900">
            <strong>Chain intact:</strong> all {result.entries.toLocaleString()} entries verified <LocalTime value={result.checkedAt} mode="time" />. Head #{result.headSeq}, hash <span className="font-mono text-xs">{result.headHash.slice(0, 16)}…</span>
          </p>
        ) : (
          <p className="text-red-900">
            <strong>Chain broken at entry #{result.firstBroken.seq ?? "?"}:</strong> {result.firstBroken.problem}. {result.entries.toLocaleString()} entries before it verified.
          </p>
        )}
      </div>
      <Button size="sm" variant={result && !result.ok ? "danger" : "secondary"} busy={verify.isFetching} onClick={() => void verify.refetch()}>
        {result ? "Verify again" : "Verify the chain"}
      </Button>
    </div>
  );
}
