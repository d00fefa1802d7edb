import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { sql } from "./support/db";

const STUFFING_IP = "185.220.101.47";
const BRUTE_FORCE_IPS = ["45.142.212.61", "45.142.212.62"];

const panel = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

/** Rows of a table body (the header row is in thead). */
const bodyRows = (page: Page, table: string) => page.getByRole("table", { name: table, exact: true }).locator("tbody tr");

test("the security overview shows the planted attacks, follows the range in the URL, and drills down to the attempts", async ({ page }) => {
  await signInAs(page, "operator");
  await expect(page.getByRole("heading", { name: "Security overview" })).toBeVisible();
  await expect(page.getByTestId("freshness")).toContainText(/Live · as of/);

  // Credential stuffing: the address leads both lists, and links to its own page.
  const failedByIp = page.getByRole("table", { name: "Failed sign-ins by IP" });
  await expect(failedByIp.getByRole("link", { name: STUFFING_IP, exact: true })).toHaveAttribute("href", `/ips/${STUFFING_IP}`);
  await expect(page.getByRole("table", { name: "Credential-stuffing suspects" }).getByRole("link", { name: STUFFING_IP, exact: true })).toBeVisible();

  // Brute force: both burst addresses among the failures, and three accounts under attack, two still locked.
  for (const ip of BRUTE_FORCE_IPS) await expect(failedByIp.getByRole("link", { name: ip, exact: true })).toBeVisible();
  await expect(bodyRows(page, "Accounts under brute force").locator("td:nth-child(2)")).toHaveText(["48", "48", "48"]);
  await expect(page.getByRole("table", { name: "Accounts under brute force" }).getByText("Locked", { exact: true })).toHaveCount(2);

  // "Right now" tiles.
  await expect(page.getByRole("region", { name: "Right now" })).toContainText("Accounts locked now");

  // Events by severity, as a table; a severity leads to those events in the queue.
  const severity = panel(page, "Security events by severity");
  await severity.getByRole("button", { name: "Show as table" }).click();
  await expect(severity.getByRole("table", { name: "Security events by severity" })).toBeVisible();
  const critical = severity.getByRole("link", { name: "critical", exact: true });
  await expect(critical).toHaveAttribute("href", /^\/events\?severity=critical&status=open%2Cacknowledged%2Cresolved&from=/);

  // A bar of the sign-ins chart is the way into its own hour's attempts (its span replaces the page's range).
  await panel(page, "Sign-ins over time").locator(".recharts-bar-rectangle").last().click();
  await expect(page).toHaveURL(/\/overview\/attempts\?from=\S+&to=\S+&outcome=(success|failure)$/);
  await expect(bodyRows(page, "Sign-in attempts").first()).toBeVisible();
  await page.goBack();

  // The range lives in the URL, and changing it reloads the panels.
  const shownBefore = await page.getByTestId("range-shown").textContent();
  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\/overview\?range=30d$/);
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("range-shown")).not.toHaveText(shownBefore!);
  await expect(page.getByRole("table", { name: "Failed sign-ins by IP" }).getByRole("link", { name: STUFFING_IP, exact: true })).toBeVisible();

  // Drill down: the stuffing address's failures, 25 at a time.
  await page.getByRole("link", { name: new RegExp(`failed attempts from ${STUFFING_IP.replace(/\./g, "\\.")}$`) }).click();
  await expect(page).toHaveURL(/\/overview\/attempts\?range=30d&ip=185\.220\.101\.47&outcome=failure$/);
  await expect(page.getByRole("heading", { name: "Sign-in attempts" })).toBeVisible();
  const attempts = bodyRows(page, "Sign-in attempts");
  await expect(attempts).toHaveCount(25);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(attempts).toHaveCount(50);
  for (const ip of await attempts.locator("td:nth-child(3)").allTextContents()) expect(ip).toBe(STUFFING_IP);
  await expect(page.getByLabel("IP address")).toHaveValue(STUFFING_IP);

  // The filters are editable there and kept in the URL beside the range.
  await page.getByLabel("Outcome").selectOption("success");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/range=30d&ip=185\.220\.101\.47&outcome=success/);
  await expect(attempts).toHaveCount(1);
  await expect(page.getByText("50 shown")).toHaveCount(0);
});

test("auto-refresh asks the panels again on its own, and stays in the URL", async ({ page }) => {
  // A fake clock, so a minute passes at once; it must be in place before the page loads.
  await page.clock.install();
  await signInAs(page, "operator");
  const openEvents = page.getByRole("region", { name: "Right now" }).locator('a[href="/events?status=open"]');
  const count = async () => Number((await openEvents.textContent())!.replace(/\D/g, ""));
  await expect(openEvents).toHaveText(/\d/);
  const before = await count();
  let asked = 0;
  page.on("request", (request) => {
    if (request.url().includes("dashboard.securitySnapshot")) asked += 1;
  });

  await page.getByLabel("Auto-refresh").selectOption("1m");
  await expect(page).toHaveURL(/\/overview\?refresh=1m$/);
  const [event] = await sql<{ id: string }[]>`INSERT INTO security_events (event_type, severity, details) VALUES ('e2e_auto_refresh', 'low', '{}') RETURNING id::text`;
  try {
    // Nothing is asked again before the minute is up...
    await page.clock.fastForward("00:30");
    await page.waitForTimeout(500);
    expect(asked).toBe(0);
    // ...and the new event is counted once it is.
    await page.clock.fastForward("00:31");
    await expect(async () => expect(await count()).toBe(before + 1)).toPass();
    expect(asked).toBeGreaterThan(0);
  } finally {
    await sql`DELETE FROM security_events WHERE id = ${event!.id}`;
  }
  // A preset keeps the refresh, and so does a reload.
  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\/overview\?refresh=1m&range=7d$/);
  await page.reload();
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("1m");
});

test("a custom range is kept as ISO instants, and a bad one is explained instead of crashing", async ({ page }) => {
  await signInAs(page, "operator");
  await page.getByRole("button", { name: "Custom" }).click();
  await page.getByLabel("From", { exact: true }).fill("2020-01-01T00:00");
  await page.getByLabel("To", { exact: true }).fill("2020-01-02T00:00");
  await page.getByRole("button", { name: "Apply range" }).click();
  await expect(page).toHaveURL(/\/overview\?from=2020-01-0\dT\S+Z&to=2020-01-0\dT\S+Z$/);
  await expect(panel(page, "Sign-ins over time")).toContainText("No sign-in attempts in this range");
  await expect(panel(page, "Failed sign-ins by IP")).toContainText("No failed sign-ins in this range");

  await page.goto("/overview?from=2025-02-30T00:00Z&to=2025-03-02T00:00Z");
  await expect(page.getByText("The start “2025-02-30T00:00Z” is not a date and time.")).toBeVisible();
  await page.goto("/messaging?range=5y");
  await expect(page.getByText(/“5y” is not a time range\./)).toBeVisible();
  await page.getByRole("link", { name: "Reset the range" }).click();
  await expect(page).toHaveURL(/\/messaging$/);
  await expect(panel(page, "Top SMS recipients")).toBeVisible();
});

test("messaging shows the SMS pumping and the SendGrid outage, and drills into the messages", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/messaging");
  await expect(page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");

  // SMS pumping: the top recipients are the Somali premium range.
  const recipients = bodyRows(page, "Top SMS recipients");
  await expect(recipients).toHaveCount(10);
  const pumped = (await recipients.locator("td:nth-child(1)").allTextContents()).filter((phone) => phone.startsWith("+2526130"));
  expect(pumped.length).toBeGreaterThanOrEqual(8);
  await expect(recipients.first()).toContainText("+2526130");
  await expect(recipients.first()).toContainText("Somalia (SO)");
  await expect(page.getByRole("table", { name: "SMS by country" }).getByRole("link", { name: "Somalia (SO)" }).first()).toBeVisible();

  // The email outage: SendGrid has failures and a lower delivery rate.
  const byProvider = panel(page, "Email by provider");
  await byProvider.getByRole("button", { name: "Show as table" }).click();
  const sendgrid = byProvider.getByRole("row").filter({ has: page.getByRole("link", { name: "sendgrid", exact: true }) });
  const failed = sendgrid.locator("td").nth(2);
  await expect(failed).toHaveText(/^[1-9][\d,]*$/);

  // Its failures, as rows, filterable and a page at a time.
  await failed.getByRole("link").click();
  await expect(page).toHaveURL(/\/messaging\/emails\?range=7d&provider=sendgrid&status=failed$/);
  const emails = bodyRows(page, "Email deliveries");
  await expect(emails).toHaveCount(25);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(emails).not.toHaveCount(25);
  expect(new Set(await emails.locator("td:nth-child(4)").allTextContents())).toEqual(new Set(["sendgrid"]));
  expect(new Set(await emails.locator("td:nth-child(5) > span:first-child").allTextContents())).toEqual(new Set(["failed"]));
  await expect(page.getByLabel("Provider")).toHaveValue("sendgrid");

  // Back (over the same range), then one pumped number's messages.
  await page.getByRole("main").getByRole("link", { name: "Messaging", exact: true }).click();
  await expect(page).toHaveURL(/\/messaging\?range=7d$/);
  const number = (await bodyRows(page, "Top SMS recipients").first().locator("td").first().textContent())!.trim();
  await bodyRows(page, "Top SMS recipients").first().getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/messaging/sms\\?range=7d&phone=${encodeURIComponent(number).replace(/[+]/g, "\\+")}$`));
  const sms = bodyRows(page, "SMS deliveries");
  await expect(sms.first()).toContainText(number);
  await expect(sms.first()).toContainText("$0.2835");
});

test("finance shows revenue per currency, never added across currencies, and drills into the fees", async ({ page }) => {
  await signInAs(page, "operator");
  await page.goto("/finance");
  await expect(page.getByText("Fee revenue in KES")).toBeVisible();
  await expect(page.getByText("Fee revenue in cUSD")).toBeVisible();
  await expect(page.getByText(/[\d.,]+ cUSD/).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "User balances by currency" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Swap volume by pair" })).toBeVisible();

  const byCategory = panel(page, "Fee revenue by category");
  await byCategory.getByRole("group", { name: "Currency" }).getByRole("button", { name: "cUSD" }).click();
  await byCategory.getByRole("button", { name: "Show as table" }).click();
  const table = byCategory.getByRole("table", { name: "Fee revenue by category in cUSD" });
  await expect(table.locator("tbody tr").first()).toContainText(/cUSD/);
  await table.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/finance\/fees\?range=7d&category=[a-z_]+&currency=cUSD$/);
  const fees = bodyRows(page, "Fees");
  await expect(fees.first()).toContainText("cUSD");
});

test("compliance reads the dashboards; an end user is refused, page and API alike", async ({ browser }) => {
  const compliance = await browser.newPage();
  await signInAs(compliance, "compliance");
  for (const [path, heading] of [["/overview", "Security overview"], ["/messaging", "Messaging"], ["/finance", "Finance"], ["/finance/fees", "Fees"]] as const) {
    await compliance.goto(path);
    await expect(compliance.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(compliance.getByRole("table", { name: "Fees" })).toBeVisible();
  await compliance.close();

  const user = await browser.newPage();
  await signInAs(user, "user");
  for (const path of ["/overview", "/overview/attempts", "/messaging", "/messaging/sms", "/finance"]) {
    await user.goto(path);
    await expect(user.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  const response = await user.request.get("/api/trpc/dashboard.freshness");
  expect(response.status()).toBe(403);
  await user.close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("every dashboard fits the screen", async ({ page }) => {
    await signInAs(page, "operator");
    for (const path of ["/overview", "/messaging", "/finance", "/overview/attempts?ip=185.220.101.47"]) {
      await page.goto(path);
      await expect(page.getByTestId("freshness")).toBeVisible();
      await expect(page.locator("[role=status][aria-live=polite]")).toHaveCount(0, { timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
  });
});
