import "server-only";
import { type Algorithm, hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here.
// Algorithm is a const enum in the typings, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return argon2Hash(password, { ...ARGON2_OPTIONS, salt });
}

export type PasswordScheme = "argon2id" | "bcrypt" | "unknown";

export function passwordScheme(hash: string): PasswordScheme {
  if (hash.startsWith("$argon2id$")) return "argon2id";
  if (/^\$2[aby]\$\d{2}\$/.test(hash)) return "bcrypt";
  return "unknown";
}

/**
 * Verifies against argon2id or a bcrypt hash inherited from the seed systems.
 * `needsRehash` tells the caller to store a fresh argon2id hash now that it
 * holds the plaintext.
 */
export async function verifyPassword(hash: string, password: string): Promise<{ ok: boolean; needsRehash: boolean }> {
  switch (passwordScheme(hash)) {
    case "argon2id": {
      const ok = await argon2Verify(hash, password).catch(() => false);
      const params = /m=(\d+),t=(\d+)/.exec(hash);
      const weaker = !params || Number(params[1]) < ARGON2_OPTIONS.memoryCost || Number(params[2]) < ARGON2_OPTIONS.timeCost;
      return { ok, needsRehash: ok && weaker };
    }
    case "bcrypt": {
      const ok = await bcrypt.compare(password, hash);
      return { ok, needsRehash: ok };
    }
    default:
      return { ok: false, needsRehash: false };
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for sign-ins whose account does
 * not exist, so response time does not reveal which accounts do.
 */
export async function burnVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("warden-timing-equaliser");
  await argon2Verify(await dummyHash, password).catch(() => false);
}

/** bcrypt, as the seed systems stored it: only the demo seed writes these. */
export function legacyBcryptHash(password: string, salt: string): string {
  return bcrypt.hashSync(password, salt);
}
