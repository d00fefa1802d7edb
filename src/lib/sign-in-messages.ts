/**
 * What the sign-in form says for each outcome. The server sends only the
 * code; a wrong password, an unknown account and a locked account all send
 * the same one, so the page cannot tell them apart either.
 */
export const SIGN_IN_MESSAGES = {
  invalid_credentials:
    "Those details didn't work. Check your email and password and try again; after several tries, wait a few minutes.",
  throttled: "Too many unsuccessful sign-ins from your network. Wait a few minutes and try again.",
  invalid_input: "Check the highlighted field.",
  mfa_invalid: "That code didn't work. Enter the current code from your authenticator app, or a backup code.",
  challenge_expired: "That took too long. Enter your password again.",
  server_error: "Warden could not sign you in just now. Try again in a moment.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_MESSAGES;

export const SIGN_IN_FIELD_MESSAGES = {
  identifier_empty: "Enter your email address.",
  identifier_long: "That email address is too long (320 characters at most).",
  identifier_format: "Enter an email address, like name@example.com.",
  password_empty: "Enter your password.",
  password_long: "That password is too long (1,024 characters at most).",
  code_format: "Enter the 6-digit code from your app, or a 10-character backup code.",
} as const;

export type SignInFieldProblem = keyof typeof SIGN_IN_FIELD_MESSAGES;

/** The error string next-auth hands back to the browser: `code[:detail]`. */
export function encodeSignInError(code: SignInErrorCode | "mfa_required", detail?: string) {
  return detail ? `${code}:${detail}` : code;
}

export function decodeSignInError(error: string | null | undefined): { code: SignInErrorCode | "mfa_required"; detail: string | null } {
  if (!error) return { code: "server_error", detail: null };
  const at = error.indexOf(":");
  const code = (at === -1 ? error : error.slice(0, at)) as SignInErrorCode | "mfa_required";
  const known = code === "mfa_required" || code in SIGN_IN_MESSAGES;
  return { code: known ? code : "invalid_credentials", detail: at === -1 ? null : error.slice(at + 1) };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;

/** What the server accepts as an identifier and a password; anything else is recorded as invalid input. */
export function checkSignInFields(identifier: string, password: string): SignInFieldProblem | null {
  const id = identifier.trim();
  if (!id) return "identifier_empty";
  if (id.length > 320) return "identifier_long";
  if (/[\u0000-\u001f\u007f]/.test(id) || !(EMAIL.test(id) || PHONE.test(id))) return "identifier_format";
  if (!password) return "password_empty";
  if (password.length > 1024) return "password_long";
  return null;
}

export function checkSecondFactorCode(code: string): SignInFieldProblem | null {
  const trimmed = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(trimmed) || /^[0-9A-Za-z]{10}$/.test(trimmed) ? null : "code_format";
}
