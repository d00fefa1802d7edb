import { sql } from "drizzle-orm";
import { check, cidr, index, inet, integer, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { createdAt, timestamptz } from "./util/columns";

/** Linked social sign-ins. Provider tokens are stored encrypted, like TOTP secrets. */
export const oauthConnections = pgTable(
  "oauth_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: varchar("provider", { length: 32 }).notNull(),
    providerUserId: text("provider_user_id").notNull(),
    providerEmail: text("provider_email"),
    accessTokenEncrypted: text("access_token_encrypted"),
    refreshTokenEncrypted: text("refresh_token_encrypted"),
    tokenExpiresAt: timestamptz("token_expires_at"),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    connectedAt: timestamptz("connected_at").notNull().defaultNow(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [
    uniqueIndex("oauth_connections_provider_user_key").on(t.provider, t.providerUserId),
    index("oauth_connections_user_idx").on(t.userId),
  ],
);

/**
 * API keys are shown once at creation. Afterwards only the prefix (to tell
 * keys apart in a list) and the SHA-256 of the whole key remain.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    keyPrefix: varchar("key_prefix", { length: 16 }).notNull(),
    keyHash: varchar("key_hash", { length: 64 }).notNull().unique(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(60),
    ipAllowlist: cidr("ip_allowlist").array().notNull().default(sql`'{}'::cidr[]`),
    expiresAt: timestamptz("expires_at"),
    lastUsedAt: timestamptz("last_used_at"),
    lastUsedIp: inet("last_used_ip"),
    createdAt: createdAt(),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    index("api_keys_user_idx").on(t.userId),
    index("api_keys_prefix_idx").on(t.keyPrefix),
    check("api_keys_rate_limit_positive", sql`${t.rateLimitPerMinute} > 0`),
  ],
);
