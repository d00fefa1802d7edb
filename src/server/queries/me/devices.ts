import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~/server/db/client";
import { sessions, userDevices } from "~/server/db/schema";
import { appendAudit } from "../audit";
import { revokeUserSessions } from "../sessions";
import { raiseAccountEvent } from "./account-events";
import type { SelfContext, SelfOutcome } from "./context";
import { outer } from "../correlated";
import { describeDevice } from "./device-label";
import { afterCursor, cursorTime, type Keyset, pageOf } from "../keyset";

/** The device a session of the owner's was opened on, if sign-in recorded one. */
export async function currentSessionDevice(db: Db, ownerId: string, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ deviceId: sessions.deviceId }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, ownerId)));
  return row?.deviceId ?? null;
}

const currentDeviceId = (db: Db, ctx: SelfContext) => currentSessionDevice(db, ctx.actor.id, ctx.sessionId);

/**
 * The owner's devices, newest first (by when each was first seen, which never
 * changes, so paging is stable while devices are in use), each with how many
 * live sessions it holds and whether it is the one making this request.
 */
export async function listMyDevices(db: Db, ctx: SelfContext, page: { cursor?: Keyset; limit: number }) {
  const now = ctx.now ?? new Date();
  const current = await currentDeviceId(db, ctx);
  const rows = await db
    .select({
      id: userDevices.id,
      name: userDevices.name,
      deviceType: userDevices.deviceType,
      os: userDevices.os,
      browser: userDevices.browser,
      trusted: userDevices.trusted,
      trustedAt: userDevices.trustedAt,
      firstSeenAt: userDevices.firstSeenAt,
      lastSeenAt: userDevices.lastSeenAt,
      lastIpAddress: userDevices.lastIpAddress,
      lastCountryCode: userDevices.lastCountryCode,
      lastCity: userDevices.lastCity,
      activeSessions: sql<number>`(
        SELECT count(*)::int FROM ${sessions}
        WHERE ${sessions.deviceId} = ${outer(userDevices.id)} AND ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${now.toISOString()}::timestamptz
      )`,
      cursorAt: cursorTime(userDevices.firstSeenAt),
    })
    .from(userDevices)
    .where(and(eq(userDevices.userId, ctx.actor.id), afterCursor(userDevices.firstSeenAt, userDevices.id, page.cursor, "uuid")))
    .orderBy(desc(userDevices.firstSeenAt), desc(userDevices.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit);
  return {
    items: items.map((d) => ({ ...d, name: d.name ?? describeDevice(null).label, current: d.id === current })),
    nextCursor,
  };
}

/** The owner's device, locked for the rest of the transaction; another person's reads as missing. */
async function lockMyDevice(tx: Db, ctx: SelfContext, deviceId: string) {
  const [row] = await tx
    .select()
    .from(userDevices)
    .where(and(eq(userDevices.id, deviceId), eq(userDevices.userId, ctx.actor.id)))
    .for("update");
  return row;
}

/**
 * Marks a device trusted or not. Trusting is worth an alert (someone with the
 * session could trust their own laptop); untrusting only narrows access, so
 * it is audited but raises nothing.
 */
export async function setMyDeviceTrust(db: Db, ctx: SelfContext, input: { deviceId: string; trusted: boolean }): Promise<SelfOutcome<{ trusted: boolean }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const device = await lockMyDevice(tx, ctx, input.deviceId);
    if (!device) return { status: "not_found" };
    if (device.trusted === input.trusted) {
      return { status: "unchanged", detail: input.trusted ? "That device is already trusted." : "That device is not trusted." };
    }
    await tx
      .update(userDevices)
      .set({ trusted: input.trusted, trustedAt: input.trusted ? now : null })
      .where(eq(userDevices.id, device.id));
    if (input.trusted) await raiseAccountEvent(tx, ctx, "device_trusted", { deviceId: device.id, device: device.name }, now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: input.trusted ? "device.trust" : "device.untrust",
        target: { type: "device", id: device.id },
        before: { trusted: device.trusted, trustedAt: device.trustedAt },
        after: { trusted: input.trusted, trustedAt: input.trusted ? now : null },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { trusted: input.trusted } };
  });
}

/**
 * Forgets a device: its live sessions are signed out (through the shared
 * revoke, in this same transaction) and its row removed, so the next sign-in
 * from it counts as a new device again. If it is the device making the
 * request, that session ends too, and the caller is told so.
 */
export async function forgetMyDevice(
  db: Db,
  ctx: SelfContext,
  deviceId: string,
): Promise<SelfOutcome<{ sessionsSignedOut: number; signedOutHere: boolean }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const device = await lockMyDevice(tx, ctx, deviceId);
    if (!device) return { status: "not_found" };
    const here = (await currentDeviceId(tx, ctx)) === device.id;
    const revoked = await revokeUserSessions(tx, ctx, {
      userId: ctx.actor.id,
      deviceId: device.id,
      reason: "Device forgotten by the account owner",
      action: "session.revoke_device",
    });
    await tx.delete(userDevices).where(eq(userDevices.id, device.id));
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "device.forget",
        target: { type: "device", id: device.id },
        before: { name: device.name, trusted: device.trusted, firstSeenAt: device.firstSeenAt, lastSeenAt: device.lastSeenAt },
        after: { deleted: true, sessionsSignedOut: revoked.sessions, tokenFamiliesRevoked: revoked.tokenFamilies },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { sessionsSignedOut: revoked.sessions, signedOutHere: here } };
  });
}

/** How many live sessions forgetting a device would end, for its confirmation. */
export async function previewForgetMyDevice(db: Db, ctx: SelfContext, deviceId: string): Promise<SelfOutcome<{ sessions: number; here: boolean }>> {
  const now = ctx.now ?? new Date();
  const [device] = await db
    .select({
      id: userDevices.id,
      sessions: sql<number>`(
        SELECT count(*)::int FROM ${sessions}
        WHERE ${sessions.deviceId} = ${outer(userDevices.id)} AND ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${now.toISOString()}::timestamptz
      )`,
    })
    .from(userDevices)
    .where(and(eq(userDevices.id, deviceId), eq(userDevices.userId, ctx.actor.id)));
  if (!device) return { status: "not_found" };
  return { status: "done", result: { sessions: device.sessions, here: (await currentDeviceId(db, ctx)) === device.id } };
}

/** Devices on the account, and how many are trusted: the overview page's summary. */
export async function countMyDevices(db: Db, ctx: SelfContext) {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, trusted: sql<number>`count(*) FILTER (WHERE ${userDevices.trusted})::int` })
    .from(userDevices)
    .where(eq(userDevices.userId, ctx.actor.id));
  return row ?? { total: 0, trusted: 0 };
}
