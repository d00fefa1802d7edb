import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRecovery, emailDeliveryLog, loginAttempts, securityEvents, twoFactorAuth, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { insertSession } from "~/test/factories";
import { callerAs, createConsoleUsers } from "~/test/trpc";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;
let op: Awaited<ReturnType<typeof callerAs>>;
let subjectId: string;
const base = Date.parse("2026-11-20T12:00:00.000Z");
const at = (minutes: number) => new Date(base + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "inv");
  op = await callerAs(t.db, people.operator);
  const [subject] = await t.db.insert(users).values({ email: "subject@example.com", phone: "+254700000001", lockedUntil: new Date(Date.now() + 3_600_000), lockReason: "test" }).returning({ id: users.id });
  subjectId = subject!.id;
  await t.db.insert(twoFactorAuth).values({ userId: subjectId, method: "sms", enabled: true, enabledAt: at(0) });
  // A timeline of eleven entries across five sources, some at the same instant.
  await t.db.insert(loginAttempts).values([
    { identifier: "subject@example.com", userId: subjectId, ipAddress: "203.0.113.5", attemptResult: "failed_password", failureReason: "wrong", createdAt: at(1) },
    { identifier: "subject@example.com", userId: subjectId, ipAddress: "203.0.113.5", attemptResult: "failed_password", failureReason: "wrong", createdAt: at(2) },
    { identifier: "subject@example.com", userId: subjectId, ipAddress: "203.0.113.5", attemptResult: "success", createdAt: at(3) },
    { identifier: "nobody@example.com", ipAddress: "203.0.113.5", attemptResult: "unknown_user", failureReason: "none", createdAt: at(4) },
  ]);
  await t.db.insert(securityEvents).values([
    { eventType: "brute_force_detected", severity: "high", userId: subjectId, ipAddress: "203.0.113.5", createdAt: at(3) },
    { eventType: "credential_stuffing", severity: "critical", ipAddress: "203.0.113.5", createdAt: at(5) },
    { eventType: "new_device_sign_in", severity: "low", userId: people.otherUser.id, createdAt: at(6) },
  ]);
  await insertSession(t.db, subjectId, { createdAt: at(3), lastSeenAt: at(4), revokedAt: at(7), revokeReason: "Signed out", expiresAt: at(999) });
  await t.db.insert(accountRecovery).values({ userId: subjectId, recoveryType: "password_reset", tokenHash: "a".repeat(64), expiresAt: at(60), createdAt: at(8) });
  await t.db.insert(emailDeliveryLog).values([
    { userId: subjectId, toEmail: "subject@example.com", template: "otp", provider: "ses", status: "delivered", deliveredAt: at(9), createdAt: at(9) },
    { userId: subjectId, toEmail: "subject@example.com", template: "otp", provider: "ses", status: "failed", createdAt: at(9) },
  ]);
});
afterAll(async () => {
  await t?.close();
});

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : `THREW ${String(e)}`));

describe("users", () => {
  it("finds by part of an email, by phone and by id", async () => {
    expect((await op.users.search({ query: "SUBJECT@" })).items.map((u) => u.id)).toEqual([subjectId]);
    expect((await op.users.search({ query: "+2547000" })).items.map((u) => u.id)).toEqual([subjectId]);
    expect((await op.users.search({ query: subjectId })).items.map((u) => u.id)).toEqual([subjectId]);
    expect((await op.users.search({ query: "%" })).items).toEqual([]);
  });

  it("filters by locked now, two-factor, open events and role", async () => {
    expect((await op.users.search({ lockedNow: true })).items.map((u) => u.id)).toEqual([subjectId]);
    expect((await op.users.search({ hasTwoFactor: true })).items.map((u) => u.id)).toEqual([subjectId]);
    expect((await op.users.search({ hasOpenEvents: true })).items.map((u) => u.id).sort()).toEqual([subjectId, people.otherUser.id].sort());
    expect((await op.users.search({ role: "compliance" })).items.map((u) => u.email)).toEqual([people.compliance.email]);
  });

  it("pages with a keyset cursor, each account once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await op.users.search({ limit: 2, cursor });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(6);
    expect(new Set(seen).size).toBe(6);
    expect(await code(op.users.search({ cursor: "bogus" }))).toBe("BAD_REQUEST");
  });

  it("merges every source into one timeline, newest first, across pages without gaps or repeats", async () => {
    const all = await op.users.timeline({ userId: subjectId, limit: 100 });
    const kinds = all.items.map((e) => `${e.kind}@${e.at.toISOString().slice(11, 16)}`);
    expect(kinds).toEqual([
      "email@12:09", "email@12:09", "recovery@12:08", "session_end@12:07",
      "session_start@12:03", "login@12:03", "event@12:03", "login@12:02", "login@12:01",
    ]);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await op.users.timeline({ userId: subjectId, limit: 2, cursor });
      paged.push(...page.items.map((e) => `${e.kind}:${e.ref}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => `${e.kind}:${e.ref}`));
  });

  it("shows a profile without its password hash, and 404s an unknown id", async () => {
    const detail = await op.users.detail({ userId: subjectId });
    expect(detail.user).not.toHaveProperty("passwordHash");
    expect(detail.user.lockedNow).toBe(true);
    expect(detail.twoFactor).toHaveLength(1);
    expect(await code(op.users.detail({ userId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await code(op.users.detail({ userId: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });
});

describe("an IP's page", () => {
  it("summarises its attempts, the accounts it tried and its events", async () => {
    const ip = await op.ips.detail({ ip: "203.0.113.5", window: "90d" });
    expect(ip.summary).toMatchObject({ attempts: 4, failures: 3, successes: 1, distinctIdentifiers: 2, openEvents: 2 });
    expect(ip.accounts[0]).toMatchObject({ identifier: "subject@example.com", userId: subjectId, attempts: 3, successes: 1 });
    const attempts = await op.ips.attempts({ ip: "::ffff:203.0.113.5", limit: 3 });
    expect(attempts.items).toHaveLength(3);
    expect(attempts.items[0]!.identifier).toBe("nobody@example.com");
    expect(await code(op.ips.detail({ ip: "999.1.1.1" }))).toBe("BAD_REQUEST");
  });
});

describe("events queue", () => {
  it("filters by severity, status, type and IP", async () => {
    expect((await op.events.list({ severity: ["critical"] })).items.map((e) => e.eventType)).toEqual(["credential_stuffing"]);
    expect((await op.events.list({ ip: "203.0.113.5" })).items).toHaveLength(2);
    expect((await op.events.list({ type: "new_device_sign_in", status: ["open"] })).items).toHaveLength(1);
    expect(await code(op.events.list({ from: new Date(base), to: new Date(base - 1) }))).toBe("BAD_REQUEST");
  });

  it("acknowledges, assigns to staff only, and resolves with a required note, idempotently", async () => {
    const [event] = (await op.events.list({ type: "brute_force_detected" })).items;
    expect(await op.events.acknowledge({ ids: [event!.id] })).toEqual({ changed: [event!.id], unchanged: [], notFound: [] });
    expect(await op.events.acknowledge({ ids: [event!.id, 999_999] })).toEqual({ changed: [], unchanged: [event!.id], notFound: [999_999] });
    expect(await code(op.events.assign({ id: event!.id, assigneeId: people.user.id }))).toBe("BAD_REQUEST");
    expect(await op.events.assign({ id: event!.id, assigneeId: people.admin.id })).toEqual({ status: "assigned" });
    expect(await op.events.assign({ id: event!.id, assigneeId: people.admin.id })).toEqual({ status: "unchanged" });
    expect(await code(op.events.resolve({ ids: [event!.id], note: "  " }))).toBe("BAD_REQUEST");
    expect((await op.events.resolve({ ids: [event!.id], note: "Owner confirmed; password changed." })).changed).toEqual([event!.id]);
    expect((await op.events.resolve({ ids: [event!.id], note: "again" })).unchanged).toEqual([event!.id]);
    const resolved = await op.events.byId({ id: event!.id });
    expect(resolved).toMatchObject({ status: "resolved", resolutionNote: "Owner confirmed; password changed." });
  });

  it("resolves many at once", async () => {
    const open = (await op.events.list({ status: ["open"] })).items.map((e) => e.id);
    expect(open.length).toBeGreaterThan(0);
    const result = await op.events.resolve({ ids: open, note: "Bulk: reviewed together" });
    expect(result.changed.sort()).toEqual(open.sort());
    const [row] = await t.db.select().from(securityEvents).where(eq(securityEvents.id, open[0]!));
    expect(row!.resolvedBy).toBe(people.operator.id);
  });

  it("compliance can read the queue but not act on it", async () => {
    const compliance = await callerAs(t.db, people.compliance);
    expect((await compliance.events.list({})).items.length).toBeGreaterThan(0);
    expect(await code(compliance.events.resolve({ ids: [1], note: "nope" }))).toBe("FORBIDDEN");
  });
});
