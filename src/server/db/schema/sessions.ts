import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  inet,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, timestamptz } from "./util/columns";
import { sessionAuditAction, sessionSource } from "./util/enums";

/** Devices seen on an account, keyed by the fingerprint the client reports. */
export const userDevices = pgTable(
  "user_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fingerprint: varchar("fingerprint", { length: 128 }).notNull(),
    name: text("name"),
    deviceType: varchar("device_type", { length: 32 }),
    os: text("os"),
    browser: text("browser"),
    trusted: boolean("trusted").notNull().default(false),
    trustedAt: timestamptz("trusted_at"),
    firstSeenAt: timestamptz("first_seen_at").notNull().defaultNow(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    lastIpAddress: inet("last_ip_address"),
    lastCountryCode: varchar("last_country_code", { length: 2 }),
    lastCity: text("last_city"),
  },
  (t) => [
    uniqueIndex("user_devices_user_fingerprint_key").on(t.userId, t.fingerprint),
    index("user_devices_user_last_seen_idx").on(t.userId, t.lastSeenAt.desc()),
    check("user_devices_trusted_consistent", sql`${t.trusted} = (${t.trustedAt} IS NOT NULL)`),
    check("user_devices_seen_order", sql`${t.lastSeenAt} >= ${t.firstSeenAt}`),
  ],
);

/**
 * Server-side sessions, both the watched application's and Warden's own. Only
 * the SHA-256 of the bearer token is stored; the token itself lives in the
 * client's cookie and nowhere else.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    source: sessionSource("source").notNull().default("app"),
    deviceId: uuid("device_id").references(() => userDevices.id, { onDelete: "set null" }),
    deviceName: text("device_name"),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    countryCode: varchar("country_code", { length: 2 }),
    city: text("city"),
    mfaVerified: boolean("mfa_verified").notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    /** Absolute end of life; the idle timeout is measured from last_seen_at. */
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    // A user's active sessions, and the count of all active sessions.
    index("sessions_user_active_idx").on(t.userId, t.lastSeenAt.desc()).where(sql`${t.revokedAt} IS NULL`),
    index("sessions_active_expires_idx").on(t.expiresAt).where(sql`${t.revokedAt} IS NULL`),
    index("sessions_device_idx").on(t.deviceId).where(sql`${t.deviceId} IS NOT NULL`),
    index("sessions_ip_created_idx").on(t.ipAddress, t.createdAt),
    check("sessions_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
    check("sessions_revocation_consistent", sql`${t.revokedAt} IS NOT NULL OR ${t.revokedBy} IS NULL`),
  ],
);

/**
 * Rotating refresh tokens. Every token descends from the first one issued at
 * sign-in and shares its family_id; presenting a token that was already used
 * means the family leaked, and the whole family is revoked.
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "set null" }),
    familyId: uuid("family_id").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => refreshTokens.id, { onDelete: "set null" }),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
    /** Set on the token whose second use gave the family away. */
    reuseDetectedAt: timestamptz("reuse_detected_at"),
  },
  (t) => [
    index("refresh_tokens_family_idx").on(t.familyId, t.createdAt),
    index("refresh_tokens_user_active_idx").on(t.userId).where(sql`${t.revokedAt} IS NULL`),
    index("refresh_tokens_session_idx").on(t.sessionId),
    check("refresh_tokens_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/** The lifecycle of each session, one row per thing that happened to it. */
export const sessionAudits = pgTable(
  "session_audits",
  {
    id: bigId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: sessionAuditAction("action").notNull(),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    countryCode: varchar("country_code", { length: 2 }),
    city: text("city"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("session_audits_session_created_idx").on(t.sessionId, t.createdAt),
    index("session_audits_user_created_idx").on(t.userId, t.createdAt.desc()),
  ],
);

export const sessionsRelations = relations(sessions, ({ one, many }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
  device: one(userDevices, { fields: [sessions.deviceId], references: [userDevices.id] }),
  refreshTokens: many(refreshTokens),
  audits: many(sessionAudits),
}));

export const userDevicesRelations = relations(userDevices, ({ one, many }) => ({
  user: one(users, { fields: [userDevices.userId], references: [users.id] }),
  sessions: many(sessions),
}));

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  user: one(users, { fields: [refreshTokens.userId], references: [users.id] }),
  session: one(sessions, { fields: [refreshTokens.sessionId], references: [sessions.id] }),
}));

export const sessionAuditsRelations = relations(sessionAudits, ({ one }) => ({
  session: one(sessions, { fields: [sessionAudits.sessionId], references: [sessions.id] }),
}));
