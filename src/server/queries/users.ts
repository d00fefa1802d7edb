import "server-only";
import { and, desc, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Role } from "~/lib/roles";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { apiKeys, kycRecords, refreshTokens, sessions, twoFactorAuth, userDevices, users } from "~/server/db/schema";
import { escapeLike } from "./audit";
import { outer } from "./correlated";
import { afterCursor, cursorTime, type Keyset, pageOf } from "./keyset";

export interface UserSearch {
  query?: string;
  lockedNow?: boolean;
  hasTwoFactor?: boolean;
  hasOpenEvents?: boolean;
  role?: Role;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the query box means: an id, a phone number (or its start), or part of an email. */
function matchQuery(query: string): SQL {
  const q = query.trim();
  if (UUID.test(q)) return eq(users.id, q.toLowerCase());
  if (/^\+?[0-9 ]{3,}$/.test(q)) return sql`${users.phone} LIKE ${`${q.replace(/\s/g, "").replace(/^(?!\+)/, "+")}%`}`;
  return sql`${users.email} ILIKE ${`%${escapeLike(q)}%`}`;
}

/** Newest accounts first, keyset-paginated on (created_at, id). Deleted accounts are included and marked. */
export async function searchUsers(db: Db, search: UserSearch, page: { cursor?: Keyset; limit: number }, now = new Date()) {
  const openEvents = sql<number>`(SELECT count(*)::int FROM security_events e WHERE e.user_id = ${outer(users.id)} AND e.status <> 'resolved')`;
  const twoFactor = sql<boolean>`EXISTS (SELECT 1 FROM two_factor_auth f WHERE f.user_id = ${outer(users.id)} AND f.enabled)`;
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      phone: users.phone,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      lockedUntil: users.lockedUntil,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      deletedAt: users.deletedAt,
      cursorAt: cursorTime(users.createdAt),
      twoFactor,
      openEvents,
    })
    .from(users)
    .where(
      and(
        search.query ? matchQuery(search.query) : undefined,
        search.lockedNow ? gt(users.lockedUntil, now) : undefined,
        search.hasTwoFactor ? twoFactor : undefined,
        search.hasOpenEvents ? sql`${openEvents} > 0` : undefined,
        search.role ? eq(users.role, search.role) : undefined,
        afterCursor(users.createdAt, users.id, page.cursor, "uuid"),
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit);
}

/** Everything the user page shows above the timeline, in one round of queries. */
export async function userProfile(db: Db, userId: string, now = new Date()) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const { passwordHash, ...profile } = user;
  const [activeSessions, devices, families, keys, factors, kyc] = await Promise.all([
    db
      .select({
        id: sessions.id,
        source: sessions.source,
        deviceName: sessions.deviceName,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
        countryCode: sessions.countryCode,
        city: sessions.city,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        mfaVerified: sessions.mfaVerified,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastSeenAt))
      .limit(100),
    db.select().from(userDevices).where(eq(userDevices.userId, userId)).orderBy(desc(userDevices.lastSeenAt)).limit(100),
    queryRows<{ family_id: string; tokens: number; live: number; first_issued: string; last_issued: string; reuse_detected_at: string | null; revoked_at: string | null; session_id: string | null }>(
      db,
      sql`SELECT family_id::text, count(*)::int AS tokens, count(*) FILTER (WHERE revoked_at IS NULL AND expires_at > ${now.toISOString()}::timestamptz)::int AS live,
                 min(created_at)::text AS first_issued, max(created_at)::text AS last_issued,
                 max(reuse_detected_at)::text AS reuse_detected_at, max(revoked_at)::text AS revoked_at, max(session_id::text) AS session_id
          FROM ${refreshTokens} WHERE user_id = ${userId}
          GROUP BY family_id ORDER BY max(created_at) DESC LIMIT 50`,
    ),
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        keyPrefix: apiKeys.keyPrefix,
        scopes: apiKeys.scopes,
        rateLimitPerMinute: apiKeys.rateLimitPerMinute,
        ipAllowlist: apiKeys.ipAllowlist,
        expiresAt: apiKeys.expiresAt,
        lastUsedAt: apiKeys.lastUsedAt,
        lastUsedIp: apiKeys.lastUsedIp,
        createdAt: apiKeys.createdAt,
        revokedAt: apiKeys.revokedAt,
        revokeReason: apiKeys.revokeReason,
      })
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(desc(apiKeys.createdAt)),
    db
      .select({ method: twoFactorAuth.method, enabled: twoFactorAuth.enabled, enabledAt: twoFactorAuth.enabledAt, backupCodesLeft: sql<number>`cardinality(${twoFactorAuth.backupCodeHashes})::int` })
      .from(twoFactorAuth)
      .where(eq(twoFactorAuth.userId, userId)),
    db.select().from(kycRecords).where(eq(kycRecords.userId, userId)).orderBy(desc(kycRecords.createdAt)).limit(1),
  ]);
  return {
    user: { ...profile, hasPassword: passwordHash !== null, lockedNow: !!user.lockedUntil && user.lockedUntil > now },
    activeSessions,
    devices,
    tokenFamilies: families.map((f) => ({
      familyId: f.family_id,
      tokens: f.tokens,
      live: f.live,
      firstIssued: new Date(f.first_issued),
      lastIssued: new Date(f.last_issued),
      reuseDetectedAt: f.reuse_detected_at ? new Date(f.reuse_detected_at) : null,
      revokedAt: f.revoked_at ? new Date(f.revoked_at) : null,
      sessionId: f.session_id,
    })),
    apiKeys: keys,
    twoFactor: factors,
    kyc: kyc[0] ?? null,
  };
}

export const TIMELINE_KINDS = ["login", "event", "session_start", "session_end", "recovery", "email", "sms"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineCursor {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`: microseconds, as the merged streams are ordered. */
  at: string;
  kind: TimelineKind;
  ref: string;
}

const TIMELINE_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * The timeline merges seven streams, so its position needs the stream too:
 * `(at, kind, ref)`, opaque to the client. Anything this module did not
 * write is a BAD_REQUEST, never a SQL error.
 */
export const ZTimelineCursor = z
  .string()
  .max(200)
  .transform((raw, ctx): TimelineCursor => {
    const [at, kind, ref, extra] = Buffer.from(raw, "base64url").toString("utf8").split("|");
    if (!at || !TIMELINE_AT.test(at) || Number.isNaN(Date.parse(at)) || !(TIMELINE_KINDS as readonly string[]).includes(kind ?? "") || !ref || ref.length > 64 || extra !== undefined) {
      ctx.addIssue({ code: "custom", message: "That page link is out of date or damaged. Go back to the first page." });
      return z.NEVER;
    }
    return { at, kind: kind as TimelineKind, ref };
  });

const encodeTimelineCursor = (c: TimelineCursor) => Buffer.from(`${c.at}|${c.kind}|${c.ref}`).toString("base64url");

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  ref: string;
  title: string;
  detail: string | null;
  ip: string | null;
  tone: "neutral" | "success" | "warning" | "danger";
}

/**
 * One stream of everything that happened to an account, newest first:
 * sign-in attempts, security events, sessions starting and ending, recovery
 * requests and messages sent. Each source is cut at the cursor and limited on
 * its own (using its user/time index) before the streams are merged.
 */
export async function userTimeline(db: Db, userId: string, page: { cursor?: TimelineCursor; limit: number }): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const n = page.limit + 1;
  const c = page.cursor;
  const after = (at: SQL, kind: TimelineKind, ref: SQL) =>
    c ? sql`AND (${at}, ${kind}::text, ${ref}) < (${c.at}::timestamptz, ${c.kind}::text, ${c.ref}::text)` : sql``;
  const fmt = (at: SQL) => sql`to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const rows = await queryRows<{ at: string; kind: TimelineKind; ref: string; title: string; detail: string | null; ip: string | null; tone: TimelineEntry["tone"] }>(
    db,
    sql`SELECT * FROM (
      (SELECT ${fmt(sql`created_at`)} AS at, 'login' AS kind, id::text AS ref, attempt_result::text AS title,
              failure_reason AS detail, host(ip_address) AS ip,
              CASE WHEN attempt_result = 'success' THEN 'success' WHEN attempt_result IN ('locked','throttled') THEN 'danger' ELSE 'warning' END AS tone
       FROM login_attempts WHERE user_id = ${userId} ${after(sql`created_at`, "login", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`created_at`)}, 'event', id::text, event_type, severity::text || ' · ' || status::text, host(ip_address),
              CASE WHEN severity IN ('high','critical') THEN 'danger' WHEN severity = 'medium' THEN 'warning' ELSE 'neutral' END
       FROM security_events WHERE user_id = ${userId} ${after(sql`created_at`, "event", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`created_at`)}, 'session_start', id::text, coalesce(device_name, 'Session') || ' signed in', source::text, host(ip_address), 'neutral'
       FROM sessions WHERE user_id = ${userId} ${after(sql`created_at`, "session_start", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`revoked_at`)}, 'session_end', id::text, coalesce(device_name, 'Session') || ' ended', revoke_reason, host(ip_address), 'neutral'
       FROM sessions WHERE user_id = ${userId} AND revoked_at IS NOT NULL ${after(sql`revoked_at`, "session_end", sql`id::text`)}
       ORDER BY revoked_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`created_at`)}, 'recovery', id::text, recovery_type::text, status::text || CASE WHEN initiated_by IS NOT NULL THEN ' · forced by staff' ELSE '' END, host(requested_ip), 'warning'
       FROM account_recovery WHERE user_id = ${userId} ${after(sql`created_at`, "recovery", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`created_at`)}, 'email', id::text, 'Email: ' || template, provider || ' · ' || status::text, NULL,
              CASE WHEN status IN ('failed','bounced') THEN 'warning' ELSE 'neutral' END
       FROM email_delivery_log WHERE user_id = ${userId} ${after(sql`created_at`, "email", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
      UNION ALL
      (SELECT ${fmt(sql`created_at`)}, 'sms', id::text, 'SMS: ' || template, provider || ' · ' || status::text, NULL,
              CASE WHEN status = 'failed' THEN 'warning' ELSE 'neutral' END
       FROM sms_delivery_log WHERE user_id = ${userId} ${after(sql`created_at`, "sms", sql`id::text`)}
       ORDER BY created_at DESC, id::text DESC LIMIT ${n})
    ) merged ORDER BY at DESC, kind DESC, ref DESC LIMIT ${n}`,
  );
  const hasMore = rows.length > page.limit;
  const items = (hasMore ? rows.slice(0, page.limit) : rows).map((r) => ({ ...r, at: new Date(r.at) }));
  const last = rows[page.limit - 1];
  return { items, nextCursor: hasMore && last ? encodeTimelineCursor(last) : null };
}

/** Staff who can be assigned events. */
export async function staffMembers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(or(eq(users.role, "operator"), eq(users.role, "admin")), isNull(users.deletedAt)))
    .orderBy(users.email)
    .limit(200);
}
