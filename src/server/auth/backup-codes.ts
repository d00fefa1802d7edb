import "server-only";
import { hkdfSync, randomInt } from "node:crypto";
import { hmacHex } from "~/server/crypto/tokens";

// Crockford's base32 without I, L, O, U: nothing to misread on paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Ten codes of ten characters (50 bits each), shown as `XXXXX-XXXXX`. */
export function generateBackupCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let code = "";
    for (let i = 0; i < 10; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

export function normaliseBackupCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(code) ? code : null;
}

export function looksLikeBackupCode(input: string): boolean {
  return normaliseBackupCode(input) !== null;
}

/**
 * Codes are stored as HMACs under a key derived from the encryption key, so a
 * stolen table alone does not let anyone test guesses offline.
 */
export function hashBackupCode(code: string, encryptionKey: Buffer): string {
  const key = Buffer.from(hkdfSync("sha256", encryptionKey, Buffer.alloc(0), "warden backup codes", 32));
  return hmacHex(key, normaliseBackupCode(code) ?? code);
}
