import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { sql } from "./support/db";

// Named to run last: after every other spec has signed in, acted and signed
// out, the audit chain they all wrote to must still verify end to end.
test("the audit chain verifies after the whole browser suite", async ({ page }) => {
  const [row] = await sql<{ entries: number }[]>`SELECT count(*)::int AS entries FROM audit_logs`;
  const entries = row!.entries;
  expect(entries).toBeGreaterThan(10);
  await signInAs(page, "compliance");
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByTestId("chain-status")).toContainText("Chain intact");
  await expect(page.getByTestId("chain-status")).toContainText(`all ${(entries + 1).toLocaleString("en")} entries verified`);
});
