import "server-only";
import { and, eq } from "drizzle-orm";
import { generateBackupCodes, hashBackupCode } from "~/server/auth/backup-codes";
import { verifyPassword } from "~/server/auth/password";
import { newTotpSecret, totpFor, verifyTotp } from "~/server/auth/totp";
import { decrypt, encrypt } from "~/server/crypto/encryption";
import type { Db } from "~/server/db/client";
import { twoFactorAuth, users } from "~/server/db/schema";
import { appendAudit } from "../audit";
import { raiseAccountEvent } from "./account-events";
import type { SelfContext } from "./context";
import { recordVerification, verificationBlockedUntil } from "./verification-limit";

/** The secret and the hash key; never part of an audit entry or an error. */
export interface TwoFactorKeys {
  encryptionKey: Buffer;
}

export type TwoFactorOutcome<T> =
  | { status: "done"; result: T }
  | { status: "refused"; detail: string }
  | { status: "throttled"; retryAt: Date }
  | { status: "invalid_code" }
  | { status: "invalid_password" };

const BACKUP_CODE_COUNT = 10;

export async function myTwoFactorStatus(db: Db, ownerId: string) {
  const [row] = await db
    .select({ enabled: twoFactorAuth.enabled, enabledAt: twoFactorAuth.enabledAt, backupCodeHashes: twoFactorAuth.backupCodeHashes, createdAt: twoFactorAuth.createdAt })
    .from(twoFactorAuth)
    .where(and(eq(twoFactorAuth.userId, ownerId), eq(twoFactorAuth.method, "totp")));
  return {
    enabled: row?.enabled ?? false,
    enabledAt: row?.enabledAt ?? null,
    backupCodesRemaining: row?.enabled ? row.backupCodeHashes.length : 0,
    totalBackupCodes: BACKUP_CODE_COUNT,
  };
}

async function lockMyTotp(tx: Db, ownerId: string) {
  const [row] = await tx
    .select()
    .from(twoFactorAuth)
    .where(and(eq(twoFactorAuth.userId, ownerId), eq(twoFactorAuth.method, "totp")))
    .for("update");
  return row;
}

/**
 * Step one of enrolment: a fresh secret, stored encrypted on a row that is
 * not yet enabled (so sign-in ignores it). Starting again replaces it. The
 * plaintext secret goes back to the owner once, for their authenticator app.
 */
export async function beginTotpEnrolment(db: Db, ctx: SelfContext, keys: TwoFactorKeys): Promise<TwoFactorOutcome<{ secret: string; uri: string }>> {
  const now = ctx.now ?? new Date();
  const secret = newTotpSecret();
  return db.transaction(async (tx) => {
    const existing = await lockMyTotp(tx, ctx.actor.id);
    if (existing?.enabled) return { status: "refused", detail: "Two-factor authentication is already on. Turn it off first to enrol a new authenticator." };
    const values = { secretEncrypted: encrypt(secret, keys.encryptionKey), enabled: false, enabledAt: null, backupCodeHashes: [], lastUsedStep: null, updatedAt: now };
    if (existing) {
      await tx.update(twoFactorAuth).set(values).where(eq(twoFactorAuth.id, existing.id));
    } else {
      await tx.insert(twoFactorAuth).values({ ...values, userId: ctx.actor.id, method: "totp", createdAt: now });
    }
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "mfa.enrol_start",
        target: { type: "user", id: ctx.actor.id },
        before: { pendingEnrolment: !!existing },
        after: { method: "totp", enabled: false },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { secret, uri: totpFor(secret, ctx.actor.email).toString() } };
  });
}

/** Ten new backup codes: the plaintext to show once, the keyed hashes to keep. */
function freshBackupCodes(keys: TwoFactorKeys) {
  const codes = generateBackupCodes(BACKUP_CODE_COUNT);
  return { codes, hashes: codes.map((c) => hashBackupCode(c, keys.encryptionKey)) };
}

/**
 * Checks a TOTP code against the row (locked by the caller), records the
 * attempt, and on success returns the time step to store, so the same code
 * cannot be used again, here or at sign-in.
 */
async function verifyCodeOnRow(
  tx: Db,
  ctx: SelfContext,
  row: typeof twoFactorAuth.$inferSelect,
  code: string,
  context: "enrol" | "backup_regenerate",
  keys: TwoFactorKeys,
  now: Date,
): Promise<{ ok: true; step: number } | { ok: false; outcome: TwoFactorOutcome<never> }> {
  const blockedUntil = await verificationBlockedUntil(tx, ctx.actor.id, now);
  if (blockedUntil) return { ok: false, outcome: { status: "throttled", retryAt: blockedUntil } };
  const step = row.secretEncrypted ? verifyTotp(decrypt(row.secretEncrypted, keys.encryptionKey), code, row.lastUsedStep, now.getTime()) : null;
  await recordVerification(tx, {
    userId: ctx.actor.id,
    twoFactorId: row.id,
    context,
    success: step !== null,
    failureReason: "Code did not match or was already used",
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    now,
  });
  return step === null ? { ok: false, outcome: { status: "invalid_code" } } : { ok: true, step };
}

/**
 * Step two: a code from the app proves it holds the secret; only then is
 * two-factor switched on, and the backup codes issued.
 */
export async function confirmTotpEnrolment(db: Db, ctx: SelfContext, code: string, keys: TwoFactorKeys): Promise<TwoFactorOutcome<{ backupCodes: string[] }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockMyTotp(tx, ctx.actor.id);
    if (!row) return { status: "refused", detail: "Start setting up two-factor authentication first: there is no authenticator waiting to be confirmed." };
    if (row.enabled) return { status: "refused", detail: "Two-factor authentication is already on." };
    const check = await verifyCodeOnRow(tx, ctx, row, code, "enrol", keys, now);
    if (!check.ok) return check.outcome;
    const { codes, hashes } = freshBackupCodes(keys);
    await tx
      .update(twoFactorAuth)
      .set({ enabled: true, enabledAt: now, lastUsedStep: check.step, backupCodeHashes: hashes, updatedAt: now })
      .where(eq(twoFactorAuth.id, row.id));
    await raiseAccountEvent(tx, ctx, "mfa_enabled", { method: "totp", backupCodes: hashes.length }, now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "mfa.enable",
        target: { type: "user", id: ctx.actor.id },
        before: { enabled: false },
        after: { enabled: true, method: "totp", backupCodesIssued: hashes.length },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { backupCodes: codes } };
  });
}

/** New backup codes replace every old one, after a current code from the app. */
export async function regenerateBackupCodes(db: Db, ctx: SelfContext, code: string, keys: TwoFactorKeys): Promise<TwoFactorOutcome<{ backupCodes: string[] }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockMyTotp(tx, ctx.actor.id);
    if (!row?.enabled) return { status: "refused", detail: "Two-factor authentication is off, so there are no backup codes to replace." };
    const check = await verifyCodeOnRow(tx, ctx, row, code, "backup_regenerate", keys, now);
    if (!check.ok) return check.outcome;
    const { codes, hashes } = freshBackupCodes(keys);
    await tx.update(twoFactorAuth).set({ lastUsedStep: check.step, backupCodeHashes: hashes, updatedAt: now }).where(eq(twoFactorAuth.id, row.id));
    await raiseAccountEvent(tx, ctx, "backup_codes_regenerated", { replaced: row.backupCodeHashes.length, issued: hashes.length }, now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "mfa.backup_codes_regenerate",
        target: { type: "user", id: ctx.actor.id },
        before: { backupCodesRemaining: row.backupCodeHashes.length },
        after: { backupCodesIssued: hashes.length },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { backupCodes: codes } };
  });
}

/**
 * Turns two-factor off after the owner types their password again. The row
 * goes (the secret and the remaining backup codes with it); the attempts that
 * referred to it keep their history with a null link.
 */
export async function disableTwoFactor(db: Db, ctx: SelfContext, password: string): Promise<TwoFactorOutcome<{ enabled: false }>> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await lockMyTotp(tx, ctx.actor.id);
    if (!row?.enabled) return { status: "refused", detail: "Two-factor authentication is already off." };
    const blockedUntil = await verificationBlockedUntil(tx, ctx.actor.id, now);
    if (blockedUntil) return { status: "throttled", retryAt: blockedUntil };
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.id));
    const ok = user?.passwordHash ? (await verifyPassword(user.passwordHash, password)).ok : false;
    await recordVerification(tx, {
      userId: ctx.actor.id,
      twoFactorId: row.id,
      context: "disable",
      success: ok,
      failureReason: "Password did not match",
      ip: ctx.info.ip,
      userAgent: ctx.info.userAgent,
      now,
    });
    if (!ok) return { status: "invalid_password" };
    await tx.delete(twoFactorAuth).where(eq(twoFactorAuth.id, row.id));
    await raiseAccountEvent(tx, ctx, "mfa_disabled", { method: "totp" }, now);
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        action: "mfa.disable",
        target: { type: "user", id: ctx.actor.id },
        before: { enabled: true, method: "totp", enabledAt: row.enabledAt, backupCodesRemaining: row.backupCodeHashes.length },
        after: { enabled: false },
        ipAddress: ctx.info.ip,
        userAgent: ctx.info.userAgent,
      },
      ctx.auditKey,
      now,
    );
    return { status: "done", result: { enabled: false } };
  });
}
