/**
 * Lockout arithmetic, kept pure so it can be tested on its own. An account is
 * locked when its consecutive failures reach the threshold; each further
 * lockout (without a good sign-in in between) doubles the wait, up to a cap.
 */
export interface LockoutPolicy {
  threshold: number;
  baseMinutes: number;
  maxMinutes: number;
}

export function lockoutMinutes(lockoutNumber: number, policy: LockoutPolicy): number {
  if (lockoutNumber < 1) return 0;
  // 2 ** 30 minutes is already centuries; stop doubling long before overflow.
  const doubled = policy.baseMinutes * 2 ** Math.min(lockoutNumber - 1, 30);
  return Math.min(doubled, policy.maxMinutes);
}

export interface FailureOutcome {
  failedLoginCount: number;
  lockoutCount: number;
  lockedUntil: Date | null;
}

/** What one more failed attempt does to an account's counters. */
export function registerFailure(
  state: { failedLoginCount: number; lockoutCount: number },
  policy: LockoutPolicy,
  now: Date,
): FailureOutcome {
  const failures = state.failedLoginCount + 1;
  if (failures < policy.threshold) {
    return { failedLoginCount: failures, lockoutCount: state.lockoutCount, lockedUntil: null };
  }
  const lockoutCount = state.lockoutCount + 1;
  return {
    failedLoginCount: 0,
    lockoutCount,
    lockedUntil: new Date(now.getTime() + lockoutMinutes(lockoutCount, policy) * 60_000),
  };
}

export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return !!lockedUntil && lockedUntil.getTime() > now.getTime();
}
