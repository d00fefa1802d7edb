import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@warden.test", password: "Warden-admin-demo-1", landing: "/overview" },
  operator: { email: "operator@warden.test", password: "Warden-operator-demo-1", landing: "/overview" },
  compliance: { email: "compliance@warden.test", password: "Warden-compliance-demo-1", landing: "/audit" },
  user: { email: "user@warden.test", password: "Warden-user-demo-1", landing: "/account" },
} as const;

/** Fills in the sign-in form and submits it; does not wait for where it lands. */
export async function submitSignIn(page: Page, email: string, password: string) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in with a password (no second factor) and waits to leave the sign-in page. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
}

export async function signInAs(page: Page, role: keyof typeof DEMO) {
  await signIn(page, DEMO[role].email, DEMO[role].password);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].landing}$`));
}
