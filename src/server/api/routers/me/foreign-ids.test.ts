import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityEvents, sessions, userDevices } from "~/server/db/schema";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { insertSession } from "~/test/factories";
import { createConsoleUsers } from "~/test/trpc";
import { appRouter } from "../../root";
import { failure, insertDevice, insertEvent, signedIn } from "./self-service.fixtures";

/**
 * "No user can see or touch another's sessions or devices": every
 * self-service procedure that takes an id is called with someone else's real
 * ids, and must answer exactly as it does for an id that does not exist,
 * changing nothing. The first test makes sure this list stays complete.
 */

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-foreign");
});
afterAll(async () => {
  await t?.close();
});

type Ids = { sessionId: string; deviceId: string; alertId: number };
const MISSING: Ids = { sessionId: "00000000-0000-4000-8000-00000000dead", deviceId: "00000000-0000-4000-8000-00000000beef", alertId: 987_654_321 };

/** Each id-taking procedure, and the input it is called with given a set of ids. */
const CASES: Record<string, (ids: Ids) => Record<string, unknown>> = {
  "me.sessions.signOut": (ids) => ({ sessionId: ids.sessionId }),
  "me.devices.previewForget": (ids) => ({ deviceId: ids.deviceId }),
  "me.devices.setTrust": (ids) => ({ deviceId: ids.deviceId, trusted: true }),
  "me.devices.forget": (ids) => ({ deviceId: ids.deviceId }),
  "me.alerts.confirm": (ids) => ({ alertId: ids.alertId }),
  "me.alerts.reportNotMe": (ids) => ({ alertId: ids.alertId }),
};

type ProcedureDef = { _def: { inputs: unknown[] } };

/** The top-level keys of a procedure's input object, looking through default/prefault wrappers. */
function inputKeys(procedure: ProcedureDef): string[] {
  const keys: string[] = [];
  for (const input of procedure._def.inputs) {
    let schema = input as { shape?: Record<string, unknown>; _zod?: { def?: { innerType?: unknown } } } | undefined;
    for (let depth = 0; schema && !schema.shape && depth < 5; depth += 1) schema = schema._zod?.def?.innerType as typeof schema;
    if (schema?.shape) keys.push(...Object.keys(schema.shape));
  }
  return keys;
}

describe("another user's ids", () => {
  it("covers every self-service procedure that takes an id", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
    const takingIds = Object.entries(procedures)
      .filter(([path]) => path.startsWith("me."))
      .filter(([, p]) => inputKeys(p).some((k) => /Id$/.test(k)))
      .map(([path]) => path)
      .sort();
    expect(takingIds).toEqual(Object.keys(CASES).sort());
  });

  for (const [path, inputFor] of Object.entries(CASES)) {
    it(`${path}: someone else's id is NOT_FOUND, word for word like a missing one, and nothing of theirs changes`, async () => {
      const victim = people.otherUser;
      const session = await insertSession(t.db, victim.id);
      const device = await insertDevice(t.db, victim.id);
      await insertSession(t.db, victim.id, { deviceId: device.id });
      const event = await insertEvent(t.db, victim.id);
      const theirs: Ids = { sessionId: session.id, deviceId: device.id, alertId: event.id };

      for (const role of ["user", "operator", "admin", "compliance"] as const) {
        const { caller } = await signedIn(t.db, people[role]);
        const call = (input: Record<string, unknown>) => {
          const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
          return failure(fn(input));
        };
        const foreign = await call(inputFor(theirs));
        const missing = await call(inputFor(MISSING));
        expect(foreign, `${role} calling ${path} with another user's id`).toMatchObject({ code: "NOT_FOUND" });
        expect(foreign).toEqual(missing);
      }

      const [s] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
      expect(s!.revokedAt).toBeNull();
      const [d] = await t.db.select().from(userDevices).where(eq(userDevices.id, device.id));
      expect(d).toMatchObject({ trusted: false });
      const [e] = await t.db.select().from(securityEvents).where(eq(securityEvents.id, event.id));
      expect(e!.details).not.toHaveProperty("ownerResponse");
      const victimSessions = await t.db.select().from(sessions).where(eq(sessions.userId, victim.id));
      expect(victimSessions.every((row) => row.revokedAt === null)).toBe(true);
    });
  }

  it("lists never include another user's rows", async () => {
    const victim = people.otherUser;
    const session = await insertSession(t.db, victim.id);
    const device = await insertDevice(t.db, victim.id);
    const event = await insertEvent(t.db, victim.id);
    const { caller } = await signedIn(t.db, people.user);
    const lists = JSON.stringify([
      await caller.me.sessions.list({ limit: 100 }),
      await caller.me.devices.list({ limit: 100 }),
      await caller.me.alerts.list({ limit: 100 }),
      await caller.me.history.list({ limit: 100 }),
    ]);
    expect(lists).not.toContain(session.id);
    expect(lists).not.toContain(device.id);
    expect(lists).not.toContain(`"id":${event.id},`);
  });
});
