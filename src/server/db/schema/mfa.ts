import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, inet, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, timestamptz, updatedAt } from "./util/columns";
import { mfaContext, mfaMethod } from "./util/enums";

/**
 * Second factors. The TOTP secret is AES-256-GCM ciphertext (never the secret
 * itself); backup codes are keyed hashes, removed from the array as each one
 * is spent, so a code works exactly once.
 */
export const twoFactorAuth = pgTable(
  "two_factor_auth",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: mfaMethod("method").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    secretEncrypted: text("secret_encrypted"),
    backupCodeHashes: text("backup_code_hashes").array().notNull().default(sql`'{}'::text[]`),
    /** The last TOTP time step accepted, so a code cannot be replayed inside its window. */
    lastUsedStep: bigint("last_used_step", { mode: "number" }),
    enabledAt: timestamptz("enabled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("two_factor_auth_user_method_key").on(t.userId, t.method),
    check("two_factor_auth_enabled_consistent", sql`${t.enabled} = (${t.enabledAt} IS NOT NULL)`),
    check("two_factor_auth_totp_has_secret", sql`${t.method} <> 'totp' OR ${t.secretEncrypted} IS NOT NULL`),
  ],
);

export const mfaVerificationAttempts = pgTable(
  "mfa_verification_attempts",
  {
    id: bigId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    twoFactorId: uuid("two_factor_id").references(() => twoFactorAuth.id, { onDelete: "set null" }),
    method: mfaMethod("method").notNull(),
    context: mfaContext("context").notNull(),
    usedBackupCode: boolean("used_backup_code").notNull().default(false),
    success: boolean("success").notNull(),
    failureReason: text("failure_reason"),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    // Rate limiting counts a user's recent failures.
    index("mfa_attempts_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("mfa_attempts_failure_has_reason", sql`${t.success} OR ${t.failureReason} IS NOT NULL`),
  ],
);
