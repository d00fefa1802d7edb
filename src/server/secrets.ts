import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/env";

export interface Secrets {
  /** Signs and encrypts next-auth's cookie. */
  authSecret: string;
  /** AES-256 key for TOTP secrets, OAuth tokens and KYC storage keys. */
  encryptionKey: Buffer;
  /** HMAC key of the audit hash chain; without it the chain cannot be forged or verified. */
  auditKey: Buffer;
}

const variables = {
  authSecret: "NEXTAUTH_SECRET",
  encryptionKey: "WARDEN_ENCRYPTION_KEY",
  auditKey: "WARDEN_AUDIT_KEY",
} as const;

let cached: Secrets | undefined;

/**
 * Secrets come from the environment. A production deployment on PostgreSQL
 * must set all three; everywhere else (the embedded demo, development, tests)
 * any that are missing are generated once and kept in the data folder, so the
 * demo needs no set-up and survives restarts.
 */
export function getSecrets(): Secrets {
  if (cached) return cached;
  const { NODE_ENV, DATABASE_URL, WARDEN_DATA_DIR } = env();
  const fromEnv = {
    authSecret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    encryptionKey: process.env.WARDEN_ENCRYPTION_KEY,
    auditKey: process.env.WARDEN_AUDIT_KEY,
  };
  const missing = (Object.keys(variables) as (keyof typeof variables)[]).filter((k) => !fromEnv[k]);
  let stored: Partial<Record<keyof typeof variables, string>> = {};
  if (missing.length > 0) {
    if (NODE_ENV === "production" && DATABASE_URL) {
      throw new Error(
        `Set ${missing.map((k) => variables[k]).join(", ")} in the environment: ` +
          "production deployments on PostgreSQL do not generate their own secrets. " +
          "Each is 32 random bytes, base64 encoded (openssl rand -base64 32).",
      );
    }
    stored = loadOrCreateStoredSecrets(WARDEN_DATA_DIR);
  }
  const pick = (k: keyof typeof variables) => fromEnv[k] ?? stored[k]!;
  cached = {
    authSecret: pick("authSecret"),
    encryptionKey: decodeKey(pick("encryptionKey"), variables.encryptionKey),
    auditKey: decodeKey(pick("auditKey"), variables.auditKey),
  };
  return cached;
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64 encoded (openssl rand -base64 32).`);
  return key;
}

function loadOrCreateStoredSecrets(dataDir: string) {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<keyof typeof variables, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const generated = {
    authSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
    auditKey: randomBytes(32).toString("base64"),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  // wx: if another process created it first, use theirs rather than overwrite.
  try {
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(file, "utf8")) as typeof generated;
  }
}

/** For tests that switch environments. */
export function resetSecretsCache() {
  cached = undefined;
}
