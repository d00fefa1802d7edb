import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { digestsEqual, hmacHex, sha256Hex } from "~/server/crypto/tokens";

const LIFETIME_MS = 5 * 60_000;

interface ChallengeClaims {
  /** user id */
  u: string;
  /** expiry, ms since epoch */
  e: number;
  /** binds the challenge to the password it was earned with */
  p: string;
  n: string;
}

function challengeKey(authSecret: string) {
  return Buffer.from(hkdfSync("sha256", Buffer.from(authSecret), Buffer.alloc(0), "warden mfa challenge", 32));
}

/**
 * After a correct password on an account with two-factor, the browser gets
 * this signed, short-lived token instead of a session; it must come back with
 * a valid code. Changing the password invalidates outstanding challenges.
 */
export function issueMfaChallenge(userId: string, passwordHash: string, authSecret: string, now = Date.now()): string {
  const claims: ChallengeClaims = { u: userId, e: now + LIFETIME_MS, p: sha256Hex(passwordHash).slice(0, 16), n: randomBytes(8).toString("hex") };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${hmacHex(challengeKey(authSecret), body)}`;
}

export function readMfaChallenge(token: string, authSecret: string, now = Date.now()): { userId: string; passwordTag: string } | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !/^[0-9a-f]{64}$/.test(signature)) return null;
  if (!digestsEqual(hmacHex(challengeKey(authSecret), body), signature)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as ChallengeClaims;
    if (typeof claims.u !== "string" || typeof claims.e !== "number" || claims.e < now) return null;
    return { userId: claims.u, passwordTag: claims.p };
  } catch {
    return null;
  }
}

export function passwordTag(passwordHash: string) {
  return sha256Hex(passwordHash).slice(0, 16);
}
