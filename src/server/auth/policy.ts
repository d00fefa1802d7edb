import "server-only";
import { env } from "~/env";
import type { LockoutPolicy } from "./lockout";

export interface AuthPolicy {
  lockout: LockoutPolicy;
  sessionIdleMs: number;
  sessionMaxMs: number;
  ipFailureLimit: number;
  ipWindowMs: number;
}

/** The sign-in and session rules, from the environment (see src/env.ts for the defaults). */
export function authPolicy(): AuthPolicy {
  const e = env();
  return {
    lockout: { threshold: e.WARDEN_LOCKOUT_THRESHOLD, baseMinutes: e.WARDEN_LOCKOUT_BASE_MINUTES, maxMinutes: e.WARDEN_LOCKOUT_MAX_MINUTES },
    sessionIdleMs: e.WARDEN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.WARDEN_SESSION_MAX_HOURS * 3_600_000,
    ipFailureLimit: e.WARDEN_IP_FAILURE_LIMIT,
    ipWindowMs: e.WARDEN_IP_WINDOW_MINUTES * 60_000,
  };
}
