import { type DeviceProfile, type Person, type SeedContext, DAY_MS, HOUR_MS, plus } from "../context";
import type { Random } from "../random";
import { REGIONS } from "./catalog";
import { publicIp } from "./people";

const MINUTE_MS = 60_000;
const APP_SESSION_LIFETIME = 7 * DAY_MS;

interface SignIn {
  at: Date;
  device: DeviceProfile;
  ip: string;
  countryCode: string;
  city: string;
}

/** People are awake in the day: a sign-in time within a day, weighted to 06:00-23:00 UTC+3. */
function timeOfDay(rng: Random): number {
  const hour = rng.weighted([
    [3, 1], [4, 2], [5, 5], [6, 8], [7, 9], [8, 8], [9, 7], [10, 7], [11, 7], [12, 7], [13, 7], [14, 8],
    [15, 8], [16, 9], [17, 8], [18, 6], [19, 4], [20, 2], [21, 1], [22, 1], [23, 1], [0, 1], [1, 1], [2, 1],
  ] as const);
  return hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
}

/**
 * Ordinary life: people signing in from their devices, now and then mistyping
 * a password or a code, sessions that end by sign-out or by being replaced,
 * refresh-token families for the sessions still alive, and the low-severity
 * events that activity raises.
 */
export function generateActivity(ctx: SeedContext): void {
  const rng = ctx.rng.fork("activity");
  for (const person of ctx.people) generatePersonActivity(ctx, rng, person);
  generateUnknownUserNoise(ctx, rng);
}

function planSignIns(ctx: SeedContext, rng: Random, person: Person): SignIn[] {
  const plans: SignIn[] = [];
  for (let day = 0; day < ctx.options.days; day += 1) {
    const count = rng.poisson(person.signInRate);
    for (let i = 0; i < count; i += 1) {
      const at = new Date(ctx.start.getTime() + day * DAY_MS + timeOfDay(rng));
      if (at <= person.createdAt || at >= ctx.anchor) continue;
      const device = rng.chance(0.7) ? person.devices[0]! : rng.pick(person.devices);
      const region = REGIONS.find((r) => r.countryCode === person.countryCode)!;
      const away = rng.chance(0.15);
      plans.push({
        at,
        device,
        ip: away ? publicIp(rng, region) : person.homeIp,
        countryCode: person.countryCode,
        city: away ? rng.pick(region.cities) : person.city,
      });
    }
  }
  return plans.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function generatePersonActivity(ctx: SeedContext, rng: Random, person: Person) {
  const { data } = ctx;
  const user = data.users.find((u) => u.id === person.id)!;
  const suspended = user.status === "suspended";
  const twoFactorId = data.twoFactorAuth.find((t) => t.userId === person.id)?.id ?? null;
  const sessionsByDevice = new Map<string, (typeof data.sessions)[number]>();

  for (const plan of planSignIns(ctx, rng, person)) {
    if (user.deletedAt && plan.at >= user.deletedAt) break;
    const base = {
      identifier: rng.chance(0.15) && person.phone ? person.phone : person.email,
      userId: person.id,
      ipAddress: plan.ip,
      userAgent: plan.device.userAgent,
      countryCode: plan.countryCode,
      city: plan.city,
      deviceFingerprint: plan.device.fingerprint,
    };
    if (suspended) {
      data.loginAttempts.push({ ...base, attemptResult: "disabled", failureReason: "Account suspended", createdAt: plan.at });
      continue;
    }
    if (rng.chance(0.07)) {
      const misses = rng.int(1, 2);
      for (let i = misses; i > 0; i -= 1) {
        data.loginAttempts.push({
          ...base,
          attemptResult: "failed_password",
          failureReason: "Password did not match",
          createdAt: new Date(plan.at.getTime() - i * rng.int(8, 40) * 1000),
        });
      }
    }
    if (person.mfa) {
      if (rng.chance(0.04)) {
        const failedAt = new Date(plan.at.getTime() - rng.int(10, 50) * 1000);
        data.loginAttempts.push({ ...base, attemptResult: "mfa_failed", failureReason: "Wrong verification code", createdAt: failedAt });
        data.mfaVerificationAttempts.push({
          userId: person.id, twoFactorId, method: person.mfa, context: "sign_in", success: false,
          failureReason: "Code did not match", ipAddress: plan.ip, userAgent: plan.device.userAgent, createdAt: failedAt,
        });
      }
      data.mfaVerificationAttempts.push({
        userId: person.id, twoFactorId, method: person.mfa, context: "sign_in", success: true,
        ipAddress: plan.ip, userAgent: plan.device.userAgent, createdAt: plan.at,
      });
    }
    data.loginAttempts.push({ ...base, attemptResult: "success", createdAt: plan.at });
    user.lastLoginAt = plan.at;
    user.lastLoginIp = plan.ip;

    const newDevice = !plan.device.firstSeenAt;
    plan.device.firstSeenAt ??= plan.at;
    plan.device.lastSeenAt = plan.at;
    plan.device.lastIp = plan.ip;
    if (newDevice && plan.at.getTime() - person.createdAt.getTime() > DAY_MS) {
      pushEvent(ctx, rng, {
        eventType: "new_device_sign_in",
        severity: "low",
        userId: person.id,
        ipAddress: plan.ip,
        userAgent: plan.device.userAgent,
        details: { device: plan.device.name, city: plan.city, countryCode: plan.countryCode },
        createdAt: plan.at,
      });
    }

    const previous = sessionsByDevice.get(plan.device.id);
    if (previous && !previous.revokedAt) {
      previous.revokedAt = plan.at > previous.lastSeenAt! ? plan.at : previous.lastSeenAt!;
      previous.revokeReason = "Replaced by a new sign-in on the same device";
      data.sessionAudits.push({ sessionId: previous.id!, userId: person.id, action: "revoked", ipAddress: plan.ip, userAgent: plan.device.userAgent, details: { reason: "superseded" }, createdAt: previous.revokedAt });
    }
    const lastSeenAt = new Date(Math.min(plan.at.getTime() + rng.int(2, 180) * MINUTE_MS, ctx.anchor.getTime() - MINUTE_MS));
    const session = {
      id: rng.uuid(),
      userId: person.id,
      tokenHash: rng.hex(64),
      source: "app" as const,
      deviceId: plan.device.id,
      deviceName: plan.device.name,
      ipAddress: plan.ip,
      userAgent: plan.device.userAgent,
      countryCode: plan.countryCode,
      city: plan.city,
      mfaVerified: person.mfa !== null,
      createdAt: plan.at,
      lastSeenAt: lastSeenAt > plan.at ? lastSeenAt : plan.at,
      expiresAt: plus(plan.at, APP_SESSION_LIFETIME),
      revokedAt: null as Date | null,
      revokeReason: null as string | null,
    };
    data.sessions.push(session);
    sessionsByDevice.set(plan.device.id, session);
    data.sessionAudits.push({ sessionId: session.id, userId: person.id, action: "created", ipAddress: plan.ip, userAgent: plan.device.userAgent, countryCode: plan.countryCode, city: plan.city, details: {}, createdAt: plan.at });
    if (!person.isDemo && rng.chance(0.3)) {
      session.revokedAt = session.lastSeenAt;
      session.revokeReason = "Signed out";
      data.sessionAudits.push({ sessionId: session.id, userId: person.id, action: "signed_out", ipAddress: plan.ip, userAgent: plan.device.userAgent, details: {}, createdAt: session.revokedAt });
    }
  }

  for (const device of person.devices) {
    if (!device.firstSeenAt) continue;
    const trusted = rng.chance(0.4);
    data.userDevices.push({
      id: device.id,
      userId: person.id,
      fingerprint: device.fingerprint,
      name: device.name,
      deviceType: device.deviceType,
      os: device.os,
      browser: device.browser,
      trusted,
      trustedAt: trusted ? device.firstSeenAt : null,
      firstSeenAt: device.firstSeenAt,
      lastSeenAt: device.lastSeenAt!,
      lastIpAddress: device.lastIp!,
      lastCountryCode: person.countryCode,
      lastCity: person.city,
    });
  }
  // Sessions need their device rows, which only now exist; devices never used keep none.
  for (const session of sessionsByDevice.values()) generateRefreshFamily(ctx, rng, session);
}

function generateRefreshFamily(ctx: SeedContext, rng: Random, session: SeedContext["data"]["sessions"][number]) {
  if (session.revokedAt || session.expiresAt <= ctx.anchor) return;
  const familyId = rng.uuid();
  const created = session.createdAt!;
  const rotations = Math.min(4, Math.floor((ctx.anchor.getTime() - created.getTime()) / DAY_MS));
  let parentId: string | null = null;
  for (let i = 0; i <= rotations; i += 1) {
    const createdAt = plus(created, i * DAY_MS + (i > 0 ? rng.int(0, HOUR_MS) : 0));
    const id = rng.uuid();
    ctx.data.refreshTokens.push({
      id,
      userId: session.userId,
      sessionId: session.id,
      familyId,
      parentId,
      tokenHash: rng.hex(64),
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
      createdAt,
      expiresAt: plus(createdAt, 30 * DAY_MS),
      usedAt: i < rotations ? plus(createdAt, DAY_MS) : null,
    });
    parentId = id;
  }
}

/** Typos and stale bookmarks: sign-ins for accounts that do not exist, from everywhere. */
function generateUnknownUserNoise(ctx: SeedContext, rng: Random) {
  const perDay = Math.max(2, Math.round(ctx.options.users * 0.02));
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < perDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + timeOfDay(rng));
      if (createdAt >= ctx.anchor) continue;
      const region = rng.pick(REGIONS);
      ctx.data.loginAttempts.push({
        identifier: `${rng.pick(["info", "admin", "test", "jane", "kamau", "user"])}${rng.int(1, 999)}@example.com`,
        userId: null,
        ipAddress: publicIp(rng, region),
        userAgent: rng.pick(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "MtaaApp/4.2.1 (Android 13; TECNO KI5q)"]),
        attemptResult: "unknown_user",
        failureReason: "No account with this identifier",
        countryCode: region.countryCode,
        createdAt,
      });
    }
  }
}

type EventInput = Omit<SeedContext["data"]["securityEvents"][number], "status"> & { createdAt: Date };

const RESOLUTION_NOTES = [
  "Confirmed with the account owner by phone; expected activity.",
  "Owner recognised the device. No action needed.",
  "Checked login history: same ISP block as usual.",
  "False positive from travel; owner confirmed.",
];

/**
 * Events older than a few days have mostly been worked through by staff;
 * recent ones are still open. Both are what an operator sees on a real queue.
 */
export function pushEvent(ctx: SeedContext, rng: Random, event: EventInput, forceOpen = false) {
  const ageDays = (ctx.anchor.getTime() - event.createdAt.getTime()) / DAY_MS;
  const status = forceOpen
    ? "open"
    : ageDays > 3
      ? rng.weighted([["resolved", 85], ["acknowledged", 10], ["open", 5]] as const)
      : rng.weighted([["open", 70], ["acknowledged", 20], ["resolved", 10]] as const);
  const handledAt = new Date(
    Math.max(event.createdAt.getTime(), Math.min(event.createdAt.getTime() + rng.int(10, 600) * MINUTE_MS, ctx.anchor.getTime() - MINUTE_MS)),
  );
  ctx.data.securityEvents.push({
    ...event,
    status,
    assigneeId: status === "open" ? null : ctx.staff.operatorId,
    acknowledgedAt: status === "open" ? null : handledAt,
    acknowledgedBy: status === "open" ? null : ctx.staff.operatorId,
    resolvedAt: status === "resolved" ? handledAt : null,
    resolvedBy: status === "resolved" ? ctx.staff.operatorId : null,
    resolutionNote: status === "resolved" ? rng.pick(RESOLUTION_NOTES) : null,
    updatedAt: status === "open" ? event.createdAt : handledAt,
  });
}
