import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

test("the session cookie is HttpOnly, SameSite=Lax and Secure, and carries no personal data", async ({ page, context }) => {
  await signInAs(page, "operator");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("warden.session"));
  expect(cookie).toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  expect(cookie!.value).not.toContain("operator");
  expect(Buffer.from(cookie!.value.split(".")[1] ?? "", "base64url").toString()).not.toContain("operator");
});

test("pages load nothing from other hosts", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await signInAs(page, "operator");
  for (const path of ["/overview", "/users", "/events", "/account"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await page.waitForTimeout(1000);
  }
  expect(foreign).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the navigation folds into a menu and still reaches every page the role may open", async ({ page }) => {
    await signInAs(page, "operator");
    await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    const nav = page.getByRole("navigation", { name: "Main" }).last();
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test("keyboard users can see where focus is", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
});
