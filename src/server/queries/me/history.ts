import "server-only";
import { and, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { loginAttempts } from "~/server/db/schema";
import { outer } from "../correlated";
import { describeDevice } from "./device-label";
import { afterCursor, cursorTime, type Keyset, pageOf } from "../keyset";

export const HISTORY_DAYS = 90;

export type HistoryOutcome = "success" | "failure";

/**
 * The owner's sign-in attempts over the last 90 days, newest first. A
 * successful sign-in is flagged as from a new device when no earlier
 * successful sign-in on the account came from the same device fingerprint
 * (looked up over the whole history, not only the 90 days shown, through the
 * user/created_at index).
 */
export async function listMyLoginHistory(db: Db, ownerId: string, input: { cursor?: Keyset; limit: number; outcome?: HistoryOutcome; now?: Date }) {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const earlier = sql.raw("earlier");
  const rows = await db
    .select({
      id: loginAttempts.id,
      createdAt: loginAttempts.createdAt,
      result: loginAttempts.attemptResult,
      failureReason: loginAttempts.failureReason,
      identifier: loginAttempts.identifier,
      ipAddress: loginAttempts.ipAddress,
      userAgent: loginAttempts.userAgent,
      countryCode: loginAttempts.countryCode,
      city: loginAttempts.city,
      newDevice: sql<boolean>`(
        ${outer(loginAttempts.attemptResult)} = 'success'
        AND ${outer(loginAttempts.deviceFingerprint)} IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM ${loginAttempts} AS ${earlier}
          WHERE ${earlier}.user_id = ${outer(loginAttempts.userId)}
            AND ${earlier}.device_fingerprint = ${outer(loginAttempts.deviceFingerprint)}
            AND ${earlier}.attempt_result = 'success'
            AND (${earlier}.created_at, ${earlier}.id) < (${outer(loginAttempts.createdAt)}, ${outer(loginAttempts.id)})
        )
      )`,
      cursorAt: cursorTime(loginAttempts.createdAt),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.userId, ownerId),
        gte(loginAttempts.createdAt, since),
        input.outcome === "success" ? eq(loginAttempts.attemptResult, "success") : undefined,
        input.outcome === "failure" ? ne(loginAttempts.attemptResult, "success") : undefined,
        afterCursor(loginAttempts.createdAt, loginAttempts.id, input.cursor, "bigint"),
      ),
    )
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = pageOf(rows, input.limit);
  return {
    items: items.map(({ userAgent, ...row }) => ({ ...row, device: describeDevice(userAgent) })),
    nextCursor,
    since,
  };
}
