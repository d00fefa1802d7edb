import { describe, expect, it } from "vitest";
import { checkPasswordStrength, PASSWORD_RULES } from "./password-policy";

const personal = ["uma.user@warden.test", "Uma User"];
const refusal = (password: string) => {
  const verdict = checkPasswordStrength(password, personal);
  return verdict.ok ? null : verdict.refusal.code;
};

describe("checkPasswordStrength", () => {
  it("accepts long, unrelated passphrases", () => {
    for (const good of ["Lantern-Kettle-Orbit-73", "correct horse battery staple", "xK9#mQ2$vL7@pR4&", "Mkate wa asubuhi na chai 2 vikombe"]) {
      expect(refusal(good), good).toBeNull();
    }
  });

  it("refuses short passwords, saying how short", () => {
    const verdict = checkPasswordStrength("Ab3$efgh", personal);
    expect(verdict).toMatchObject({ ok: false, refusal: { code: "too_short", message: "Use at least 12 characters (this one has 8)." } });
    // Counted in characters, not UTF-16 units: eleven emoji are eleven characters.
    expect(refusal("🔒".repeat(11))).toBe("too_short");
  });

  it("refuses common passwords, keyboard walks and repeats, with zxcvbn's reason", () => {
    expect(refusal("password1234")).toBe("guessable");
    expect(refusal("qwertyuiop123")).toBe("guessable");
    expect(refusal("aaaaaaaaaaaaaaaa")).toBe("guessable");
    expect(refusal("123456789012")).toBe("guessable");
    const verdict = checkPasswordStrength("password1234", personal);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.refusal.message).toMatch(/^This password is too easy to guess/);
      expect(verdict.refusal.suggestions.length).toBeGreaterThan(0);
    }
  });

  it("refuses passwords built from the account's own name or email, whatever the punctuation", () => {
    expect(refusal("uma.user@warden")).toBe("personal");
    expect(refusal("UmaUser-2026!!")).toBe("personal");
    expect(refusal("wardenwarden1")).not.toBeNull();
  });

  it("refuses control characters and anything past the sign-in form's limit", () => {
    expect(refusal("Lantern-Kettle\u0000Orbit-73")).toBe("control_characters");
    expect(refusal("Lantern-Kettle\nOrbit-73")).toBe("control_characters");
    expect(refusal("x".repeat(PASSWORD_RULES.maxLength + 1))).toBe("too_long");
  });
});
