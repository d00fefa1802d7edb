import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/server/db/rows";
import { daos, userBalances, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import * as q from "./index";

// `balancesByCurrency` reads `balance_totals`, which triggers keep in step with
// `user_balances` (drizzle/0005, 0008): each test changes balances the ways an
// application can and compares the tile with the balances themselves.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t?.close();
});

describe("balances by currency", () => {
  const naive = () =>
    queryRows<{ currency: string; holders: number; available: string; pending: string; locked: string }>(
      t.db,
      sql`SELECT currency, count(DISTINCT user_id)::int AS holders, sum(available_balance)::text AS available,
                 sum(pending_balance)::text AS pending, sum(locked_balance)::text AS locked
          FROM user_balances GROUP BY 1 ORDER BY 1`,
    );
  const totals = () => queryRows<{ j: string }>(t.db, sql`SELECT to_jsonb(b)::text AS j FROM balance_totals b WHERE balances <> 0 ORDER BY currency, slot`);

  it("stay equal to the balances themselves through inserts, updates, moves and deletes", async () => {
    const holders = await t.db
      .insert(users)
      .values(Array.from({ length: 6 }, (_, i) => ({ email: `holder${i}@example.com` })))
      .returning({ id: users.id });
    const [a, b, c, d, e, f] = holders.map((h) => h.id) as [string, string, string, string, string, string];
    const [dao] = await t.db.insert(daos).values({ name: "Savings circle", slug: "savings-circle" }).returning({ id: daos.id });
    const balance = (userId: string, currency: string, available: string, daoId: string | null = null) => ({ userId, currency, availableBalance: available, pendingBalance: "0.5", lockedBalance: "0.00000001", daoId });
    // One statement, several rows; `a` holds KES twice (personally and in the DAO): one holder.
    await t.db.insert(userBalances).values([
      balance(a, "KES", "100.25"),
      balance(a, "KES", "50", dao!.id),
      balance(b, "KES", "7.12345678"),
      balance(c, "USD", "10"),
      balance(d, "USDC", "3"),
    ]);
    await t.db.insert(userBalances).values(balance(e, "USD", "1"));
    await t.db.insert(userBalances).values([balance(f, "USDC", "2"), balance(f, "KES", "0")]);
    expect(await q.balancesByCurrency(t.db)).toEqual(await naive());
    expect((await q.balancesByCurrency(t.db)).find((r) => r.currency === "KES")!.holders).toBe(3);

    await t.db.execute(sql`UPDATE user_balances SET available_balance = available_balance + 1.5, locked_balance = 0 WHERE currency = 'KES'`);
    // A balance moves currency, and another changes hands.
    await t.db.execute(sql`UPDATE user_balances SET currency = 'USD' WHERE user_id = ${d} AND currency = 'USDC'`);
    await t.db.execute(sql`UPDATE user_balances SET user_id = ${b} WHERE user_id = ${e}`);
    expect(await q.balancesByCurrency(t.db)).toEqual(await naive());

    // `a` keeps holding KES after one of two balances goes; `b` stops after its only one goes.
    await t.db.execute(sql`DELETE FROM user_balances WHERE user_id = ${a} AND dao_id IS NULL`);
    await t.db.execute(sql`DELETE FROM user_balances WHERE user_id = ${b} AND currency = 'KES'`);
    let now = await q.balancesByCurrency(t.db);
    expect(now).toEqual(await naive());
    expect(now.find((r) => r.currency === "KES")!.holders).toBe(2);

    // A currency nobody holds any more is gone from the tile.
    await t.db.execute(sql`DELETE FROM user_balances WHERE currency = 'USDC'`);
    now = await q.balancesByCurrency(t.db);
    expect(now.map((r) => r.currency)).not.toContain("USDC");
    expect(now).toEqual(await naive());

    // One statement that deletes and inserts fires two triggers, each seeing the final table:
    // `c` moves its personal USD into the DAO and is still one holder.
    const usdHolders = now.find((r) => r.currency === "USD")!.holders;
    await t.db.execute(sql`
      WITH gone AS (DELETE FROM user_balances WHERE user_id = ${c} AND currency = 'USD' AND dao_id IS NULL RETURNING user_id, currency, available_balance)
      INSERT INTO user_balances (user_id, dao_id, currency, available_balance) SELECT user_id, ${dao!.id}::uuid, currency, available_balance FROM gone`);
    now = await q.balancesByCurrency(t.db);
    expect(now).toEqual(await naive());
    expect(now.find((r) => r.currency === "USD")!.holders).toBe(usdHolders);

    // And the triggers' totals are what a rebuild computes from scratch.
    const live = await totals();
    await t.db.execute(sql`SELECT balance_totals_rebuild()`);
    expect(await totals()).toEqual(live);

    // TRUNCATE fires no row triggers; it clears the totals with it.
    await t.db.execute(sql`TRUNCATE user_balances`);
    expect(await q.balancesByCurrency(t.db)).toEqual([]);
  });

  // Two connections: PostgreSQL only (PGlite has one).
  it.skipIf(!process.env.TEST_DATABASE_URL)("count a holder once when two transactions change their balances at the same time", async () => {
    const [g] = await t.db.insert(users).values({ email: "concurrent-holder@example.com" }).returning({ id: users.id });
    const [dao] = await t.db.insert(daos).values({ name: "Concurrent circle", slug: "concurrent-circle" }).returning({ id: daos.id });
    await t.db.insert(userBalances).values({ userId: g!.id, currency: "EUR", availableBalance: "5" });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first drops the user's personal EUR balance and stays open; the second adds a DAO one meanwhile.
    const first = t.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM user_balances WHERE user_id = ${g!.id} AND dao_id IS NULL`);
      await held;
    });
    await pause(150);
    const second = t.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO user_balances (user_id, dao_id, currency, available_balance) VALUES (${g!.id}, ${dao!.id}, 'EUR', 2)`);
    });
    await pause(150);
    release();
    await Promise.all([first, second]);
    const eur = (await q.balancesByCurrency(t.db)).find((r) => r.currency === "EUR");
    expect(eur).toEqual((await naive()).find((r) => r.currency === "EUR"));
    expect(eur!.holders).toBe(1);
  });
});
