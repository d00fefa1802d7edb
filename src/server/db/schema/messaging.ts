import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, currency, currencyCheck, money, timestamptz, updatedAt } from "./util/columns";
import { deliveryStatus } from "./util/enums";

// Message bodies are deliberately not stored: for OTP templates they hold the
// code itself. The template name says what was sent.

export const emailDeliveryLog = pgTable(
  "email_delivery_log",
  {
    id: bigId(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toEmail: text("to_email").notNull(),
    subject: text("subject"),
    template: varchar("template", { length: 64 }).notNull(),
    provider: varchar("provider", { length: 32 }).notNull(),
    providerMessageId: text("provider_message_id"),
    status: deliveryStatus("status").notNull().default("pending"),
    errorMessage: text("error_message"),
    cost: money("cost"),
    currency: currency(),
    sentAt: timestamptz("sent_at"),
    deliveredAt: timestamptz("delivered_at"),
    openedAt: timestamptz("opened_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("email_delivery_created_idx").on(t.createdAt),
    index("email_delivery_provider_created_idx").on(t.provider, t.createdAt),
    index("email_delivery_template_created_idx").on(t.template, t.createdAt),
    index("email_delivery_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("email_delivery_cost_nonnegative", sql`${t.cost} IS NULL OR ${t.cost} >= 0`),
    check("email_delivery_cost_has_currency", sql`(${t.cost} IS NULL) = (${t.currency} IS NULL)`),
    check("email_delivery_currency_format", sql`${t.currency} IS NULL OR ${currencyCheck("currency")}`),
    check("email_delivery_delivered_has_time", sql`${t.status} <> 'delivered' OR ${t.deliveredAt} IS NOT NULL`),
  ],
);

export const smsDeliveryLog = pgTable(
  "sms_delivery_log",
  {
    id: bigId(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toPhone: varchar("to_phone", { length: 16 }).notNull(),
    countryCode: varchar("country_code", { length: 2 }),
    template: varchar("template", { length: 64 }).notNull(),
    provider: varchar("provider", { length: 32 }).notNull(),
    providerMessageId: text("provider_message_id"),
    status: deliveryStatus("status").notNull().default("pending"),
    errorMessage: text("error_message"),
    segments: integer("segments").notNull().default(1),
    cost: money("cost"),
    currency: currency(),
    sentAt: timestamptz("sent_at"),
    deliveredAt: timestamptz("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sms_delivery_created_idx").on(t.createdAt),
    index("sms_delivery_provider_created_idx").on(t.provider, t.createdAt),
    index("sms_delivery_country_created_idx").on(t.countryCode, t.createdAt),
    // SMS pumping: many messages to one number or range.
    index("sms_delivery_phone_created_idx").on(t.toPhone, t.createdAt),
    index("sms_delivery_user_created_idx").on(t.userId, t.createdAt.desc()),
    check("sms_delivery_phone_e164", sql`${t.toPhone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check("sms_delivery_segments_positive", sql`${t.segments} > 0`),
    check("sms_delivery_cost_nonnegative", sql`${t.cost} IS NULL OR ${t.cost} >= 0`),
    check("sms_delivery_cost_has_currency", sql`(${t.cost} IS NULL) = (${t.currency} IS NULL)`),
    check("sms_delivery_currency_format", sql`${t.currency} IS NULL OR ${currencyCheck("currency")}`),
    check("sms_delivery_delivered_has_time", sql`${t.status} <> 'delivered' OR ${t.deliveredAt} IS NOT NULL`),
  ],
);
