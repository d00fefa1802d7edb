import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { E2E_DATABASE_URL } from "./env";
import { DEMO, signIn, signInAs } from "./support/auth";
import { createEndUser, signOutHere, submitSignInWithCode, totpCode } from "./support/self-service";

// End-user self-service in a real browser: sessions on two browsers, TOTP
// enrolment and sign-in with codes, and "this wasn't me". Specs share one
// database in one worker, so the demo user ends every test as it began
// (two-factor off), and the step that signs an account out everywhere uses
// an account of its own.

const sql = postgres(E2E_DATABASE_URL, { max: 1, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end({ timeout: 5 });
});

test("signing out another browser's session from the sessions page ends it on its next request", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await signInAs(pageA, "user");
    await signInAs(pageB, "user");

    // B's own session id, from B's sessions page.
    await pageB.goto("/account/sessions");
    const sessionB = await pageB.getByTestId("session-row").first().getAttribute("data-session-id");
    expect(sessionB).toBeTruthy();

    await pageA.goto("/account/sessions");
    const row = pageA.locator(`[data-testid="session-row"][data-session-id="${sessionB}"]`);
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: /^Sign out/ }).click();
    const dialog = pageA.getByRole("dialog");
    await expect(dialog).toContainText("stops working on its next request");
    await dialog.getByRole("button", { name: "Sign out" }).click();
    await expect(pageA.getByRole("status").filter({ hasText: "Signed out" })).toBeVisible();
    await expect(row).toHaveCount(0);

    // B's next request is refused: the console sends it to sign in again, and the API answers 401.
    await pageB.getByRole("link", { name: "Devices" }).click();
    await expect(pageB).toHaveURL(/\/sign-in/, { timeout: 20_000 });
    const api = await pageB.request.get("/api/trpc/me.overview");
    expect(api.status()).toBe(401);

    // A is still signed in.
    await pageA.reload();
    await expect(pageA).toHaveURL(/\/account\/sessions$/);
  } finally {
    await first.close();
    await second.close();
  }
});

test("two-factor: enrol from the QR page's secret, sign in with a code, then with a backup code that works only once", async ({ page }) => {
  const { email, password } = DEMO.user;
  await signInAs(page, "user");
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").getAttribute("data-secret"))!;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code leaves it off.
  await page.getByLabel("Code from the app").fill(totpCode(secret, -10 * 60_000));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code didn't work" })).toBeVisible();

  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByTestId("backup-code")).toHaveCount(10);
  const codes = await page.getByTestId("backup-code").allTextContents();
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("backup-codes-remaining")).toHaveText(/10 of 10/);

  try {
    // Signing in now takes a code from the app...
    await signOutHere(page);
    await submitSignInWithCode(page, email, password, totpCode(secret, 30_000));
    await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });

    // ...or a backup code, once.
    await signOutHere(page);
    await submitSignInWithCode(page, email, password, codes[0]!);
    await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });
    await signOutHere(page);
    await submitSignInWithCode(page, email, password, codes[0]!);
    await expect(page.getByTestId("sign-in-error")).toContainText("That code didn't work");
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    // Leave the demo user as the other specs expect it: password only.
    await submitSignInWithCode(page, email, password, codes[1]!);
    await expect(page).toHaveURL(/\/account$/, { timeout: 20_000 });
    await page.goto("/account/security");
    await expect(page.getByTestId("backup-codes-remaining")).toHaveText(/8 of 10/);
    await page.getByRole("button", { name: "Turn off two-factor" }).click();
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Turn off two-factor" }).click();
    await expect(page.getByText("Two-factor authentication is off. Sign-in now asks only for your password.")).toBeVisible();
  }
  await signOutHere(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
});

test("'this wasn't me' signs the account out everywhere and raises a high-severity event for operations", async ({ browser }) => {
  const account = await createEndUser(sql, "e2e.not-me", "Pebble-Harbour-Violin-42");
  const [alert] = await sql<{ id: number }[]>`
    INSERT INTO security_events (event_type, severity, user_id, ip_address, user_agent, details)
    VALUES ('new_device_sign_in', 'low', ${account.id}, '102.135.65.216', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
            ${sql.json({ device: "Firefox on Ubuntu", city: "Eldoret", countryCode: "KE" })})
    RETURNING id::int AS id`;
  const elsewhere = await browser.newContext();
  const here = await browser.newContext();
  try {
    const other = await elsewhere.newPage();
    await signIn(other, account.email, account.password);
    const page = await here.newPage();
    await signIn(page, account.email, account.password);

    await page.goto("/account/alerts");
    const item = page.locator(`[data-testid="alert-row"][data-alert-id="${alert!.id}"]`);
    await expect(item).toContainText("Sign-in from a new device");
    await expect(item).toContainText("Eldoret, Kenya");
    await item.getByRole("button", { name: "This wasn't me" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("report-preview")).toContainText("(2 in all)");
    await dialog.getByRole("button", { name: "Sign out everywhere and report" }).click();
    await expect(page.getByTestId("report-done")).toContainText("Change your password now");

    // What operations see: a new, open, high-severity event pointing at the one reported.
    const raised = await sql<{ severity: string; status: string; details: { reportedEventId: number; sessionsSignedOut: number } }[]>`
      SELECT severity, status, details FROM security_events WHERE user_id = ${account.id} AND event_type = 'account_compromise_reported'`;
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ severity: "high", status: "open", details: { reportedEventId: alert!.id, sessionsSignedOut: 2 } });
    const live = await sql`SELECT id FROM sessions WHERE user_id = ${account.id} AND revoked_at IS NULL`;
    expect(live).toHaveLength(0);

    // Both browsers are signed out; the page's link leads to sign-in and then to the password form.
    await other.goto("/account");
    await expect(other).toHaveURL(/\/sign-in/);
    await page.getByRole("link", { name: "Sign in and change your password" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/security/, { timeout: 20_000 });
    await expect(page.getByRole("form", { name: "Change password" })).toBeVisible();

    // The operator finds it at the top of the high-severity queue.
    const ops = await (await browser.newContext()).newPage();
    await signInAs(ops, "operator");
    await ops.goto("/events?severity=high");
    const row = ops.getByRole("row").filter({ has: ops.getByRole("link", { name: "account compromise reported" }) }).filter({ hasText: account.email });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("High")).toBeVisible();
    await expect(row.getByText("Open")).toBeVisible();
  } finally {
    await elsewhere.close();
    await here.close();
  }
});
