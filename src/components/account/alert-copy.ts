/**
 * What each kind of security event means to the person it is about, in their
 * words rather than operations'. Unknown kinds fall back to their name.
 */
const COPY: Record<string, { title: string; body: string }> = {
  new_device_sign_in: { title: "Sign-in from a new device", body: "Your account was signed in to from a device it had not seen before." },
  account_locked: { title: "Your account was locked", body: "Too many wrong passwords were tried, so sign-in was paused for a while." },
  brute_force_detected: { title: "Many wrong passwords were tried", body: "Someone tried a long run of passwords on your account in a short time." },
  suspicious_sign_in: { title: "Suspicious sign-in", body: "A sign-in came from an address seen attacking other accounts." },
  impossible_travel: { title: "Sign-ins from two distant places", body: "Your account was used in two places too far apart to travel between in the time." },
  refresh_token_reuse: { title: "A sign-in token was used twice", body: "A token that keeps you signed in was presented again after it had been replaced, which can mean it was copied." },
  credential_stuffing: { title: "Your account was part of an automated attack", body: "A script tried many accounts' passwords from one address, including yours." },
  password_changed: { title: "Your password was changed", body: "The password was changed and every other session was signed out." },
  mfa_enabled: { title: "Two-factor authentication turned on", body: "An authenticator app was added to your account." },
  mfa_disabled: { title: "Two-factor authentication turned off", body: "Your account no longer asks for a code when signing in." },
  backup_codes_regenerated: { title: "New backup codes created", body: "New backup codes were made and the old ones stopped working." },
  backup_code_used: { title: "A backup code was used to sign in", body: "One of your backup codes was used instead of your authenticator app." },
  device_trusted: { title: "A device was marked as trusted", body: "A device on your account was marked as one you trust." },
  account_compromise_reported: { title: "You reported activity that wasn't you", body: "Every session was signed out and Warden's security team was told." },
};

export function alertCopy(eventType: string): { title: string; body: string } {
  const known = COPY[eventType];
  if (known) return known;
  const words = eventType.replace(/[._]+/g, " ").trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), body: "Something security-related happened on your account." };
}
