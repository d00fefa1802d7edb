import type * as schema from "~/server/db/schema";
import type { Random } from "./random";

export interface SeedOptions {
  users: number;
  days: number;
  seed: number;
  /** "Now" as far as the demo data is concerned; every time is relative to it. */
  anchor: Date;
}

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** Every row the seed writes, table by table, in an order that satisfies foreign keys. */
export interface SeedData {
  users: Insert<typeof schema.users>[];
  daos: Insert<typeof schema.daos>[];
  userDevices: Insert<typeof schema.userDevices>[];
  sessions: Insert<typeof schema.sessions>[];
  refreshTokens: Insert<typeof schema.refreshTokens>[];
  sessionAudits: Insert<typeof schema.sessionAudits>[];
  passwordHistory: Insert<typeof schema.passwordHistory>[];
  accountRecovery: Insert<typeof schema.accountRecovery>[];
  notificationPreferences: Insert<typeof schema.notificationPreferences>[];
  twoFactorAuth: Insert<typeof schema.twoFactorAuth>[];
  mfaVerificationAttempts: Insert<typeof schema.mfaVerificationAttempts>[];
  oauthConnections: Insert<typeof schema.oauthConnections>[];
  apiKeys: Insert<typeof schema.apiKeys>[];
  loginAttempts: Insert<typeof schema.loginAttempts>[];
  securityEvents: Insert<typeof schema.securityEvents>[];
  emailDeliveryLog: Insert<typeof schema.emailDeliveryLog>[];
  smsDeliveryLog: Insert<typeof schema.smsDeliveryLog>[];
  kycRecords: Insert<typeof schema.kycRecords>[];
  kycDocuments: Insert<typeof schema.kycDocuments>[];
  kycComplianceChecks: Insert<typeof schema.kycComplianceChecks>[];
  userBalances: Insert<typeof schema.userBalances>[];
  daoTreasuries: Insert<typeof schema.daoTreasuries>[];
  transactionFees: Insert<typeof schema.transactionFees>[];
  currencySwaps: Insert<typeof schema.currencySwaps>[];
  mpesaTransactions: Insert<typeof schema.mpesaTransactions>[];
  gasPriceHistory: Insert<typeof schema.gasPriceHistory>[];
  referralPayouts: Insert<typeof schema.referralPayouts>[];
  recurringPayments: Insert<typeof schema.recurringPayments>[];
  financialReports: Insert<typeof schema.financialReports>[];
}

export function emptySeedData(): SeedData {
  return {
    users: [], daos: [], userDevices: [], sessions: [], refreshTokens: [], sessionAudits: [],
    passwordHistory: [], accountRecovery: [], notificationPreferences: [], twoFactorAuth: [],
    mfaVerificationAttempts: [], oauthConnections: [], apiKeys: [], loginAttempts: [], securityEvents: [],
    emailDeliveryLog: [], smsDeliveryLog: [], kycRecords: [], kycDocuments: [], kycComplianceChecks: [],
    userBalances: [], daoTreasuries: [], transactionFees: [], currencySwaps: [], mpesaTransactions: [],
    gasPriceHistory: [], referralPayouts: [], recurringPayments: [], financialReports: [],
  };
}

export interface DeviceProfile {
  id: string;
  fingerprint: string;
  name: string;
  deviceType: "desktop" | "mobile" | "tablet";
  os: string;
  browser: string;
  userAgent: string;
  /** Set once the device is first used. */
  firstSeenAt?: Date;
  lastSeenAt?: Date;
  lastIp?: string;
  currentSessionId?: string;
}

export interface Person {
  id: string;
  email: string;
  phone: string | null;
  displayName: string;
  role: "admin" | "operator" | "compliance" | "user";
  createdAt: Date;
  homeIp: string;
  countryCode: string;
  city: string;
  devices: DeviceProfile[];
  /** Mean sign-ins per day. */
  signInRate: number;
  mfa: "totp" | "sms" | null;
  isDemo: boolean;
}

/** What the generators share: the clock, the randomness and the people. */
export interface SeedContext {
  options: SeedOptions;
  anchor: Date;
  start: Date;
  rng: Random;
  encryptionKey: Buffer;
  people: Person[];
  /** Staff who resolve events and act in the background story. */
  staff: { operatorId: string; adminId: string };
  data: SeedData;
  /** Precomputed hashes shared by generated users (hashing thousands would take minutes). */
  sharedHashes: { argon2: string; bcrypt: string; history: string[] };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const ago = (ctx: SeedContext, ms: number) => new Date(ctx.anchor.getTime() - ms);
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const maxDate = (a: Date, b: Date) => (a > b ? a : b);
