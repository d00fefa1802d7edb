import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, inet, jsonb, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, timestamptz } from "./util/columns";
import { userRole } from "./util/enums";

/**
 * The tamper-evident record of what people did in the console. Each row's
 * `hash` covers its own content and the previous row's hash; `seq` is the
 * row's place in that chain. Both are filled in by a database trigger that
 * serialises inserts and refuses UPDATE and DELETE (drizzle/0002_audit_chain_guard.sql),
 * so no code path can write an unchained row.
 */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigId(),
    // seq, prev_hash and hash are always overwritten by the chain trigger; the
    // defaults only exist so inserts need not name them.
    seq: bigint("seq", { mode: "number" }).notNull().unique().default(0),
    actorId: uuid("actor_id").references(() => users.id),
    /** Who the actor was at the time, kept even if the account later changes. */
    actorEmail: text("actor_email"),
    actorRole: userRole("actor_role"),
    action: varchar("action", { length: 64 }).notNull(),
    targetType: varchar("target_type", { length: 32 }),
    targetId: text("target_id"),
    reason: text("reason"),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    prevHash: varchar("prev_hash", { length: 64 }).notNull().default(""),
    hash: varchar("hash", { length: 64 }).notNull().default(""),
  },
  (t) => [
    index("audit_logs_created_idx").on(t.createdAt),
    index("audit_logs_actor_created_idx").on(t.actorId, t.createdAt),
    index("audit_logs_action_created_idx").on(t.action, t.createdAt),
    index("audit_logs_target_idx").on(t.targetType, t.targetId, t.createdAt),
    check("audit_logs_action_format", sql`${t.action} ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'`),
  ],
);

/**
 * The chain's newest link, in a one-row table. Every insert locks this row
 * (serialising writers, so the chain cannot fork) and moves it forward; the
 * verifier compares it with the last row, so deleting rows from the end of
 * the log is caught too. Only the audit_logs trigger may update it.
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: boolean("id").primaryKey().default(true),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [check("audit_chain_head_single_row", sql`${t.id}`)],
);
