import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, schemaTableNames, type TestDatabase } from "~/test/db";
import { runMigrations } from "./migrate";
import { queryRows } from "./rows";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const expectedTables = schemaTableNames();

describe("migrations", () => {
  it("create every table in the schema", async () => {
    const rows = await queryRows<{ table_name: string }>(
      t.db,
      sql`SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actual = rows.map((r) => r.table_name).sort();
    for (const name of expectedTables) expect(actual).toContain(name);
  });

  it("covers the tables the seeds describe", () => {
    for (const name of [
      "users", "sessions", "refresh_tokens", "session_audits", "user_devices", "password_history",
      "account_recovery", "two_factor_auth", "mfa_verification_attempts", "oauth_connections", "api_keys",
      "notification_preferences", "login_attempts", "security_events", "audit_logs", "email_delivery_log",
      "sms_delivery_log", "kyc_records", "kyc_documents", "kyc_compliance_checks", "daos", "user_balances",
      "dao_treasuries", "transaction_fees", "currency_swaps", "mpesa_transactions", "gas_price_history",
      "referral_payouts", "recurring_payments", "financial_reports",
    ]) {
      expect(expectedTables).toContain(name);
    }
  });

  it("are a no-op the second time", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`))[0]!.n;
    const before = await count();
    await runMigrations(t);
    expect(await count()).toBe(before);
  });
});
