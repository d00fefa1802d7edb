import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { sql } from "./support/db";

const STUFFING_IP = "185.220.101.47";

test("an operator stops a credential-stuffing attack and compliance sees every step, chain verified", async ({ browser }) => {
  const operator = await browser.newPage();
  await signInAs(operator, "operator");

  // The attacking address, from the security overview's credential-stuffing suspects.
  await expect(operator).toHaveURL(/\/overview$/);
  await operator.getByRole("table", { name: "Credential-stuffing suspects" }).getByRole("link", { name: STUFFING_IP, exact: true }).click();
  await expect(operator).toHaveURL(new RegExp(`/ips/${STUFFING_IP.replace(/\./g, "\\.")}`));
  await expect(operator.getByRole("heading", { name: new RegExp(STUFFING_IP) })).toBeVisible();

  // The account it got into is listed first; open it.
  const accounts = operator.getByRole("table", { name: "Accounts tried from this address" });
  const victimLink = accounts.getByRole("link").first();
  const victimEmail = (await victimLink.textContent())!.trim();
  await victimLink.click();
  await expect(operator.getByRole("heading", { name: new RegExp(victimEmail) })).toBeVisible();
  const userId = operator.url().split("/users/")[1]!;

  // Revoke its sessions: the dialog says what it will touch first.
  await operator.getByRole("button", { name: "Revoke all sessions" }).click();
  const dialog = operator.getByRole("dialog");
  await expect(dialog).toContainText(/Signs out \d+ active sessions?/);
  await dialog.getByLabel("Reason (kept in the audit trail)").fill("Signed in from a credential-stuffing address");
  await dialog.getByRole("button", { name: "Revoke sessions" }).click();
  await expect(operator.getByTestId("notice")).toContainText("revoked");
  await expect(operator.getByText("Active sessions (0)")).toBeVisible();

  // Unlock it.
  await operator.getByRole("button", { name: "Unlock account" }).click();
  await operator.getByRole("dialog").getByLabel("Reason (kept in the audit trail)").fill("Sessions revoked; owner will reset their password");
  await operator.getByRole("dialog").getByRole("button", { name: "Unlock" }).click();
  await expect(operator.getByTestId("notice")).toContainText("unlocked");
  await expect(operator.getByRole("button", { name: "Lock account" })).toBeVisible();

  // Resolve the credential-stuffing event with a note.
  await operator.goto(`/ips/${STUFFING_IP}`);
  const events = operator.getByRole("table", { name: "Security events" });
  const row = events.getByRole("row").filter({ has: operator.getByRole("link", { name: "credential stuffing", exact: true }) });
  await row.getByRole("button", { name: "Resolve" }).click();
  await operator.getByRole("dialog").getByLabel("Resolution note").fill("Attacker's session revoked, victim unlocked after verification");
  await operator.getByRole("dialog").getByRole("button", { name: "Resolve" }).click();
  await expect(operator.getByTestId("notice")).toContainText("resolved");
  await expect(row.getByText("resolved", { exact: true })).toBeVisible();

  const [db] = await sql<{ revoked: number; locked: boolean }[]>`
    SELECT (SELECT count(*)::int FROM sessions WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > now()) AS revoked,
           (SELECT locked_until IS NOT NULL FROM users WHERE id = ${userId}) AS locked`;
  expect(db).toEqual({ revoked: 0, locked: false });
  await operator.close();

  // Compliance reads the trail and verifies the chain.
  const compliance = await browser.newPage();
  await signInAs(compliance, "compliance");
  await compliance.getByLabel("Actor (email)").fill("operator@warden.test");
  await compliance.getByRole("button", { name: "Filter" }).click();
  const trail = compliance.getByRole("table", { name: "Audit trail" });
  for (const action of ["session.revoke_all", "account.unlock", "event.resolve", "auth.sign_in"]) {
    await expect(trail.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(trail.getByText("Signed in from a credential-stuffing address")).toBeVisible();
  await compliance.getByRole("button", { name: "Verify the chain" }).click();
  await expect(compliance.getByTestId("chain-status")).toContainText("Chain intact");
});

test("compliance can read investigations but has no action buttons, and the API refuses them", async ({ page }) => {
  await signInAs(page, "compliance");
  await page.goto(`/ips/${STUFFING_IP}`);
  await expect(page.getByRole("heading", { name: new RegExp(STUFFING_IP) })).toBeVisible();
  await page.getByRole("table", { name: "Accounts tried from this address" }).getByRole("link").first().click();
  await expect(page.getByRole("button", { name: "Revoke all sessions" })).toHaveCount(0);
  const response = await page.request.post("/api/trpc/actions.unlockAccount", {
    data: { json: { userId: "00000000-0000-4000-8000-000000000000", reason: "trying" } },
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(403);
});

test("a forged cross-site mutation is refused before it reaches a procedure", async ({ page }) => {
  await signInAs(page, "operator");
  const response = await page.request.post("/api/trpc/actions.unlockAccount", {
    data: { json: { userId: "00000000-0000-4000-8000-000000000000", reason: "csrf" } },
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Cross-site");
});
