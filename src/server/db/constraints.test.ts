import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { daos, securityEvents, transactionFees, userBalances, users } from "./schema";

let t: TestDatabase;
let userId: string;
let daoId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  [{ id: userId }] = (await t.db.insert(users).values({ email: "owner@example.com" }).returning({ id: users.id })) as [{ id: string }];
  [{ id: daoId }] = (await t.db.insert(daos).values({ name: "Test DAO", slug: "test-dao" }).returning({ id: daos.id })) as [{ id: string }];
});
afterAll(async () => {
  await t?.close();
});

/** The database, not the application, must refuse these rows. */
async function expectRejected(write: Promise<unknown>, constraint: RegExp) {
  const error = await write.then(() => null, (e: unknown) => e as Error & { cause?: Error });
  expect(error, "the insert should have been refused").not.toBeNull();
  expect(`${error!.message} ${error!.cause?.message ?? ""}`).toMatch(constraint);
}

const fee = {
  transactionId: "tx_1",
  transactionType: "wallet",
  feeType: "percentage_fee",
  feeCategory: "p2p_transfer" as const,
  baseAmount: "100",
  feeAmount: "1",
  currency: "KES",
  platformRevenue: "1",
};

describe("database constraints", () => {
  it("accept a well-formed fee", async () => {
    await t.db.insert(transactionFees).values(fee);
  });

  it("reject a negative fee", async () => {
    await expectRejected(
      t.db.insert(transactionFees).values({ ...fee, feeAmount: "-1", platformRevenue: "-1" }),
      /transaction_fees_amounts_nonnegative|transaction_fees_split/,
    );
  });

  it("reject a fee whose platform and DAO shares do not add up", async () => {
    await expectRejected(t.db.insert(transactionFees).values({ ...fee, daoRevenue: "0.5" }), /transaction_fees_split/);
  });

  it("reject an unknown severity", async () => {
    await expectRejected(
      t.db.execute(sql`INSERT INTO security_events (event_type, severity) VALUES ('login_failed', 'apocalyptic')`),
      /invalid input value for enum severity/,
    );
  });

  it("reject resolving an event without a note", async () => {
    await expectRejected(
      t.db.insert(securityEvents).values({ eventType: "login_failed", severity: "low", status: "resolved", resolvedAt: new Date() }),
      /security_events_resolution_consistent/,
    );
  });

  it("reject a second balance row for the same user, DAO and currency", async () => {
    await t.db.insert(userBalances).values({ userId, daoId, currency: "cUSD" });
    await expectRejected(t.db.insert(userBalances).values({ userId, daoId, currency: "cUSD" }), /user_balances_user_dao_currency_key/);
  });

  it("reject a second personal (DAO-less) balance in one currency", async () => {
    await t.db.insert(userBalances).values({ userId, currency: "KES" });
    await expectRejected(t.db.insert(userBalances).values({ userId, currency: "KES" }), /user_balances_user_dao_currency_key/);
  });

  it("reject a malformed email", async () => {
    await expectRejected(t.db.insert(users).values({ email: "not-an-email" }), /users_email_format/);
  });

  it("treat emails case-insensitively", async () => {
    await expectRejected(t.db.insert(users).values({ email: "OWNER@Example.com" }), /users_email_lower_key/);
  });

  it("reject a phone number that is not E.164", async () => {
    await expectRejected(t.db.insert(users).values({ email: "p@example.com", phone: "0712 345 678" }), /users_phone_e164/);
  });

  it("reject a malformed IP address", async () => {
    await expectRejected(
      t.db.execute(sql`INSERT INTO login_attempts (identifier, ip_address, attempt_result) VALUES ('x', '999.1.1.1', 'success')`),
      /invalid input syntax for type inet/,
    );
  });
});
