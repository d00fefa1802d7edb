import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/test/db";
import { callerAs, createConsoleUsers } from "~/test/trpc";
import { appRouter } from "./root";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("errors sent to clients", () => {
  it("say in words what was wrong with the input", async () => {
    const people = await createConsoleUsers(t.db, "errors");
    const caller = await callerAs(t.db, people.operator);
    const error = await caller.actions.lockAccount({ userId: "nope", reason: "" }).catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    const shape = appRouter._def._config.errorFormatter({
      error: error as TRPCError,
      type: "mutation",
      path: "actions.lockAccount",
      input: {},
      ctx: undefined,
      shape: { message: (error as TRPCError).message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, path: "actions.lockAccount" } },
    });
    expect(shape.message).toContain("userId: Not a valid user id");
    expect(shape.message).toContain("reason: Give a reason");
  });

  it("hide internal failures behind a generic message, with no stack", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: 'relation "users" does not exist', cause: new Error("driver detail") });
    const shape = appRouter._def._config.errorFormatter({
      error,
      type: "query",
      path: "users.search",
      input: {},
      ctx: undefined,
      shape: { message: error.message, code: -32603, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "users.search", stack: "at secret.ts:1" } },
    });
    expect(shape.message).not.toContain("relation");
    expect(JSON.stringify(shape)).not.toContain("secret.ts");
  });
});
