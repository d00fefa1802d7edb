import { describe, expect, it } from "vitest";
import { isLocked, lockoutMinutes, registerFailure } from "./lockout";

const policy = { threshold: 5, baseMinutes: 1, maxMinutes: 15 };
const now = new Date("2026-11-22T12:00:00Z");

describe("lockout arithmetic", () => {
  it("doubles the wait with each lockout and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => lockoutMinutes(n, policy))).toEqual([1, 2, 4, 8, 15, 15, 15]);
    expect(lockoutMinutes(0, policy)).toBe(0);
  });

  it("counts failures below the threshold without locking", () => {
    let state = { failedLoginCount: 0, lockoutCount: 0 };
    for (let i = 1; i < 5; i += 1) {
      const out = registerFailure(state, policy, now);
      expect(out).toEqual({ failedLoginCount: i, lockoutCount: 0, lockedUntil: null });
      state = out;
    }
  });

  it("locks on the fifth failure for the first step, and resets the counter", () => {
    const out = registerFailure({ failedLoginCount: 4, lockoutCount: 0 }, policy, now);
    expect(out.failedLoginCount).toBe(0);
    expect(out.lockoutCount).toBe(1);
    expect(out.lockedUntil).toEqual(new Date("2026-11-22T12:01:00Z"));
  });

  it("locks for longer the next time", () => {
    const out = registerFailure({ failedLoginCount: 4, lockoutCount: 3 }, policy, now);
    expect(out.lockedUntil).toEqual(new Date("2026-11-22T12:08:00Z"));
  });

  it("honours a configured policy", () => {
    const strict = { threshold: 3, baseMinutes: 5, maxMinutes: 60 };
    expect(registerFailure({ failedLoginCount: 2, lockoutCount: 4 }, strict, now).lockedUntil).toEqual(new Date("2026-11-22T13:00:00Z"));
  });

  it("knows when a lock has run out", () => {
    expect(isLocked(new Date("2026-11-22T12:00:01Z"), now)).toBe(true);
    expect(isLocked(now, now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
