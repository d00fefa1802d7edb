const TONES = {
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  info: "bg-sky-50 text-sky-900 ring-sky-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
} as const;

/** A one-line outcome or warning above a panel; errors are announced, the rest politely. */
export function Notice({ tone, children, className = "" }: { tone: keyof typeof TONES; children: React.ReactNode; className?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={`rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
