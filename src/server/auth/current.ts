import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { SESSION_COOKIE } from "~/lib/cookies";
import { can, type Permission } from "~/lib/roles";
import { sessionFromCookie } from "./next-auth";
import type { ResolvedSession } from "./sessions";

/** The signed-in console session for this request, checked against the database once per render. */
export const getCurrentSession = cache(async (): Promise<ResolvedSession | null> => {
  const store = await cookies();
  return sessionFromCookie(store.get(SESSION_COOKIE)?.value);
});

/** For pages: the session, or a trip to the sign-in page that comes back here afterwards. */
export async function requireSession(): Promise<ResolvedSession> {
  const session = await getCurrentSession();
  if (!session) {
    const [h, c] = await Promise.all([headers(), cookies()]);
    const next = encodeURIComponent(h.get("x-warden-path") ?? "/");
    // A cookie that no longer opens anything: the session was revoked, expired, or its account locked.
    redirect(c.has(SESSION_COOKIE) ? `/sign-in?reason=ended&next=${next}` : `/sign-in?next=${next}`);
  }
  return session;
}

/** For pages: the session if its role holds the permission, otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<ResolvedSession> {
  const session = await requireSession();
  if (!can(session.user.role, permission)) forbidden();
  return session;
}
