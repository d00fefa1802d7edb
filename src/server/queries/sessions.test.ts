import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/server/db/rows";
import { refreshTokens, sessions } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { breakAuditInserts, insertRefreshFamily, insertSession } from "~/test/factories";
import { type ConsoleUser, createConsoleUsers, TEST_INFO, TEST_SECRETS } from "~/test/trpc";
import type { ActionContext } from "./action-context";
import { verifyAuditChain } from "./audit";
import { previewUserSessionRevocation, revokeRefreshFamily, revokeSession, revokeUserSessions } from "./sessions";

let t: TestDatabase;
let people: Record<string, ConsoleUser>;
let ctx: ActionContext;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "sessions");
  ctx = { actor: people.operator!, info: TEST_INFO, auditKey: TEST_SECRETS.auditKey };
});
afterAll(async () => {
  await t?.close();
});

const auditCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_logs`))[0]!.n;

describe("revokeSession", () => {
  it("revokes the session and its refresh tokens, with one audit entry", async () => {
    const session = await insertSession(t.db, people.user!.id);
    await insertRefreshFamily(t.db, people.user!.id, session.id, 3);
    const before = await auditCount();
    const result = await revokeSession(t.db, ctx, { sessionId: session.id, reason: "Suspicious IP" });
    expect(result.status).toBe("revoked");
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.revokedAt).not.toBeNull();
    expect(row!.revokedBy).toBe(people.operator!.id);
    const live = await t.db.select().from(refreshTokens).where(eq(refreshTokens.sessionId, session.id));
    expect(live.every((r) => r.revokedAt)).toBe(true);
    expect(await auditCount()).toBe(before + 1);
  });

  it("is idempotent: a second revoke changes and records nothing", async () => {
    const session = await insertSession(t.db, people.user!.id);
    await revokeSession(t.db, ctx, { sessionId: session.id, reason: "x" });
    const before = await auditCount();
    expect((await revokeSession(t.db, ctx, { sessionId: session.id, reason: "x" })).status).toBe("already_revoked");
    expect(await auditCount()).toBe(before);
  });

  it("treats another user's session as not found when scoped", async () => {
    const session = await insertSession(t.db, people.otherUser!.id);
    const result = await revokeSession(t.db, ctx, { sessionId: session.id, userId: people.user!.id, reason: "x" });
    expect(result.status).toBe("not_found");
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.revokedAt).toBeNull();
  });

  it("changes nothing when its audit entry cannot be written", async () => {
    const session = await insertSession(t.db, people.user!.id);
    const restore = await breakAuditInserts(t.db);
    try {
      await expect(revokeSession(t.db, ctx, { sessionId: session.id, reason: "x" })).rejects.toThrow();
    } finally {
      await restore();
    }
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.revokedAt).toBeNull();
  });
});

describe("revokeUserSessions", () => {
  it("previews, then revokes every active session but the one kept", async () => {
    const keep = await insertSession(t.db, people.compliance!.id);
    const a = await insertSession(t.db, people.compliance!.id);
    const b = await insertSession(t.db, people.compliance!.id);
    await insertSession(t.db, people.compliance!.id, { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) });
    await insertRefreshFamily(t.db, people.compliance!.id, a.id);
    await insertRefreshFamily(t.db, people.compliance!.id, b.id);
    expect(await previewUserSessionRevocation(t.db, { userId: people.compliance!.id, exceptSessionId: keep.id })).toEqual({ sessions: 2, tokenFamilies: 2 });
    const result = await revokeUserSessions(t.db, ctx, { userId: people.compliance!.id, exceptSessionId: keep.id, reason: "Account takeover" });
    expect(result).toEqual({ sessions: 2, tokenFamilies: 2 });
    const [kept] = await t.db.select().from(sessions).where(eq(sessions.id, keep.id));
    expect(kept!.revokedAt).toBeNull();
    expect(await revokeUserSessions(t.db, ctx, { userId: people.compliance!.id, exceptSessionId: keep.id, reason: "again" })).toEqual({ sessions: 0, tokenFamilies: 0 });
  });
});

describe("revokeRefreshFamily", () => {
  it("revokes once, then reports already revoked; unknown and foreign families are not found", async () => {
    const session = await insertSession(t.db, people.user!.id);
    const familyId = await insertRefreshFamily(t.db, people.user!.id, session.id, 3);
    expect(await revokeRefreshFamily(t.db, ctx, { familyId, reason: "Reuse" })).toEqual({ status: "revoked", tokens: 3 });
    expect(await revokeRefreshFamily(t.db, ctx, { familyId, reason: "Reuse" })).toEqual({ status: "already_revoked", tokens: 0 });
    expect((await revokeRefreshFamily(t.db, ctx, { familyId: "7d1c1c1e-0000-4000-8000-000000000000", reason: "x" })).status).toBe("not_found");
    expect((await revokeRefreshFamily(t.db, ctx, { familyId, userId: people.otherUser!.id, reason: "x" })).status).toBe("not_found");
  });

  it("two operators revoking one family at once end with one revocation and a clean chain", async () => {
    const session = await insertSession(t.db, people.user!.id);
    const familyId = await insertRefreshFamily(t.db, people.user!.id, session.id, 2);
    const admin: ActionContext = { ...ctx, actor: people.admin! };
    const results = await Promise.all([
      revokeRefreshFamily(t.db, ctx, { familyId, reason: "Reuse" }),
      revokeRefreshFamily(t.db, admin, { familyId, reason: "Reuse" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_revoked", "revoked"]);
    const entries = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_logs WHERE target_id = ${familyId}`);
    expect(entries[0]!.n).toBe(1);
    expect(await verifyAuditChain(t.db, TEST_SECRETS.auditKey)).toMatchObject({ ok: true });
  });
});
