import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";
import { refreshTokens, sessions } from "~/server/db/schema";

/** An application session for `userId`, active unless told otherwise. */
export async function insertSession(db: Db, userId: string, overrides: Partial<typeof sessions.$inferInsert> = {}) {
  const now = new Date();
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      tokenHash: randomBytes(32).toString("hex"),
      source: "app",
      deviceName: "Chrome on Windows",
      ipAddress: "203.0.113.10",
      userAgent: "Mozilla/5.0",
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      ...overrides,
    })
    .returning();
  return row!;
}

/** A refresh-token family of `length` rotations under a session. */
export async function insertRefreshFamily(db: Db, userId: string, sessionId: string | null, length = 2) {
  const familyId = randomUUID();
  let parentId: string | null = null;
  const now = Date.now();
  for (let i = 0; i < length; i += 1) {
    const [row]: { id: string }[] = await db
      .insert(refreshTokens)
      .values({
        userId,
        sessionId,
        familyId,
        parentId,
        tokenHash: randomBytes(32).toString("hex"),
        createdAt: new Date(now - (length - i) * 60_000),
        expiresAt: new Date(now + 86_400_000),
        usedAt: i < length - 1 ? new Date(now - (length - i - 1) * 60_000) : null,
      })
      .returning({ id: refreshTokens.id });
    parentId = row!.id;
  }
  return familyId;
}

/** Makes every audit insert fail, to prove actions roll back with their audit entry. */
export async function breakAuditInserts(db: Db) {
  const { sql } = await import("drizzle-orm");
  await db.execute(sql`CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
  await db.execute(sql`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`);
  return async () => {
    await db.execute(sql`DROP TRIGGER test_fail_audit ON audit_logs`);
    await db.execute(sql`DROP FUNCTION test_fail_audit()`);
  };
}
