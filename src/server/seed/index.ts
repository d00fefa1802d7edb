import "server-only";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { hashPassword, legacyBcryptHash } from "~/server/auth/password";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { appendAudit } from "~/server/queries/audit";
import { auditHistory } from "./audit-history";
import * as schema from "~/server/db/schema";
import { type SeedContext, type SeedData, type SeedOptions, DAY_MS, emptySeedData } from "./context";
import { generateActivity } from "./generate/activity";
import { generateFinance } from "./generate/finance";
import { generateMessaging } from "./generate/messaging";
import { generatePeople } from "./generate/people";
import { plantStories } from "./generate/stories";
import { Random } from "./random";

export type { SeedOptions } from "./context";

export const DEFAULT_SEED_OPTIONS = { users: 500, days: 30, seed: 20261122 } as const;

/** The current hour: the default anchor, so a fresh demo shows activity "today". */
export function currentHour(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
}

/** Builds every row in memory. Pure apart from the clock it is given. */
export async function generateSeedData(options: SeedOptions, encryptionKey: Buffer): Promise<SeedData> {
  const rng = new Random(options.seed);
  const hashRng = rng.fork("hashes");
  // One shared hash of a password nobody knows, in each scheme: hashing
  // thousands of distinct ones would take minutes and prove nothing.
  const sharedPassword = hashRng.hex(24);
  const bcryptSalt = `$2b$10$${bcryptBase64(hashRng.bytes(16)).slice(0, 22)}`;
  const ctx: SeedContext = {
    options,
    anchor: options.anchor,
    start: new Date(options.anchor.getTime() - options.days * DAY_MS),
    rng,
    encryptionKey,
    people: [],
    staff: { operatorId: "", adminId: "" },
    data: emptySeedData(),
    sharedHashes: {
      argon2: await hashPassword(sharedPassword, hashRng.bytes(16)),
      bcrypt: legacyBcryptHash(sharedPassword, bcryptSalt),
      history: [await hashPassword(hashRng.hex(24), hashRng.bytes(16)), await hashPassword(hashRng.hex(24), hashRng.bytes(16))],
    },
  };
  await generatePeople(ctx);
  generateActivity(ctx);
  generateMessaging(ctx);
  generateFinance(ctx);
  plantStories(ctx);

  // Time order, so identity keys rise with time as they would in production.
  const byTime = <T extends { createdAt?: Date | null }>(rows: T[]) => rows.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  byTime(ctx.data.loginAttempts);
  byTime(ctx.data.securityEvents);
  byTime(ctx.data.emailDeliveryLog);
  byTime(ctx.data.smsDeliveryLog);
  byTime(ctx.data.transactionFees);
  byTime(ctx.data.sessionAudits);
  byTime(ctx.data.mfaVerificationAttempts);
  return ctx.data;
}

const BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function bcryptBase64(bytes: Buffer): string {
  let out = "";
  for (const byte of bytes) out += BCRYPT_ALPHABET[byte & 63]! + BCRYPT_ALPHABET[byte >> 2]!;
  return out;
}

const TABLES: { [K in keyof SeedData]: PgTable } = {
  users: schema.users,
  daos: schema.daos,
  userDevices: schema.userDevices,
  sessions: schema.sessions,
  refreshTokens: schema.refreshTokens,
  sessionAudits: schema.sessionAudits,
  passwordHistory: schema.passwordHistory,
  accountRecovery: schema.accountRecovery,
  notificationPreferences: schema.notificationPreferences,
  twoFactorAuth: schema.twoFactorAuth,
  mfaVerificationAttempts: schema.mfaVerificationAttempts,
  oauthConnections: schema.oauthConnections,
  apiKeys: schema.apiKeys,
  loginAttempts: schema.loginAttempts,
  securityEvents: schema.securityEvents,
  emailDeliveryLog: schema.emailDeliveryLog,
  smsDeliveryLog: schema.smsDeliveryLog,
  kycRecords: schema.kycRecords,
  kycDocuments: schema.kycDocuments,
  kycComplianceChecks: schema.kycComplianceChecks,
  userBalances: schema.userBalances,
  daoTreasuries: schema.daoTreasuries,
  transactionFees: schema.transactionFees,
  currencySwaps: schema.currencySwaps,
  mpesaTransactions: schema.mpesaTransactions,
  gasPriceHistory: schema.gasPriceHistory,
  referralPayouts: schema.referralPayouts,
  recurringPayments: schema.recurringPayments,
  financialReports: schema.financialReports,
};

export interface SeedSummary {
  rows: Record<string, number>;
  anchor: Date;
  milliseconds: number;
}

/**
 * Fills an empty database with demo data: the same options give the same
 * rows. Runs in one transaction, so a failure leaves the database empty.
 */
export async function seedDatabase(
  db: Db,
  options: SeedOptions,
  /** The encryption key alone, or both keys: with the audit key the staff history is chained into audit_logs too. */
  keys: Buffer | { encryptionKey: Buffer; auditKey: Buffer },
  onProgress: (table: string, done: number, total: number) => void = () => {},
): Promise<SeedSummary> {
  const { encryptionKey, auditKey } = Buffer.isBuffer(keys) ? { encryptionKey: keys, auditKey: null } : keys;
  const started = Date.now();
  const existing = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users`);
  if (existing[0]!.n > 0) {
    throw new Error(`The database already holds ${existing[0]!.n} users. Run with --reset to wipe it and seed again.`);
  }
  const data = await generateSeedData(options, encryptionKey);
  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const key of Object.keys(TABLES) as (keyof SeedData)[]) {
      const table = TABLES[key];
      const values = data[key] as Record<string, unknown>[];
      // Stay far below PostgreSQL's 65,535 bind parameters per statement.
      const chunk = 400;
      for (let i = 0; i < values.length; i += chunk) {
        await tx.insert(table).values(values.slice(i, i + chunk));
        onProgress(key, Math.min(i + chunk, values.length), values.length);
      }
      rows[key] = values.length;
    }
    if (auditKey) {
      const history = auditHistory(data, options.anchor);
      for (const { at, entry } of history) await appendAudit(tx, entry, auditKey, at);
      onProgress("auditLogs", history.length, history.length);
      rows.auditLogs = history.length;
    }
  });
  return { rows, anchor: options.anchor, milliseconds: Date.now() - started };
}
