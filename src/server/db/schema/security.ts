import { sql } from "drizzle-orm";
import { check, index, inet, jsonb, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, timestamptz, updatedAt } from "./util/columns";
import { attemptResult, eventStatus, severity } from "./util/enums";

/**
 * Every sign-in attempt, good or bad, against the application or the console.
 * `identifier` is what was typed (an email or phone), kept even when it
 * matched no account: that is how credential stuffing shows up.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigId(),
    identifier: varchar("identifier", { length: 320 }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    ipAddress: inet("ip_address").notNull(),
    userAgent: text("user_agent"),
    attemptResult: attemptResult("attempt_result").notNull(),
    failureReason: text("failure_reason"),
    countryCode: varchar("country_code", { length: 2 }),
    city: text("city"),
    deviceFingerprint: varchar("device_fingerprint", { length: 128 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_created_idx").on(t.createdAt),
    // Failed logins by IP over a time window, and an IP's own page.
    index("login_attempts_ip_created_idx").on(t.ipAddress, t.createdAt),
    // A user's login history, and lockout arithmetic.
    index("login_attempts_user_created_idx").on(t.userId, t.createdAt.desc()),
    // Brute force against one identifier, known account or not.
    index("login_attempts_identifier_created_idx").on(t.identifier, t.createdAt),
    check("login_attempts_failure_has_reason", sql`${t.attemptResult} = 'success' OR ${t.failureReason} IS NOT NULL`),
  ],
);

export const securityEvents = pgTable(
  "security_events",
  {
    id: bigId(),
    eventType: varchar("event_type", { length: 64 }).notNull(),
    severity: severity("severity").notNull(),
    status: eventStatus("status").notNull().default("open"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    acknowledgedAt: timestamptz("acknowledged_at"),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamptz("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolutionNote: text("resolution_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("security_events_created_idx").on(t.createdAt),
    index("security_events_severity_status_created_idx").on(t.severity, t.status, t.createdAt),
    index("security_events_unresolved_idx").on(t.status, t.createdAt).where(sql`${t.status} <> 'resolved'`),
    // The overview's "unresolved by severity", counted from the index alone.
    index("security_events_unresolved_severity_idx").on(t.severity).where(sql`${t.status} <> 'resolved'`),
    index("security_events_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("security_events_ip_created_idx").on(t.ipAddress, t.createdAt),
    index("security_events_type_created_idx").on(t.eventType, t.createdAt),
    check("security_events_type_format", sql`${t.eventType} ~ '^[a-z][a-z0-9_.]*$'`),
    check(
      "security_events_resolution_consistent",
      sql`(${t.status} = 'resolved') = (${t.resolvedAt} IS NOT NULL) AND (${t.status} <> 'resolved' OR coalesce(length(btrim(${t.resolutionNote})), 0) > 0)`,
    ),
  ],
);
