/** What a panel shows when there is nothing to show, or something went wrong. */
export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-1 px-4 py-10 text-center" role="status">
      <svg aria-hidden viewBox="0 0 24 24" className="mb-1 size-8 text-slate-300" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 7l9-4 9 4v10l-9 4-9-4z" />
        <path d="M3 7l9 4 9-4M12 11v10" />
      </svg>
      <p className="text-sm font-medium text-slate-700">{title}</p>
      {children ? <p className="max-w-sm text-xs text-slate-500">{children}</p> : null}
    </div>
  );
}

export function ErrorState({ title = "This panel could not load", message, retry }: { title?: string; message?: string; retry?: () => void }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-4 py-10 text-center" role="alert">
      <p className="text-sm font-medium text-red-700">{title}</p>
      {message ? <p className="max-w-md text-xs text-slate-500">{message}</p> : null}
      {retry ? (
        <button type="button" onClick={retry} className="text-xs font-medium text-brand-700 underline underline-offset-2">
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Skeleton({ className = "" }: { className?: string }) {
  return <div className={`animate-pulse rounded-md bg-slate-200/70 ${className}`} aria-hidden />;
}

export function LoadingPanel({ label = "Loading", rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div className="space-y-3 px-5 py-5" role="status" aria-live="polite">
      <span className="sr-only">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={`h-4 ${i % 2 ? "w-3/4" : "w-full"}`} />
      ))}
    </div>
  );
}
