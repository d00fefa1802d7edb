/**
 * The attacks and incidents planted in the demo data. The dashboards must make
 * each one plain to see; the seed tests check each one is really there. Times
 * are offsets back from the seed's anchor (the hour it was run, by default).
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;

export const STORIES = {
  /** A few accounts hammered with wrong passwords in a short burst, then locked. */
  bruteForce: {
    ips: ["45.142.212.61", "45.142.212.62"],
    targets: 3,
    failuresPerTarget: 48,
    startsBeforeAnchor: 3 * HOUR,
    durationMs: 4 * MINUTE,
  },
  /** One address trying dozens of accounts (mostly unknown) within an hour; one guess works. */
  credentialStuffing: {
    ip: "185.220.101.47",
    userAgent: "python-requests/2.31.0",
    distinctIdentifiers: 64,
    knownAccounts: 16,
    startsBeforeAnchor: 6 * HOUR,
    durationMs: 50 * MINUTE,
  },
  /** OTP SMS to one premium number range, run up by a bot for the per-message payout. */
  smsPumping: {
    prefix: "+2526130",
    countryCode: "SO",
    provider: "twilio",
    numbers: 40,
    messages: 320,
    costPerMessage: "0.28350000",
    currency: "USD",
    startsBeforeAnchor: 20 * HOUR,
    durationMs: 3 * HOUR,
  },
  /** An hour in which every message through one email provider failed. */
  emailOutage: {
    provider: "sendgrid",
    error: "421 4.7.0 Service temporarily unavailable, try again later",
    startsBeforeAnchor: 30 * HOUR,
    durationMs: HOUR,
  },
  /** Accounts locked right now, by lockout or by staff. */
  lockedAccounts: 4,
  /** A refresh token presented twice: the family was stolen. */
  refreshTokenReuse: { startsBeforeAnchor: 9 * HOUR },
} as const;

export const FEE_CURRENCIES = ["KES", "cUSD", "CELO"] as const;
