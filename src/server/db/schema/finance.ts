import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { users } from "./identity";
import { bigId, createdAt, currency, currencyCheck, money, timestamptz, updatedAt } from "./util/columns";
import {
  feeCategory,
  mpesaStatus,
  mpesaTransactionType,
  networkCongestion,
  paymentFrequency,
  payoutMethod,
  payoutStatus,
  recurringStatus,
  reportStatus,
  reportType,
  transactionStatus,
} from "./util/enums";

export const daos = pgTable("daos", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: varchar("slug", { length: 64 }).notNull().unique(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** A user's balance per DAO (or none) and currency: one row each, never two. */
export const userBalances = pgTable(
  "user_balances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    daoId: uuid("dao_id").references(() => daos.id, { onDelete: "cascade" }),
    currency: currency().notNull(),
    availableBalance: money("available_balance").notNull().default("0"),
    pendingBalance: money("pending_balance").notNull().default("0"),
    lockedBalance: money("locked_balance").notNull().default("0"),
    updatedAt: updatedAt(),
  },
  (t) => [
    // NULLS NOT DISTINCT: a personal (dao-less) balance is still one row per currency.
    unique("user_balances_user_dao_currency_key").on(t.userId, t.daoId, t.currency).nullsNotDistinct(),
    index("user_balances_currency_idx").on(t.currency),
    check("user_balances_currency_format", currencyCheck("currency")),
    check(
      "user_balances_nonnegative",
      sql`${t.availableBalance} >= 0 AND ${t.pendingBalance} >= 0 AND ${t.lockedBalance} >= 0`,
    ),
  ],
);

export const daoTreasuries = pgTable(
  "dao_treasuries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    daoId: uuid("dao_id")
      .notNull()
      .unique("dao_treasuries_dao_key")
      .references(() => daos.id, { onDelete: "cascade" }),
    currency: currency().notNull(),
    totalBalance: money("total_balance").notNull().default("0"),
    availableBalance: money("available_balance").notNull().default("0"),
    lockedBalance: money("locked_balance").notNull().default("0"),
    requiredSignatures: integer("required_signatures").notNull().default(1),
    signers: uuid("signers").array().notNull().default(sql`'{}'::uuid[]`),
    dailySpendingLimit: money("daily_spending_limit"),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("dao_treasuries_currency_format", currencyCheck("currency")),
    check("dao_treasuries_required_signatures_positive", sql`${t.requiredSignatures} >= 1`),
    check(
      "dao_treasuries_balances",
      sql`${t.availableBalance} >= 0 AND ${t.lockedBalance} >= 0 AND ${t.totalBalance} = ${t.availableBalance} + ${t.lockedBalance}`,
    ),
  ],
);

/** Every fee charged, split between the platform and the DAO it was paid in. */
export const transactionFees = pgTable(
  "transaction_fees",
  {
    id: bigId(),
    transactionId: text("transaction_id").notNull(),
    transactionType: varchar("transaction_type", { length: 32 }).notNull(),
    feeType: varchar("fee_type", { length: 32 }).notNull(),
    feeCategory: feeCategory("fee_category").notNull(),
    baseAmount: money("base_amount").notNull(),
    feeAmount: money("fee_amount").notNull(),
    feePercentage: numeric("fee_percentage", { precision: 7, scale: 6 }),
    currency: currency().notNull(),
    paidBy: uuid("paid_by").references(() => users.id, { onDelete: "set null" }),
    daoId: uuid("dao_id").references(() => daos.id, { onDelete: "set null" }),
    platformRevenue: money("platform_revenue").notNull(),
    daoRevenue: money("dao_revenue").notNull().default("0"),
    createdAt: createdAt(),
  },
  (t) => [
    index("transaction_fees_category_created_idx").on(t.feeCategory, t.createdAt),
    index("transaction_fees_created_idx").on(t.createdAt),
    index("transaction_fees_dao_created_idx").on(t.daoId, t.createdAt),
    check("transaction_fees_currency_format", currencyCheck("currency")),
    check("transaction_fees_amounts_nonnegative", sql`${t.baseAmount} >= 0 AND ${t.feeAmount} >= 0`),
    check(
      "transaction_fees_split",
      sql`${t.platformRevenue} >= 0 AND ${t.daoRevenue} >= 0 AND ${t.platformRevenue} + ${t.daoRevenue} = ${t.feeAmount}`,
    ),
    check("transaction_fees_percentage_range", sql`${t.feePercentage} IS NULL OR ${t.feePercentage} BETWEEN 0 AND 1`),
  ],
);

export const currencySwaps = pgTable(
  "currency_swaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromCurrency: currency("from_currency").notNull(),
    toCurrency: currency("to_currency").notNull(),
    fromAmount: money("from_amount").notNull(),
    toAmount: money("to_amount").notNull(),
    exchangeRate: numeric("exchange_rate", { precision: 24, scale: 12 }).notNull(),
    slippage: numeric("slippage", { precision: 7, scale: 6 }),
    platformFee: money("platform_fee").notNull().default("0"),
    provider: varchar("provider", { length: 32 }).notNull(),
    status: transactionStatus("status").notNull().default("pending"),
    txHash: varchar("tx_hash", { length: 80 }),
    createdAt: createdAt(),
    completedAt: timestamptz("completed_at"),
  },
  (t) => [
    index("currency_swaps_status_created_idx").on(t.status, t.createdAt),
    index("currency_swaps_pair_created_idx").on(t.fromCurrency, t.toCurrency, t.createdAt),
    index("currency_swaps_user_idx").on(t.userId, t.createdAt.desc()),
    check("currency_swaps_distinct_pair", sql`${t.fromCurrency} <> ${t.toCurrency}`),
    check("currency_swaps_from_currency_format", currencyCheck("from_currency")),
    check("currency_swaps_to_currency_format", currencyCheck("to_currency")),
    check(
      "currency_swaps_amounts_positive",
      sql`${t.fromAmount} > 0 AND ${t.toAmount} > 0 AND ${t.exchangeRate} > 0 AND ${t.platformFee} >= 0`,
    ),
  ],
);

export const mpesaTransactions = pgTable(
  "mpesa_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    daoId: uuid("dao_id").references(() => daos.id, { onDelete: "set null" }),
    transactionType: mpesaTransactionType("transaction_type").notNull(),
    phoneNumber: varchar("phone_number", { length: 16 }).notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    currency: currency().notNull().default("KES"),
    merchantRequestId: text("merchant_request_id"),
    checkoutRequestId: text("checkout_request_id").unique(),
    mpesaReceiptNumber: varchar("mpesa_receipt_number", { length: 20 }).unique(),
    resultCode: integer("result_code"),
    resultDesc: text("result_desc"),
    status: mpesaStatus("status").notNull().default("pending"),
    callbackData: jsonb("callback_data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    completedAt: timestamptz("completed_at"),
  },
  (t) => [
    index("mpesa_transactions_status_created_idx").on(t.status, t.createdAt),
    index("mpesa_transactions_created_idx").on(t.createdAt),
    index("mpesa_transactions_user_idx").on(t.userId, t.createdAt.desc()),
    check("mpesa_transactions_amount_positive", sql`${t.amount} > 0`),
    check("mpesa_transactions_phone_e164", sql`${t.phoneNumber} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check("mpesa_transactions_completed_has_receipt", sql`${t.status} <> 'completed' OR ${t.mpesaReceiptNumber} IS NOT NULL`),
  ],
);

export const gasPriceHistory = pgTable(
  "gas_price_history",
  {
    id: bigId(),
    network: varchar("network", { length: 32 }).notNull(),
    gasPrice: numeric("gas_price", { precision: 30, scale: 9 }).notNull(),
    baseFee: numeric("base_fee", { precision: 30, scale: 9 }),
    priorityFee: numeric("priority_fee", { precision: 30, scale: 9 }),
    networkCongestion: networkCongestion("network_congestion").notNull(),
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    index("gas_price_history_network_recorded_idx").on(t.network, t.recordedAt),
    check("gas_price_history_nonnegative", sql`${t.gasPrice} >= 0`),
  ],
);

export const referralPayouts = pgTable(
  "referral_payouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referrerId: uuid("referrer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    referredUserId: uuid("referred_user_id").references(() => users.id, { onDelete: "set null" }),
    amount: money("amount").notNull(),
    currency: currency().notNull(),
    payoutMethod: payoutMethod("payout_method").notNull(),
    status: payoutStatus("status").notNull().default("pending"),
    reference: text("reference"),
    failureReason: text("failure_reason"),
    createdAt: createdAt(),
    completedAt: timestamptz("completed_at"),
  },
  (t) => [
    index("referral_payouts_referrer_idx").on(t.referrerId, t.createdAt.desc()),
    index("referral_payouts_status_created_idx").on(t.status, t.createdAt),
    check("referral_payouts_amount_positive", sql`${t.amount} > 0`),
    check("referral_payouts_currency_format", currencyCheck("currency")),
    check("referral_payouts_no_self_referral", sql`${t.referredUserId} IS NULL OR ${t.referredUserId} <> ${t.referrerId}`),
  ],
);

export const recurringPayments = pgTable(
  "recurring_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    daoId: uuid("dao_id").references(() => daos.id, { onDelete: "cascade" }),
    amount: money("amount").notNull(),
    currency: currency().notNull(),
    frequency: paymentFrequency("frequency").notNull(),
    nextPaymentAt: timestamptz("next_payment_at").notNull(),
    lastPaymentAt: timestamptz("last_payment_at"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    status: recurringStatus("status").notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [
    index("recurring_payments_due_idx").on(t.nextPaymentAt).where(sql`${t.status} = 'active'`),
    check("recurring_payments_amount_positive", sql`${t.amount} > 0`),
    check("recurring_payments_currency_format", currencyCheck("currency")),
    check("recurring_payments_failed_nonnegative", sql`${t.failedAttempts} >= 0`),
  ],
);

export const financialReports = pgTable(
  "financial_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    daoId: uuid("dao_id").references(() => daos.id, { onDelete: "cascade" }),
    reportType: reportType("report_type").notNull(),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    reportData: jsonb("report_data").$type<Record<string, unknown>>().notNull().default({}),
    summary: text("summary"),
    status: reportStatus("status").notNull().default("draft"),
    generatedBy: uuid("generated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("financial_reports_dao_period_idx").on(t.daoId, t.periodStart),
    check("financial_reports_period_order", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);
