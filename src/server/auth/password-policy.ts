import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

// zxcvbn scores 0-4; 3 is "safely unguessable: moderate protection from an
// offline slow-hash scenario" (about 10^10 guesses), which is what an argon2id
// store faces if its table leaks. Below that, the password is refused.
const MIN_SCORE = 3;

/** What the password form tells people before they type; the server enforces the same numbers. */
export const PASSWORD_RULES = {
  /** NIST SP 800-63B asks for at least 8; a console guarding other people's accounts asks for more. */
  minLength: 12,
  /** The sign-in form's own limit: a longer password could be set but never typed in. */
  maxLength: 1024,
  /** How many earlier passwords (from password_history) may not be reused. */
  historyDepth: 5,
} as const;

export interface PasswordRefusal {
  code: "too_short" | "too_long" | "control_characters" | "guessable" | "personal" | "reused" | "current";
  message: string;
  suggestions: string[];
}

let estimator: ZxcvbnFactory | undefined;

/** The dictionaries are a few megabytes: built on first use, once per process. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Fuzzy matching costs half a second a check on this hardware for little gain over the l33t and reversed-word matchers.
    useLevenshteinDistance: false,
  });
  return estimator;
}

export type StrengthVerdict = { ok: true; score: number } | { ok: false; refusal: PasswordRefusal };

/**
 * Whether `password` is strong enough to set. `personal` is what an attacker
 * targeting this account would try first (the email, its local part, the
 * display name); a password built from it is refused even if long.
 */
export function checkPasswordStrength(password: string, personal: readonly (string | null | undefined)[] = []): StrengthVerdict {
  if (/[\u0000-\u001f\u007f]/.test(password)) {
    return { ok: false, refusal: { code: "control_characters", message: "Passwords can't contain control characters (tabs, line breaks and the like).", suggestions: [] } };
  }
  // Length is counted in characters a person typed, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) {
    return {
      ok: false,
      refusal: {
        code: "too_short",
        message: `Use at least ${PASSWORD_RULES.minLength} characters (this one has ${length}).`,
        suggestions: ["A few unrelated words strung together are long and easy to remember."],
      },
    };
  }
  if (password.length > PASSWORD_RULES.maxLength) {
    return { ok: false, refusal: { code: "too_long", message: `Use at most ${PASSWORD_RULES.maxLength.toLocaleString("en")} characters.`, suggestions: [] } };
  }

  const result = zxcvbn().check(password, personalWords(personal));
  // zxcvbn scores "uma.user@warden" as strong (three words and separators), but
  // it is the first guess against uma.user@warden.test: refuse the name or the
  // email's local part anywhere in the password, whatever the punctuation.
  const embedsIdentity = identityStrings(personal).some((s) => squash(password).includes(s));
  if (result.score >= MIN_SCORE && !embedsIdentity) return { ok: true, score: result.score };
  const usesPersonal = embedsIdentity || result.sequence.some((m) => m.pattern === "dictionary" && "dictionaryName" in m && m.dictionaryName === "userInputs");
  const warning = result.feedback.warning;
  return {
    ok: false,
    refusal: {
      code: usesPersonal ? "personal" : "guessable",
      message: usesPersonal
        ? "This password is built from your name or email address, which is the first thing an attacker tries."
        : `This password is too easy to guess${warning ? `: ${lowerFirst(warning.replace(/\.$/, ""))}` : ""}.`,
      suggestions: result.feedback.suggestions.length > 0 ? result.feedback.suggestions : ["Add another word or two that aren't related to each other."],
    },
  };
}

/** The email, its local part split on punctuation, and each word of the name, plus the product's own name. */
function personalWords(personal: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>(["warden"]);
  for (const value of personal) {
    if (!value) continue;
    const lower = value.toLowerCase();
    words.add(lower);
    const local = lower.split("@")[0] ?? lower;
    words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Letters and digits only, lower case: "Uma.User" and "uma-user" are the same thing to a guesser. */
function squash(value: string) {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Whole identities long enough that containing one is no accident (a four-letter local part like "anna" could be). */
function identityStrings(personal: readonly (string | null | undefined)[]): string[] {
  return personal
    .filter((v): v is string => !!v)
    .map((v) => squash(v.split("@")[0] ?? v))
    .filter((s) => s.length >= 5);
}

function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
