import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  inet,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { bigId, createdAt, timestamptz, updatedAt } from "./util/columns";
import { alertType, notificationChannel, recoveryStatus, recoveryType, userRole, userStatus } from "./util/enums";

/**
 * One account table for the watched application and for Warden's own staff:
 * a console role is just a role on the same row, so staff activity shows up
 * on the same dashboards as everyone else's.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    emailVerifiedAt: timestamptz("email_verified_at"),
    phone: varchar("phone", { length: 16 }),
    phoneVerifiedAt: timestamptz("phone_verified_at"),
    displayName: text("display_name"),
    /** argon2id, or a bcrypt hash inherited from the seed systems until its owner next signs in. */
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamptz("password_changed_at"),
    role: userRole("role").notNull().default("user"),
    status: userStatus("status").notNull().default("active"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    /** Consecutive lockouts since the last good sign-in; each one doubles the next wait. */
    lockoutCount: integer("lockout_count").notNull().default(0),
    lockedUntil: timestamptz("locked_until"),
    lockReason: text("lock_reason"),
    lastLoginAt: timestamptz("last_login_at"),
    lastLoginIp: inet("last_login_ip"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    // Case-insensitive uniqueness among live accounts: the citext behaviour
    // without the extension, so PGlite and PostgreSQL share one migration.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex("users_phone_key").on(t.phone).where(sql`${t.phone} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    index("users_locked_until_idx").on(t.lockedUntil).where(sql`${t.lockedUntil} IS NOT NULL`),
    index("users_role_idx").on(t.role).where(sql`${t.role} <> 'user'`),
    index("users_created_at_idx").on(t.createdAt),
    check("users_email_format", sql`char_length(${t.email}) <= 254 AND ${t.email} ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`),
    check("users_phone_e164", sql`${t.phone} IS NULL OR ${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check("users_failed_login_count_nonnegative", sql`${t.failedLoginCount} >= 0`),
    check("users_lockout_count_nonnegative", sql`${t.lockoutCount} >= 0`),
  ],
);

export const passwordHistory = pgTable(
  "password_history",
  {
    id: bigId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("password_history_user_created_idx").on(t.userId, t.createdAt.desc())],
);

/** Password-reset and email-verification tokens: stored as SHA-256, used once, expiring. */
export const accountRecovery = pgTable(
  "account_recovery",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recoveryType: recoveryType("recovery_type").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    status: recoveryStatus("status").notNull().default("pending"),
    /** Set when staff forced the reset rather than the user asking for it. */
    initiatedBy: uuid("initiated_by").references(() => users.id),
    requestedIp: inet("requested_ip"),
    userAgent: text("user_agent"),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_recovery_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("account_recovery_used_consistent", sql`(${t.status} = 'used') = (${t.usedAt} IS NOT NULL)`),
    check("account_recovery_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    alertType: alertType("alert_type").notNull(),
    channel: notificationChannel("channel").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.alertType, t.channel] })],
);

export const usersRelations = relations(users, ({ many }) => ({
  passwordHistory: many(passwordHistory),
  recoveries: many(accountRecovery, { relationName: "recovery_subject" }),
  notificationPreferences: many(notificationPreferences),
}));

export const passwordHistoryRelations = relations(passwordHistory, ({ one }) => ({
  user: one(users, { fields: [passwordHistory.userId], references: [users.id] }),
}));

export const accountRecoveryRelations = relations(accountRecovery, ({ one }) => ({
  user: one(users, { fields: [accountRecovery.userId], references: [users.id], relationName: "recovery_subject" }),
}));

export const notificationPreferencesRelations = relations(notificationPreferences, ({ one }) => ({
  user: one(users, { fields: [notificationPreferences.userId], references: [users.id] }),
}));
