import "server-only";
import type { Db } from "~/server/db/client";
import { securityEvents } from "~/server/db/schema";
import type { SelfContext } from "./context";

/**
 * Security events that self-service raises about an account. The owner sees
 * them on their alerts page (and can say "that wasn't me"); operations see
 * them on the events queue. Low: routine, worth a glance. Medium: a factor
 * was weakened. High: the owner says someone else is in their account.
 */
export const ACCOUNT_EVENTS = {
  password_changed: "medium",
  mfa_enabled: "low",
  mfa_disabled: "medium",
  backup_codes_regenerated: "low",
  device_trusted: "low",
  account_compromise_reported: "high",
} as const;

export type AccountEventType = keyof typeof ACCOUNT_EVENTS;

/** Call inside the transaction that makes the change the event reports. */
export async function raiseAccountEvent(tx: Db, ctx: SelfContext, eventType: AccountEventType, details: Record<string, unknown>, now: Date) {
  const [row] = await tx
    .insert(securityEvents)
    .values({
      eventType,
      severity: ACCOUNT_EVENTS[eventType],
      userId: ctx.actor.id,
      ipAddress: ctx.info.ip,
      userAgent: ctx.info.userAgent,
      details: { ...details, source: "self_service", sessionId: ctx.sessionId },
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: securityEvents.id });
  return row!.id;
}
