import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "~/server/auth/password";
import type { Db } from "~/server/db/client";
import { loginAttempts, securityEvents, userDevices, users } from "~/server/db/schema";
import { type ConsoleUser, contextFor, sessionFor } from "~/test/trpc";
import { createCaller } from "../../root";

// Rows the self-service tests need beyond src/test/factories.ts. Test-only:
// nothing in the application imports this file.

/** A caller bound to one known session, so "this session" and "everywhere else" can be checked. */
export async function signedIn(db: Db, user: ConsoleUser) {
  const session = await sessionFor(db, user);
  return { session, caller: createCaller(contextFor(db, session)) };
}

export async function insertDevice(db: Db, userId: string, overrides: Partial<typeof userDevices.$inferInsert> = {}) {
  const now = new Date();
  const [row] = await db
    .insert(userDevices)
    .values({ userId, fingerprint: randomBytes(16).toString("hex"), name: "Firefox on Ubuntu", deviceType: "desktop", firstSeenAt: now, lastSeenAt: now, ...overrides })
    .returning();
  return row!;
}

export async function insertAttempt(db: Db, userId: string, overrides: Partial<typeof loginAttempts.$inferInsert> = {}) {
  const [row] = await db
    .insert(loginAttempts)
    .values({ identifier: "someone@warden.test", userId, ipAddress: "203.0.113.9", attemptResult: "success", userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", ...overrides })
    .returning();
  return row!;
}

export async function insertEvent(db: Db, userId: string, overrides: Partial<typeof securityEvents.$inferInsert> = {}) {
  const [row] = await db
    .insert(securityEvents)
    .values({ eventType: "new_device_sign_in", severity: "low", userId, ipAddress: "203.0.113.9", details: { device: "Safari on iPhone" }, ...overrides })
    .returning();
  return row!;
}

export async function setPassword(db: Db, userId: string, password: string) {
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}

/** The error a call failed with, as code and message; "OK" if it did not fail. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; message: string } | "OK"> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? "THREW", message: e.message ?? String(error) };
  }
}
