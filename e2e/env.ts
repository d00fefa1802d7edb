/**
 * The settings scripts/e2e-server.ts starts the console with; specs read the
 * same values to reach the database directly.
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/warden_e2e";

export const E2E_SERVER_ENV = {
  NODE_ENV: "production",
  DATABASE_URL: E2E_DATABASE_URL,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0000000000",
  WARDEN_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString("base64"),
  WARDEN_AUDIT_KEY: Buffer.alloc(32, 12).toString("base64"),
  // Every spec signs in from 127.0.0.1; the per-IP throttle has its own integration tests.
  WARDEN_IP_FAILURE_LIMIT: "500",
  NEXT_TELEMETRY_DISABLED: "1",
} as const;
