/** Only paths on this site: `/audit?x=1` yes; `//evil.example`, `https://…`, `/\\evil` no. */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length > 2000) return fallback;
  return next;
}
