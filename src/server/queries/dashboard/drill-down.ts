import "server-only";
import { and, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { emailDeliveryLog, loginAttempts, smsDeliveryLog, transactionFees } from "~/server/db/schema";
import { afterCursor, cursorTime, type Keyset, pageOf } from "../keyset";
import type { TimeRange } from "./range";

// The rows behind a chart's bar or a table's row, newest first, a page at a
// time: every list is bounded by the range, its filters and the page size,
// and reads an index on (filter, created_at) or (created_at).

interface Page {
  cursor?: Keyset;
  limit: number;
}

type AttemptResult = (typeof loginAttempts.attemptResult.enumValues)[number];
type DeliveryStatus = (typeof emailDeliveryLog.status.enumValues)[number];
type FeeCategory = (typeof transactionFees.feeCategory.enumValues)[number];

export async function loginAttemptRows(
  db: Db,
  input: TimeRange & Page & { ip?: string; identifier?: string; outcome?: "success" | "failure"; result?: AttemptResult },
) {
  const t = loginAttempts;
  const rows = await db
    .select({
      id: t.id,
      cursorAt: cursorTime(t.createdAt),
      at: t.createdAt,
      identifier: t.identifier,
      userId: t.userId,
      ip: sql<string>`host(${t.ipAddress})`,
      result: t.attemptResult,
      failureReason: t.failureReason,
      userAgent: t.userAgent,
      countryCode: t.countryCode,
    })
    .from(t)
    .where(
      and(
        gte(t.createdAt, input.from),
        lt(t.createdAt, input.to),
        input.ip ? sql`${t.ipAddress} = ${input.ip}::inet` : undefined,
        input.identifier ? eq(t.identifier, input.identifier) : undefined,
        input.outcome === "success" ? eq(t.attemptResult, "success") : input.outcome === "failure" ? ne(t.attemptResult, "success") : undefined,
        input.result ? eq(t.attemptResult, input.result) : undefined,
        afterCursor(t.createdAt, t.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(input.limit + 1);
  return pageOf(rows, input.limit);
}

export async function emailDeliveryRows(db: Db, input: TimeRange & Page & { provider?: string; template?: string; status?: DeliveryStatus }) {
  const t = emailDeliveryLog;
  const rows = await db
    .select({
      id: t.id,
      cursorAt: cursorTime(t.createdAt),
      at: t.createdAt,
      toEmail: t.toEmail,
      template: t.template,
      provider: t.provider,
      status: t.status,
      errorMessage: t.errorMessage,
    })
    .from(t)
    .where(
      and(
        gte(t.createdAt, input.from),
        lt(t.createdAt, input.to),
        input.provider ? eq(t.provider, input.provider) : undefined,
        input.template ? eq(t.template, input.template) : undefined,
        input.status ? eq(t.status, input.status) : undefined,
        afterCursor(t.createdAt, t.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(input.limit + 1);
  return pageOf(rows, input.limit);
}

export async function smsDeliveryRows(
  db: Db,
  input: TimeRange & Page & { provider?: string; countryCode?: string; phone?: string; status?: DeliveryStatus; currency?: string },
) {
  const t = smsDeliveryLog;
  const rows = await db
    .select({
      id: t.id,
      cursorAt: cursorTime(t.createdAt),
      at: t.createdAt,
      toPhone: t.toPhone,
      countryCode: t.countryCode,
      template: t.template,
      provider: t.provider,
      status: t.status,
      cost: t.cost,
      currency: t.currency,
      errorMessage: t.errorMessage,
    })
    .from(t)
    .where(
      and(
        gte(t.createdAt, input.from),
        lt(t.createdAt, input.to),
        input.provider ? eq(t.provider, input.provider) : undefined,
        input.countryCode ? eq(t.countryCode, input.countryCode) : undefined,
        input.phone ? eq(t.toPhone, input.phone) : undefined,
        input.status ? eq(t.status, input.status) : undefined,
        input.currency ? eq(t.currency, input.currency) : undefined,
        afterCursor(t.createdAt, t.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(input.limit + 1);
  return pageOf(rows, input.limit);
}

export async function feeRows(db: Db, input: TimeRange & Page & { category?: FeeCategory; currency?: string }) {
  const t = transactionFees;
  const rows = await db
    .select({
      id: t.id,
      cursorAt: cursorTime(t.createdAt),
      at: t.createdAt,
      transactionId: t.transactionId,
      transactionType: t.transactionType,
      category: t.feeCategory,
      currency: t.currency,
      feeAmount: t.feeAmount,
      platformRevenue: t.platformRevenue,
      daoRevenue: t.daoRevenue,
    })
    .from(t)
    .where(
      and(
        gte(t.createdAt, input.from),
        lt(t.createdAt, input.to),
        input.category ? eq(t.feeCategory, input.category) : undefined,
        input.currency ? eq(t.currency, input.currency) : undefined,
        afterCursor(t.createdAt, t.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(input.limit + 1);
  return pageOf(rows, input.limit);
}
