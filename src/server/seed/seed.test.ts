import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/server/db/rows";
import { verifyAuditChain } from "~/server/queries/audit";
import { createTestDatabase, schemaTableNames, type TestDatabase } from "~/test/db";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { seedDatabase } from "./index";
import { STORIES } from "./stories";
import * as dashboard from "~/server/queries/dashboard";

const KEY = { encryptionKey: Buffer.alloc(32, 7), auditKey: Buffer.alloc(32, 8) };
const OPTIONS = { users: 80, days: 3, seed: 4242, anchor: new Date("2026-11-20T12:00:00Z") };
const HOUR = 3_600_000;
const at = (msBeforeAnchor: number) => new Date(OPTIONS.anchor.getTime() - msBeforeAnchor).toISOString();

let first: TestDatabase;
let second: TestDatabase;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDatabase(first.db, OPTIONS, KEY);
  await seedDatabase(second.db, OPTIONS, KEY);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const tableNames = schemaTableNames();

async function digest(t: TestDatabase, table: string) {
  const [row] = await queryRows<{ digest: string; n: number }>(
    t.db,
    sql.raw(`SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS digest, count(*)::int AS n FROM "${table}" r`),
  );
  return row!;
}

describe("demo seed", () => {
  it("is deterministic: the same options write the same rows", async () => {
    for (const table of tableNames) {
      const [a, b] = await Promise.all([digest(first, table), digest(second, table)]);
      expect({ table, ...a }).toEqual({ table, ...b });
    }
  });

  it("fills every table the dashboards read", async () => {
    for (const table of ["users", "login_attempts", "security_events", "sessions", "email_delivery_log", "sms_delivery_log", "transaction_fees", "currency_swaps", "mpesa_transactions", "user_balances", "kyc_records"]) {
      expect((await digest(first, table)).n, table).toBeGreaterThan(0);
    }
  });

  it("chains the staff history into a verifiable audit trail", async () => {
    const result = await verifyAuditChain(first.db, KEY.auditKey);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(5);
  });

  it("refuses to seed a database that already has users", async () => {
    await expect(seedDatabase(first.db, OPTIONS, KEY)).rejects.toThrow(/already holds/);
  });

  it("creates one demo console account per role", async () => {
    const rows = await queryRows<{ email: string; role: string; hash: string }>(
      first.db,
      sql`SELECT email, role::text, left(password_hash, 10) AS hash FROM users WHERE email LIKE '%@warden.test' ORDER BY email`,
    );
    expect(rows.map((r) => [r.email, r.role])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.email.localeCompare(b.email)).map((a) => [a.email, a.role]),
    );
    for (const row of rows) expect(row.hash).toBe("$argon2id$");
  });
});

describe("stories planted in the demo data", () => {
  it("a credential-stuffing IP tries dozens of accounts within an hour", async () => {
    const story = STORIES.credentialStuffing;
    const [row] = await queryRows<{ identifiers: number }>(
      first.db,
      sql`SELECT count(DISTINCT identifier)::int AS identifiers FROM login_attempts
          WHERE ip_address = ${story.ip}::inet AND created_at >= ${at(story.startsBeforeAnchor)}::timestamptz
            AND created_at < ${at(story.startsBeforeAnchor - HOUR)}::timestamptz`,
    );
    expect(row!.identifiers).toBeGreaterThan(20);
    expect(row!.identifiers).toBe(story.distinctIdentifiers);
  });

  it("a brute-force burst hits a few accounts with many failures inside five minutes", async () => {
    const rows = await queryRows<{ user_id: string; failures: number }>(
      first.db,
      sql`SELECT user_id::text, count(*)::int AS failures FROM login_attempts
          WHERE attempt_result <> 'success' AND host(ip_address) IN (${STORIES.bruteForce.ips[0]}, ${STORIES.bruteForce.ips[1]})
          GROUP BY user_id HAVING max(created_at) - min(created_at) < interval '5 minutes'`,
    );
    expect(rows).toHaveLength(STORIES.bruteForce.targets);
    for (const row of rows) expect(row.failures).toBe(STORIES.bruteForce.failuresPerTarget);
  });

  it("an SMS-pumping run sends hundreds of OTPs to one number range", async () => {
    const story = STORIES.smsPumping;
    const [row] = await queryRows<{ messages: number; numbers: number; cost: string }>(
      first.db,
      sql`SELECT count(*)::int AS messages, count(DISTINCT to_phone)::int AS numbers, sum(cost)::text AS cost
          FROM sms_delivery_log WHERE to_phone LIKE ${story.prefix + "%"}`,
    );
    expect(row!.messages).toBe(story.messages);
    expect(row!.numbers).toBeLessThanOrEqual(story.numbers);
    expect(Number(row!.cost)).toBeGreaterThan(50);
  });

  it("one email provider fails every message for an hour, and only then", async () => {
    const story = STORIES.emailOutage;
    const rows = await queryRows<{ inside: boolean; total: number; failed: number }>(
      first.db,
      sql`SELECT (created_at >= ${at(story.startsBeforeAnchor)}::timestamptz AND created_at < ${at(story.startsBeforeAnchor - story.durationMs)}::timestamptz) AS inside,
                 count(*)::int AS total, count(*) FILTER (WHERE status = 'failed')::int AS failed
          FROM email_delivery_log WHERE provider = ${story.provider} GROUP BY 1 ORDER BY 1`,
    );
    const inside = rows.find((r) => r.inside)!;
    const outside = rows.find((r) => !r.inside)!;
    expect(inside.total).toBeGreaterThanOrEqual(60);
    expect(inside.failed).toBe(inside.total);
    expect(outside.failed / outside.total).toBeLessThan(0.05);
  });

  it("a few accounts are locked right now", async () => {
    const [row] = await queryRows<{ locked: number }>(
      first.db,
      sql`SELECT count(*)::int AS locked FROM users WHERE locked_until > ${OPTIONS.anchor.toISOString()}::timestamptz`,
    );
    expect(row!.locked).toBe(STORIES.lockedAccounts);
  });

  it("fee revenue spans categories and KES, cUSD and CELO", async () => {
    const rows = await queryRows<{ currency: string; categories: number }>(
      first.db,
      sql`SELECT currency, count(DISTINCT fee_category)::int AS categories FROM transaction_fees GROUP BY currency ORDER BY currency`,
    );
    expect(rows.map((r) => r.currency).sort()).toEqual(["CELO", "KES", "cUSD"].sort());
    expect(rows.reduce((n, r) => n + r.categories, 0)).toBeGreaterThanOrEqual(7);
  });

  it("raises an open event for each attack", async () => {
    const rows = await queryRows<{ event_type: string; severity: string }>(
      first.db,
      sql`SELECT DISTINCT event_type, severity::text FROM security_events WHERE status = 'open' ORDER BY 1`,
    );
    const types = rows.map((r) => r.event_type);
    for (const type of ["brute_force_detected", "credential_stuffing", "sms_pumping_suspected", "refresh_token_reuse"]) {
      expect(types).toContain(type);
    }
  });
});

describe("the stories, as the dashboards show them (last 24 hours before the anchor)", () => {
  const day = { from: new Date(OPTIONS.anchor.getTime() - 24 * HOUR), to: OPTIONS.anchor };
  const twoDays = { from: new Date(OPTIONS.anchor.getTime() - 48 * HOUR), to: OPTIONS.anchor };

  it("the credential-stuffing IP heads the failed logins and is the stuffing suspect", async () => {
    const top = await dashboard.failedLoginsByIp(first.db, { ...day, limit: 3 });
    expect(top.map((r) => r.ip).sort()).toEqual([STORIES.credentialStuffing.ip, ...STORIES.bruteForce.ips].sort());
    const suspects = await dashboard.credentialStuffing(first.db, { ...day, limit: 10 });
    expect(suspects.map((s) => s.ip)).toEqual([STORIES.credentialStuffing.ip]);
    expect(suspects[0]!.distinctIdentifiers).toBe(STORIES.credentialStuffing.distinctIdentifiers);
  });

  it("the brute-force burst's targets are the accounts under brute force", async () => {
    const rows = await dashboard.bruteForce(first.db, { ...day, limit: 10 });
    expect(rows).toHaveLength(STORIES.bruteForce.targets);
    for (const r of rows) expect(r.failures).toBe(STORIES.bruteForce.failuresPerTarget);
  });

  it("the pumped number range fills the top SMS recipients", async () => {
    const rows = await dashboard.smsTopRecipients(first.db, { ...day, limit: 10 });
    expect(rows.every((r) => r.phone.startsWith(STORIES.smsPumping.prefix))).toBe(true);
  });

  it("the email outage is an hour where the provider delivered nothing", async () => {
    const outage = { from: new Date(at(STORIES.emailOutage.startsBeforeAnchor)), to: new Date(at(STORIES.emailOutage.startsBeforeAnchor - HOUR)) };
    const during = await dashboard.emailDeliveryRate(first.db, outage);
    const provider = during.byProvider.find((p) => p.provider === STORIES.emailOutage.provider)!;
    expect(provider.total).toBeGreaterThan(0);
    expect(provider.rate).toBe(0);
    // Over two days the provider's rate sits visibly below the others'.
    const overall = await dashboard.emailDeliveryRate(first.db, twoDays);
    const [worst] = [...overall.byProvider].sort((a, b) => a.rate! - b.rate!);
    expect(worst!.provider).toBe(STORIES.emailOutage.provider);
  });
});

