import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Access, can, PERMISSIONS, ROLES, type Role } from "~/lib/roles";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { type ConsoleUser, contextFor, createConsoleUsers, sessionFor } from "~/test/trpc";
import { appRouter, createCaller } from "./root";

/**
 * The table of who may call what. Every procedure in the router must be
 * listed here, with the access it declares; the test then calls each one as
 * every role and as nobody, and checks that nobody gets further than this
 * table allows. Adding a procedure means adding it here, on purpose.
 */
const EXPECTED_ACCESS: Record<string, Access> = {
  "auth.session": "public",
  "auth.signOut": "signed-in",

  "dashboard.freshness": "dashboards:read",
  "dashboard.signInsOverTime": "dashboards:read",
  "dashboard.failedLoginsByIp": "dashboards:read",
  "dashboard.eventsBySeverity": "dashboards:read",
  "dashboard.eventsByStatus": "dashboards:read",
  "dashboard.securitySnapshot": "dashboards:read",
  "dashboard.credentialStuffing": "dashboards:read",
  "dashboard.bruteForce": "dashboards:read",
  "dashboard.loginAttempts": "dashboards:read",
  "dashboard.emailDeliveryRate": "dashboards:read",
  "dashboard.emailOverTime": "dashboards:read",
  "dashboard.smsCost": "dashboards:read",
  "dashboard.smsBreakdown": "dashboards:read",
  "dashboard.smsTopRecipients": "dashboards:read",
  "dashboard.emailDeliveries": "dashboards:read",
  "dashboard.smsDeliveries": "dashboards:read",
  "dashboard.feeRevenue": "dashboards:read",
  "dashboard.feeRevenueOverTime": "dashboards:read",
  "dashboard.swapVolume": "dashboards:read",
  "dashboard.mpesaByStatus": "dashboards:read",
  "dashboard.balancesByCurrency": "dashboards:read",
  "dashboard.fees": "dashboards:read",

  "users.search": "investigations:read",
  "users.detail": "investigations:read",
  "users.timeline": "investigations:read",
  "users.staff": "investigations:read",
  "ips.detail": "investigations:read",
  "ips.attempts": "investigations:read",
  "events.list": "investigations:read",
  "events.byId": "investigations:read",
  "events.types": "investigations:read",
  "events.acknowledge": "events:act",
  "events.assign": "events:act",
  "events.resolve": "events:act",
  "actions.impact": "accounts:act",
  "actions.revokeSession": "accounts:act",
  "actions.revokeAllSessions": "accounts:act",
  "actions.revokeTokenFamily": "accounts:act",
  "actions.revokeApiKey": "accounts:act",
  "actions.lockAccount": "accounts:act",
  "actions.unlockAccount": "accounts:act",
  "actions.forcePasswordReset": "accounts:act",
  "actions.resetTwoFactor": "accounts:act",
  "actions.setRole": "roles:manage",
  "audit.list": "audit:read",
  "audit.verify": "audit:read",

  "me.overview": "self:manage",
  "me.sessions.list": "self:manage",
  "me.sessions.previewSignOutOthers": "self:manage",
  "me.sessions.signOut": "self:manage",
  "me.sessions.signOutOthers": "self:manage",
  "me.devices.list": "self:manage",
  "me.devices.previewForget": "self:manage",
  "me.devices.setTrust": "self:manage",
  "me.devices.forget": "self:manage",
  "me.history.list": "self:manage",
  "me.alerts.list": "self:manage",
  "me.alerts.confirm": "self:manage",
  "me.alerts.reportNotMe": "self:manage",
  "me.twoFactor.status": "self:manage",
  "me.twoFactor.beginEnrolment": "self:manage",
  "me.twoFactor.confirmEnrolment": "self:manage",
  "me.twoFactor.regenerateBackupCodes": "self:manage",
  "me.twoFactor.disable": "self:manage",
  "me.password.rules": "self:manage",
  "me.password.change": "self:manage",
  "me.notifications.get": "self:manage",
  "me.notifications.update": "self:manage",
};

type AnyProcedure = { _def: { meta?: { access?: Access }; type: "query" | "mutation" | "subscription" } };
// At run time tRPC keeps a flat map of dotted paths to procedures.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

let t: TestDatabase;
let people: Record<Role, ConsoleUser>;

beforeAll(async () => {
  t = await createTestDatabase();
  people = await createConsoleUsers(t.db, "matrix");
});
afterAll(async () => {
  await t?.close();
});

function allowed(access: Access, role: Role | null): boolean {
  if (access === "public") return true;
  if (!role) return false;
  if (access === "signed-in") return true;
  return can(role, access);
}

async function callAs(path: string, role: Role | null): Promise<string> {
  // A fresh session per call: one procedure (sign-out, revoke-all) must not end the next one's.
  const session = role ? await sessionFor(t.db, people[role]) : null;
  const caller = createCaller(contextFor(t.db, session)) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn({});
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `THREW ${(error as Error).message}`;
  }
}

describe("role matrix", () => {
  it("lists every procedure, each with the access it declares", () => {
    const declared = Object.fromEntries(Object.entries(procedures).map(([path, p]) => [path, p._def.meta?.access]));
    expect(declared).toEqual(EXPECTED_ACCESS);
  });

  it("every declared permission exists in the permission table", () => {
    for (const access of Object.values(EXPECTED_ACCESS)) {
      expect(access === "public" || access === "signed-in" || access in PERMISSIONS, access).toBe(true);
    }
  });

  for (const [path, access] of Object.entries(EXPECTED_ACCESS)) {
    it(`${path} (${access}) admits exactly the roles the table allows`, async () => {
      for (const role of [null, ...ROLES] as const) {
        const outcome = await callAs(path, role);
        const who = role ?? "anonymous";
        if (allowed(access, role)) {
          expect(["UNAUTHORIZED", "FORBIDDEN"], `${who} should be admitted to ${path}`).not.toContain(outcome);
          expect(outcome, `${who} calling ${path} must not crash`).not.toMatch(/^(THREW|INTERNAL_SERVER_ERROR)/);
        } else {
          expect(outcome, `${who} must be refused ${path}`).toBe(role ? "FORBIDDEN" : "UNAUTHORIZED");
        }
      }
    });
  }
});
