import "server-only";
import { and, count, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { checkSecondFactorCode, checkSignInFields, type SignInErrorCode, type SignInFieldProblem } from "~/lib/sign-in-messages";
import { parseUserAgent } from "~/lib/user-agent";
import { decrypt } from "~/server/crypto/encryption";
import { sha256Hex } from "~/server/crypto/tokens";
import type { Db } from "~/server/db/client";
import { loginAttempts, mfaVerificationAttempts, securityEvents, twoFactorAuth, userDevices, users } from "~/server/db/schema";
import { appendAudit } from "~/server/queries/audit";
import type { Secrets } from "~/server/secrets";
import { hashBackupCode, normaliseBackupCode } from "./backup-codes";
import { isLocked, registerFailure } from "./lockout";
import { issueMfaChallenge, passwordTag, readMfaChallenge } from "./mfa-challenge";
import { burnVerificationTime, hashPassword, verifyPassword } from "./password";
import type { AuthPolicy } from "./policy";
import { cleanText, type RequestInfo } from "./request-info";
import { createConsoleSession } from "./sessions";
import { verifyTotp } from "./totp";

export interface SignInDeps {
  info: RequestInfo;
  /** The long-lived random device cookie, when the browser has one. */
  deviceId: string | null;
  policy: AuthPolicy;
  secrets: Pick<Secrets, "authSecret" | "encryptionKey" | "auditKey">;
  now?: Date;
}

export type SignInResult =
  | { status: "signed_in"; userId: string; sessionId: string; token: string }
  | { status: "mfa_required"; challenge: string }
  | { status: "rejected"; code: SignInErrorCode; field?: SignInFieldProblem; challenge?: string };

type UserRow = typeof users.$inferSelect;
type AttemptResult = (typeof loginAttempts.$inferInsert)["attemptResult"];

const REJECTED: SignInResult = { status: "rejected", code: "invalid_credentials" };

/**
 * Step one: an identifier and a password. Whatever goes wrong (no such
 * account, wrong password, locked, suspended) the answer is the same and
 * costs the same argon2 verification, so neither the words nor the timing
 * say whether the account exists. Every attempt is written to login_attempts.
 */
export async function signInWithPassword(db: Db, input: { identifier?: unknown; password?: unknown }, deps: SignInDeps): Promise<SignInResult> {
  const now = deps.now ?? new Date();
  const identifier = typeof input.identifier === "string" ? input.identifier.trim() : "";
  const password = typeof input.password === "string" ? input.password : "";
  const problem = checkSignInFields(identifier, password);
  if (problem) {
    await recordAttempt(db, deps, now, { identifier: cleanText(identifier, 320) ?? "(empty)", userId: null, result: "invalid_input", reason: `Rejected input: ${problem}` });
    return { status: "rejected", code: "invalid_input", field: problem };
  }
  if (await ipIsThrottled(db, deps, now)) {
    await burnVerificationTime(password);
    await recordAttempt(db, deps, now, { identifier, userId: null, result: "throttled", reason: "Too many failures from this address" });
    return { status: "rejected", code: "throttled" };
  }

  const user = await findUserByIdentifier(db, identifier);
  if (!user) {
    await burnVerificationTime(password);
    await recordAttempt(db, deps, now, { identifier, userId: null, result: "unknown_user", reason: "No account with this identifier" });
    return REJECTED;
  }
  const verification = user.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnVerificationTime(password), { ok: false, needsRehash: false });
  if (user.status !== "active") {
    await recordAttempt(db, deps, now, { identifier, userId: user.id, result: "disabled", reason: `Account ${user.status}` });
    return REJECTED;
  }
  if (isLocked(user.lockedUntil, now)) {
    await recordAttempt(db, deps, now, { identifier, userId: user.id, result: "locked", reason: "Account locked" });
    return REJECTED;
  }
  if (!verification.ok) {
    await registerFailedAttempt(db, deps, now, user, identifier, "failed_password", "Password did not match");
    return REJECTED;
  }

  let passwordHash = user.passwordHash!;
  if (verification.needsRehash) {
    // The seed systems' bcrypt hashes (and weaker argon2 settings) are upgraded while we hold the plaintext.
    passwordHash = await hashPassword(password);
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
  }
  if (await enabledTotp(db, user.id)) {
    return { status: "mfa_required", challenge: issueMfaChallenge(user.id, passwordHash, deps.secrets.authSecret, now.getTime()) };
  }
  return completeSignIn(db, deps, now, user, identifier, { mfaVerified: false, usedBackupCode: false });
}

/** Step two, for accounts with two-factor: the challenge from step one and a TOTP or backup code. */
export async function signInWithSecondFactor(db: Db, input: { challenge?: unknown; code?: unknown }, deps: SignInDeps): Promise<SignInResult> {
  const now = deps.now ?? new Date();
  const challenge = typeof input.challenge === "string" ? input.challenge : "";
  const code = typeof input.code === "string" ? input.code.trim() : "";
  const claims = challenge.length <= 1024 ? readMfaChallenge(challenge, deps.secrets.authSecret, now.getTime()) : null;
  if (!claims) return { status: "rejected", code: "challenge_expired" };
  const codeProblem = checkSecondFactorCode(code);
  if (codeProblem) return { status: "rejected", code: "invalid_input", field: codeProblem, challenge };

  const [user] = await db.select().from(users).where(and(eq(users.id, claims.userId), isNull(users.deletedAt)));
  if (!user || !user.passwordHash || passwordTag(user.passwordHash) !== claims.passwordTag) return { status: "rejected", code: "challenge_expired" };
  const identifier = user.email;
  if (await ipIsThrottled(db, deps, now)) {
    await recordAttempt(db, deps, now, { identifier, userId: user.id, result: "throttled", reason: "Too many failures from this address" });
    return { status: "rejected", code: "throttled" };
  }
  if (user.status !== "active" || isLocked(user.lockedUntil, now)) {
    await recordAttempt(db, deps, now, { identifier, userId: user.id, result: user.status !== "active" ? "disabled" : "locked", reason: user.status !== "active" ? `Account ${user.status}` : "Account locked" });
    return REJECTED;
  }
  const factor = await enabledTotp(db, user.id);
  if (!factor) return completeSignIn(db, deps, now, user, identifier, { mfaVerified: false, usedBackupCode: false });

  const backup = /^\d{6}$/.test(code) ? null : normaliseBackupCode(code);
  let accepted = false;
  if (backup) {
    // Removing the hash and checking it was there is one statement: a code cannot be spent twice, even at once.
    const hash = hashBackupCode(backup, deps.secrets.encryptionKey);
    const spent = await db
      .update(twoFactorAuth)
      .set({ backupCodeHashes: sql`array_remove(${twoFactorAuth.backupCodeHashes}, ${hash})`, updatedAt: now })
      .where(and(eq(twoFactorAuth.id, factor.id), sql`${hash} = ANY(${twoFactorAuth.backupCodeHashes})`))
      .returning({ id: twoFactorAuth.id });
    accepted = spent.length > 0;
  } else if (factor.secretEncrypted) {
    const step = verifyTotp(decrypt(factor.secretEncrypted, deps.secrets.encryptionKey), code, factor.lastUsedStep, now.getTime());
    if (step !== null) {
      const claimed = await db
        .update(twoFactorAuth)
        .set({ lastUsedStep: step, updatedAt: now })
        .where(and(eq(twoFactorAuth.id, factor.id), or(isNull(twoFactorAuth.lastUsedStep), sql`${twoFactorAuth.lastUsedStep} < ${step}`)))
        .returning({ id: twoFactorAuth.id });
      accepted = claimed.length > 0;
    }
  }
  await db.insert(mfaVerificationAttempts).values({
    userId: user.id,
    twoFactorId: factor.id,
    method: "totp",
    context: "sign_in",
    usedBackupCode: !!backup,
    success: accepted,
    failureReason: accepted ? null : backup ? "Backup code not recognised or already used" : "Code did not match",
    ipAddress: deps.info.ip,
    userAgent: deps.info.userAgent,
    createdAt: now,
  });
  if (!accepted) {
    const locked = await registerFailedAttempt(db, deps, now, user, identifier, "mfa_failed", "Wrong second-factor code");
    return locked ? REJECTED : { status: "rejected", code: "mfa_invalid", challenge };
  }
  return completeSignIn(db, deps, now, user, identifier, { mfaVerified: true, usedBackupCode: !!backup });
}

async function findUserByIdentifier(db: Db, identifier: string): Promise<UserRow | undefined> {
  const match = identifier.startsWith("+") ? eq(users.phone, identifier) : sql`lower(${users.email}) = lower(${identifier})`;
  const [user] = await db.select().from(users).where(and(match, isNull(users.deletedAt))).limit(1);
  return user;
}

async function enabledTotp(db: Db, userId: string) {
  const [factor] = await db
    .select()
    .from(twoFactorAuth)
    .where(and(eq(twoFactorAuth.userId, userId), eq(twoFactorAuth.method, "totp"), eq(twoFactorAuth.enabled, true)))
    .limit(1);
  return factor;
}

/** One address cycling through accounts is stopped before any account's own counter is touched. */
async function ipIsThrottled(db: Db, deps: SignInDeps, now: Date) {
  const [row] = await db
    .select({ failures: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ipAddress, deps.info.ip),
        gt(loginAttempts.createdAt, new Date(now.getTime() - deps.policy.ipWindowMs)),
        ne(loginAttempts.attemptResult, "success"),
      ),
    );
  return (row?.failures ?? 0) >= deps.policy.ipFailureLimit;
}

async function recordAttempt(
  db: Db,
  deps: SignInDeps,
  now: Date,
  attempt: { identifier: string; userId: string | null; result: AttemptResult; reason: string | null },
) {
  await db.insert(loginAttempts).values({
    identifier: attempt.identifier.slice(0, 320),
    userId: attempt.userId,
    ipAddress: deps.info.ip,
    userAgent: deps.info.userAgent,
    attemptResult: attempt.result,
    failureReason: attempt.reason,
    deviceFingerprint: deviceFingerprint(deps),
    createdAt: now,
  });
}

/**
 * Counts a failure against the account under a row lock (two wrong passwords
 * at once must both count) and locks it when the threshold is reached.
 * Returns whether this failure locked the account.
 */
async function registerFailedAttempt(
  db: Db,
  deps: SignInDeps,
  now: Date,
  user: UserRow,
  identifier: string,
  result: "failed_password" | "mfa_failed",
  reason: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ failedLoginCount: users.failedLoginCount, lockoutCount: users.lockoutCount })
      .from(users)
      .where(eq(users.id, user.id))
      .for("update");
    const outcome = registerFailure(current!, deps.policy.lockout, now);
    await tx
      .update(users)
      .set({
        failedLoginCount: outcome.failedLoginCount,
        lockoutCount: outcome.lockoutCount,
        ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil, lockReason: "Too many failed sign-in attempts" } : {}),
      })
      .where(eq(users.id, user.id));
    await recordAttempt(tx, deps, now, { identifier, userId: user.id, result, reason });
    if (outcome.lockedUntil) {
      await tx.insert(securityEvents).values({
        eventType: "account_locked",
        severity: "medium",
        userId: user.id,
        ipAddress: deps.info.ip,
        userAgent: deps.info.userAgent,
        details: { reason: "Too many failed sign-in attempts", lockout: outcome.lockoutCount, lockedUntil: outcome.lockedUntil.toISOString() },
        createdAt: now,
        updatedAt: now,
      });
    }
    return outcome.lockedUntil !== null;
  });
}

function deviceFingerprint(deps: SignInDeps): string {
  // The device cookie is random and HttpOnly; without one (scripts), the user agent is the best we have.
  return deps.deviceId ? sha256Hex(`device:${deps.deviceId}`) : sha256Hex(`ua:${deps.info.userAgent ?? ""}`);
}

async function completeSignIn(
  db: Db,
  deps: SignInDeps,
  now: Date,
  user: UserRow,
  identifier: string,
  factor: { mfaVerified: boolean; usedBackupCode: boolean },
): Promise<SignInResult> {
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockoutCount: 0, lastLoginAt: now, lastLoginIp: deps.info.ip })
      .where(eq(users.id, user.id));

    const fingerprint = deviceFingerprint(deps);
    const parsed = parseUserAgent(deps.info.userAgent);
    const [known] = await tx
      .select({ id: userDevices.id })
      .from(userDevices)
      .where(and(eq(userDevices.userId, user.id), eq(userDevices.fingerprint, fingerprint)));
    let deviceId = known?.id;
    if (deviceId) {
      await tx.update(userDevices).set({ lastSeenAt: now, lastIpAddress: deps.info.ip }).where(eq(userDevices.id, deviceId));
    } else {
      const [{ devices }] = (await tx.select({ devices: count() }).from(userDevices).where(eq(userDevices.userId, user.id))) as [{ devices: number }];
      const [created] = await tx
        .insert(userDevices)
        .values({
          userId: user.id,
          fingerprint,
          name: parsed.label,
          deviceType: parsed.deviceType,
          os: parsed.os,
          browser: parsed.browser,
          firstSeenAt: now,
          lastSeenAt: now,
          lastIpAddress: deps.info.ip,
        })
        .returning({ id: userDevices.id });
      deviceId = created!.id;
      if (devices > 0) {
        await tx.insert(securityEvents).values({
          eventType: "new_device_sign_in",
          severity: "low",
          userId: user.id,
          ipAddress: deps.info.ip,
          userAgent: deps.info.userAgent,
          details: { device: parsed.label, deviceId, source: "console" },
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    if (factor.usedBackupCode) {
      await tx.insert(securityEvents).values({
        eventType: "backup_code_used",
        severity: "low",
        userId: user.id,
        ipAddress: deps.info.ip,
        userAgent: deps.info.userAgent,
        details: { source: "console" },
        createdAt: now,
        updatedAt: now,
      });
    }

    const session = await createConsoleSession(tx, {
      userId: user.id,
      deviceId,
      deviceName: parsed.label,
      mfaVerified: factor.mfaVerified,
      info: deps.info,
      policy: deps.policy,
      now,
    });
    await recordAttempt(tx, deps, now, { identifier, userId: user.id, result: "success", reason: null });
    await appendAudit(
      tx,
      {
        actor: { id: user.id, email: user.email, role: user.role },
        action: "auth.sign_in",
        target: { type: "session", id: session.sessionId },
        after: { mfaVerified: factor.mfaVerified, usedBackupCode: factor.usedBackupCode, device: parsed.label },
        ipAddress: deps.info.ip,
        userAgent: deps.info.userAgent,
      },
      deps.secrets.auditKey,
      now,
    );
    return { status: "signed_in", userId: user.id, sessionId: session.sessionId, token: session.token };
  });
}
