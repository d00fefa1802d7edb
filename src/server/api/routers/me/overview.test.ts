import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { insertSession } from "~/test/factories";
import { createConsoleUsers } from "~/test/trpc";
import { insertAttempt, insertDevice, insertEvent, signedIn } from "./self-service.fixtures";

let t: TestDatabase;
let people: Awaited<ReturnType<typeof createConsoleUsers>>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "me-overview");
});
afterAll(async () => {
  await t?.close();
});

describe("me.overview", () => {
  it("summarises the owner's account and nobody else's", async () => {
    const me = people.user;
    await insertSession(t.db, me.id);
    await insertSession(t.db, people.otherUser.id);
    await insertDevice(t.db, me.id, { trusted: true, trustedAt: new Date() });
    await insertDevice(t.db, me.id);
    await insertEvent(t.db, me.id);
    await insertEvent(t.db, people.otherUser.id);
    await insertAttempt(t.db, me.id, { createdAt: new Date(Date.now() - 3_600_000), city: "Nakuru", countryCode: "KE" });
    await insertAttempt(t.db, me.id, { attemptResult: "failed_password", failureReason: "x", createdAt: new Date(Date.now() - 60_000) });
    const { caller } = await signedIn(t.db, me);

    const overview = await caller.me.overview();
    expect(overview).toMatchObject({
      activeSessions: 2,
      devices: { total: 2, trusted: 1 },
      twoFactor: { enabled: false, backupCodesRemaining: 0 },
      unansweredAlerts: 1,
      failedSignInsThisWeek: 1,
    });
    expect(overview.previousSignIn).toMatchObject({ city: "Nakuru", countryCode: "KE", device: "Firefox on Ubuntu" });
  });
});
