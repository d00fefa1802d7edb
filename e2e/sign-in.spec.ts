import { expect, test } from "@playwright/test";
import { DEMO, signIn, signInAs, submitSignIn } from "./support/auth";
import { createAccount, sql } from "./support/db";

test.describe("each demo role", () => {
  for (const [role, account] of Object.entries(DEMO)) {
    test(`${role} signs in and lands on its own page`, async ({ page }) => {
      await signInAs(page, role as keyof typeof DEMO);
      await expect(page).toHaveURL(new RegExp(`${account.landing}$`));
      await expect(page.getByTestId("signed-in-role").first()).toBeAttached();
      const nav = page.getByRole("navigation", { name: "Main" }).first();
      if (role === "user") {
        await expect(nav.getByRole("link", { name: "Security overview" })).toHaveCount(0);
        await expect(nav.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
        await expect(nav.getByRole("link", { name: "Sessions" })).toBeVisible();
      } else if (role === "compliance") {
        await expect(nav.getByRole("link", { name: "Audit trail" })).toBeVisible();
      } else if (role === "operator") {
        await expect(nav.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
        await expect(nav.getByRole("link", { name: "Security overview" })).toBeVisible();
      }
    });
  }
});

test("an end user who types an operator URL is refused", async ({ page }) => {
  await signInAs(page, "user");
  for (const path of ["/overview", "/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
});

test("five wrong passwords lock the account and the sixth, correct one is still refused", async ({ page }) => {
  const account = await createAccount("operator", "A-good-long-password-42");
  await page.goto("/sign-in");
  const message = page.getByTestId("sign-in-error");
  for (let i = 1; i <= 5; i += 1) {
    await submitSignIn(page, account.email, `wrong-password-${i}`);
    await expect(message).toContainText("didn't work");
  }
  const wrongText = await message.textContent();
  await submitSignIn(page, account.email, account.password);
  await expect(message).toHaveText(wrongText!);
  await expect(page).toHaveURL(/\/sign-in/);
  const [row] = await sql<{ locked: boolean }[]>`SELECT locked_until > now() AS locked FROM users WHERE id = ${account.id}`;
  expect(row!.locked).toBe(true);
  const attempts = await sql<{ attempt_result: string }[]>`SELECT attempt_result FROM login_attempts WHERE user_id = ${account.id} ORDER BY id`;
  expect(attempts.map((a) => a.attempt_result)).toEqual([...Array(5).fill("failed_password"), "locked"]);
});

test("a session revoked in the database is signed out on the next click", async ({ page }) => {
  const account = await createAccount("operator", "A-good-long-password-43");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/overview$/);
  // Let the overview's panels finish loading first: a panel still fetching when the row is revoked
  // would sign the page out on its own, before the click this test is about.
  await page.waitForLoadState("networkidle");
  await sql`UPDATE sessions SET revoked_at = now(), revoke_reason = 'e2e' WHERE user_id = ${account.id} AND revoked_at IS NULL`;
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=ended/);
  await expect(page.getByText("Your session has ended")).toBeVisible();
});

test("bad input gets a clear message and changes nothing but the attempt counter", async ({ page }) => {
  const [before] = await sql<{ users: number; sessions: number; attempts: number }[]>`
    SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM sessions) AS sessions,
           (SELECT count(*)::int FROM login_attempts WHERE attempt_result = 'invalid_input') AS attempts`;
  await page.goto("/sign-in");
  const message = page.getByTestId("sign-in-error");

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(message).toHaveText("Enter your email address.");

  await submitSignIn(page, `${"a".repeat(10_240)}@example.com`, "whatever");
  await expect(message).toContainText("too long");

  await submitSignIn(page, "' OR '1'='1' --", "' OR '1'='1");
  await expect(message).toHaveText("Enter an email address, like name@example.com.");

  const [after] = await sql<{ users: number; sessions: number; attempts: number }[]>`
    SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM sessions) AS sessions,
           (SELECT count(*)::int FROM login_attempts WHERE attempt_result = 'invalid_input') AS attempts`;
  expect(after!.users).toBe(before!.users);
  expect(after!.sessions).toBe(before!.sessions);
  expect(after!.attempts).toBe(before!.attempts + 3);
});

test("signing out revokes the session row", async ({ page }) => {
  const account = await createAccount("compliance", "A-good-long-password-44");
  await signIn(page, account.email, account.password);
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
  const rows = await sql<{ revoke_reason: string | null }[]>`SELECT revoke_reason FROM sessions WHERE user_id = ${account.id}`;
  expect(rows.map((r) => r.revoke_reason)).toEqual(["Signed out"]);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/sign-in/);
});
