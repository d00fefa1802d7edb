"use client";

import { Button } from "./button";

/** The footer of a keyset-paginated list: how many are shown, and the next page if there is one. */
export function LoadMore({ shown, hasMore, loading, onMore, moreLabel = "Load more", endLabel = "End of results" }: { shown: number; hasMore: boolean; loading: boolean; onMore: () => void; moreLabel?: string; endLabel?: string }) {
  return (
    <div className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
      <span>{shown.toLocaleString()} shown</span>
      {hasMore ? (
        <Button variant="secondary" size="sm" busy={loading} onClick={onMore}>
          {moreLabel}
        </Button>
      ) : (
        <span>{endLabel}</span>
      )}
    </div>
  );
}
