import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { alertType, notificationChannel, notificationPreferences, users } from "~/server/db/schema";
import { appendAudit } from "../audit";
import type { SelfContext } from "./context";

export const ALERT_TYPES = alertType.enumValues;
export const CHANNELS = notificationChannel.enumValues;
export type AlertType = (typeof ALERT_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];

/**
 * What a person gets before they choose: every alert by email, none by SMS
 * (texts cost money and a phone number can be ported away from its owner).
 */
export function defaultEnabled(channel: Channel): boolean {
  return channel === "email";
}

export interface Preference {
  alertType: AlertType;
  channel: Channel;
  enabled: boolean;
}

/** Every alert type × channel, stored choices over defaults; SMS only with a verified phone. */
export async function myNotificationPreferences(db: Db, ownerId: string) {
  const [stored, [user]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ownerId)),
    db.select({ phone: users.phone, phoneVerifiedAt: users.phoneVerifiedAt, email: users.email }).from(users).where(eq(users.id, ownerId)),
  ]);
  const chosen = new Map(stored.map((p) => [`${p.alertType}:${p.channel}`, p]));
  const preferences = ALERT_TYPES.flatMap((type) =>
    CHANNELS.map((channel) => {
      const row = chosen.get(`${type}:${channel}`);
      return { alertType: type, channel, enabled: row?.enabled ?? defaultEnabled(channel), chosen: !!row, updatedAt: row?.updatedAt ?? null };
    }),
  );
  return {
    preferences,
    email: user?.email ?? null,
    // Shown masked: the page says where texts would go without printing the whole number.
    phone: user?.phone && user.phoneVerifiedAt ? maskPhone(user.phone) : null,
    smsAvailable: !!(user?.phone && user.phoneVerifiedAt),
  };
}

function maskPhone(phone: string) {
  return `${phone.slice(0, 4)}${"•".repeat(Math.max(0, phone.length - 7))}${phone.slice(-3)}`;
}

/**
 * Saves the choices that differ from what is in force, as one audited
 * change. Turning an SMS alert on needs a verified phone number.
 */
export async function updateMyNotificationPreferences(
  db: Db,
  ctx: SelfContext,
  changes: Preference[],
): Promise<{ status: "done"; result: { changed: number } } | { status: "unchanged"; detail: string } | { status: "refused"; detail: string }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    // Lock the owner's row: two tabs saving at once apply one after the other, each audited against what it replaced.
    const [user] = await tx.select({ phone: users.phone, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.id, ctx.actor.id)).for("update");
    const smsAvailable = !!(user?.phone && user.phoneVerifiedAt);
    if (!smsAvailable && changes.some((c) => c.channel === "sms" && c.enabled)) {
      return { status: "refused", detail: "Add and verify a phone number before turning on text-message alerts." };
    }
    const stored = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ctx.actor.id));
    const inForce = (c: Preference) => stored.find((p) => p.alertType === c.alertType && p.channel === c.channel)?.enabled ?? defaultEnabled(c.channel);
    const latest = new Map(changes.map((c) => [`${c.alertType}:${c.channel}`, c]));
    const effective = [...latest.values()].filter((c) => inForce(c) !== c.enabled);
    if (effective.length === 0) return { status: "unchanged", detail: "Those are already your settings." };
    for (const change of effective) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: ctx.actor.id, alertType: change.alertType, channel: change.channel, enabled: change.enabled, updatedAt: now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.alertType, notificationPreferences.channel],
          set: { enabled: change.enabled, updatedAt: now },
        });
    }
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "account.notifications_update",
        target: { type: "user", id: ctx.actor.id },
        before: effective.map((c) => ({ alertType: c.alertType, channel: c.channel, enabled: inForce(c) })),
        after: effective.map((c) => ({ alertType: c.alertType, channel: c.channel, enabled: c.enabled })),
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { changed: effective.length } };
  });
}
