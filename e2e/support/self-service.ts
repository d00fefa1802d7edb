import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import type postgres from "postgres";
import { submitSignIn } from "./auth";

/**
 * A code from the secret Warden showed on the enrolment page, as an
 * authenticator app would compute it. `offsetMs` picks a neighbouring time
 * step: Warden refuses a step at or before the last one it accepted, so a
 * sign-in right after enrolment uses the next step (inside the one-step drift
 * window it allows).
 */
export function totpCode(secret: string, offsetMs = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetMs });
}

/** Password, then the second-factor step the sign-in form switches to. Does not wait for where it lands. */
export async function submitSignInWithCode(page: Page, email: string, password: string, code: string) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await expect(page.getByLabel("Verification code")).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

/** The shell's own sign-out, and the page it lands on. */
export async function signOutHere(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/, { timeout: 20_000 });
}

/**
 * A throwaway end-user account, for the steps that would otherwise leave the
 * demo user changed for the specs after this one (every session signed out,
 * seeded ones included). argon2id like Warden's own hashes.
 */
export async function createEndUser(sql: postgres.Sql, label: string, password: string) {
  const email = `${label}.${Date.now().toString(36)}@warden.test`;
  // 2 is Argon2id (the typings' const enum is not importable here).
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO users (email, display_name, password_hash, password_changed_at, role, email_verified_at)
    VALUES (${email}, ${"Esther E2E"}, ${passwordHash}, now(), 'user', now())
    RETURNING id`;
  return { id: row!.id, email, password };
}
