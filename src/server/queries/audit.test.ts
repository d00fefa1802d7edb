import { sql } from "drizzle-orm";
import { afterAll, beforeEach, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { appendAudit, verifyAuditChain } from "./audit";

const KEY = Buffer.alloc(32, 9);
let t: TestDatabase;
const fresh: TestDatabase[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all([t?.close(), ...fresh.map((d) => d.close())]);
});

async function newDatabaseWithEntries(count: number) {
  const d = await createTestDatabase();
  fresh.push(d);
  for (let i = 0; i < count; i += 1) {
    await appendAudit(d.db, { actor: { id: null, email: `op${i}@warden.test`, role: "operator" }, action: "session.revoke", target: { type: "session", id: `s${i}` }, before: { revokedAt: null }, after: { revokedAt: new Date(0) }, ipAddress: "::ffff:10.0.0.1", userAgent: "test" }, KEY);
  }
  return d;
}

/** What a superuser could do: switch the triggers off for one transaction. */
async function behindTheTriggersBack(d: TestDatabase, statement: ReturnType<typeof sql>) {
  await d.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describe("audit chain", () => {
  beforeEach(() => {});

  it("verifies an untouched chain", async () => {
    const d = await newDatabaseWithEntries(5);
    const result = await verifyAuditChain(d.db, KEY);
    expect(result).toMatchObject({ ok: true, entries: 5, headSeq: 5 });
  });

  it("verifies an empty chain", async () => {
    expect(await verifyAuditChain(t.db, KEY)).toMatchObject({ ok: true, entries: 0, headSeq: 0 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const d = await newDatabaseWithEntries(1);
    await expect(d.db.execute(sql`UPDATE audit_logs SET reason = 'x'`)).rejects.toThrow();
    await expect(d.db.execute(sql`DELETE FROM audit_logs`)).rejects.toThrow();
    await expect(d.db.execute(sql`TRUNCATE audit_logs`)).rejects.toThrow();
    await expect(d.db.execute(sql`UPDATE audit_chain_head SET seq = 0`)).rejects.toThrow();
    expect(await verifyAuditChain(d.db, KEY)).toMatchObject({ ok: true, entries: 1 });
  });

  it("refuses a row that does not extend the head", async () => {
    await expect(
      t.db.insert(auditLogs).values({ action: "auth.sign_in", seq: 7, prevHash: "0".repeat(64), hash: "a".repeat(64) }),
    ).rejects.toThrow();
  });

  it("names the first altered row", async () => {
    const d = await newDatabaseWithEntries(6);
    await behindTheTriggersBack(d, sql`UPDATE audit_logs SET reason = 'nothing to see' WHERE seq = 3`);
    const result = await verifyAuditChain(d.db, KEY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.firstBroken.seq).toBe(3);
      expect(result.firstBroken.problem).toMatch(/altered/);
      expect(result.entries).toBe(2);
    }
  });

  it("names the gap a deleted row leaves", async () => {
    const d = await newDatabaseWithEntries(6);
    await behindTheTriggersBack(d, sql`DELETE FROM audit_logs WHERE seq = 4`);
    const result = await verifyAuditChain(d.db, KEY);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
    if (!result.ok) expect(result.firstBroken.problem).toMatch(/entry 4 is missing/);
  });

  it("notices rows removed from the end", async () => {
    const d = await newDatabaseWithEntries(4);
    await behindTheTriggersBack(d, sql`DELETE FROM audit_logs WHERE seq = 4`);
    const result = await verifyAuditChain(d.db, KEY);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
  });

  it("cannot be re-signed without the key", async () => {
    const d = await newDatabaseWithEntries(3);
    // Recomputing with another key yields a chain that does not verify with the real one.
    expect(await verifyAuditChain(d.db, Buffer.alloc(32, 1))).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
  });

  it("keeps one linear chain under concurrent writers", async () => {
    const d = await newDatabaseWithEntries(0);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        appendAudit(d.db, { actor: null, action: "session.revoke", target: { type: "session", id: String(i) } }, KEY),
      ),
    );
    expect(await verifyAuditChain(d.db, KEY)).toMatchObject({ ok: true, entries: 12, headSeq: 12 });
  });

  it("rolls back with the transaction it belongs to", async () => {
    const d = await newDatabaseWithEntries(1);
    await expect(
      d.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: null, action: "account.unlock" }, KEY);
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect(await verifyAuditChain(d.db, KEY)).toMatchObject({ ok: true, entries: 1 });
  });
});
