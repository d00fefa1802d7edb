import { type SeedContext, DAY_MS, HOUR_MS, ago, plus } from "../context";
import { STORIES } from "../stories";
import type { Random } from "../random";
import { pushEvent } from "./activity";
import { pushEmail } from "./messaging";

const ATTACK_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

/** Plants the incidents listed in ../stories.ts on top of ordinary activity. */
export function plantStories(ctx: SeedContext): void {
  const rng = ctx.rng.fork("stories");
  const candidates = ctx.data.users.filter((u) => u.role === "user" && u.status === "active" && !u.deletedAt);
  const victims = shuffle(rng, candidates).slice(0, 24);
  const bruteForceTargets = victims.slice(0, STORIES.bruteForce.targets);
  const stuffingVictim = victims[STORIES.bruteForce.targets]!;
  const staffLocked = victims[STORIES.bruteForce.targets + 1]!;
  const stuffedKnown = victims.slice(STORIES.bruteForce.targets + 2, STORIES.bruteForce.targets + 1 + STORIES.credentialStuffing.knownAccounts);

  plantBruteForce(ctx, rng, bruteForceTargets);
  plantCredentialStuffing(ctx, rng, stuffingVictim, stuffedKnown);
  plantStaffLock(ctx, staffLocked);
  plantSmsPumping(ctx, rng);
  plantEmailOutage(ctx, rng);
  plantRefreshTokenReuse(ctx, rng);
  plantImpossibleTravel(ctx, rng, victims.slice(20, 23));
}

function shuffle<T>(rng: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type UserRow = SeedContext["data"]["users"][number];

function plantBruteForce(ctx: SeedContext, rng: Random, targets: UserRow[]) {
  const story = STORIES.bruteForce;
  targets.forEach((target, index) => {
    const start = ago(ctx, story.startsBeforeAnchor - index * 7 * 60_000);
    const step = story.durationMs / story.failuresPerTarget;
    let lockedAt: Date | null = null;
    for (let i = 0; i < story.failuresPerTarget; i += 1) {
      const at = plus(start, Math.round(i * step + rng.int(0, 800)));
      const locked = i >= 5;
      if (i === 5) lockedAt = at;
      ctx.data.loginAttempts.push({
        identifier: target.email,
        userId: target.id!,
        ipAddress: story.ips[i % story.ips.length]!,
        userAgent: ATTACK_UA,
        attemptResult: locked ? "locked" : "failed_password",
        failureReason: locked ? "Account locked" : "Password did not match",
        countryCode: "NL",
        city: "Amsterdam",
        createdAt: at,
      });
    }
    pushEvent(ctx, rng, {
      eventType: "brute_force_detected",
      severity: "high",
      userId: target.id!,
      ipAddress: story.ips[0],
      userAgent: ATTACK_UA,
      details: { failures: story.failuresPerTarget, windowMinutes: story.durationMs / 60_000, ips: story.ips },
      createdAt: plus(start, 60_000),
    }, true);
    pushEvent(ctx, rng, {
      eventType: "account_locked",
      severity: "medium",
      userId: target.id!,
      ipAddress: story.ips[0],
      details: { reason: "Too many failed sign-ins", failedAttempts: 5 },
      createdAt: lockedAt!,
    }, true);
    // Two of the three stay locked by staff until the owner is verified; the third lock ran out.
    target.failedLoginCount = 0;
    target.lockoutCount = 3;
    if (index < 2) {
      target.lockedUntil = plus(ctx.anchor, 2 * DAY_MS);
      target.lockReason = "Brute-force target: locked pending verification with the owner";
    }
  });
}

function plantCredentialStuffing(ctx: SeedContext, rng: Random, victim: UserRow, known: UserRow[]) {
  const story = STORIES.credentialStuffing;
  const start = ago(ctx, story.startsBeforeAnchor);
  const unknown = story.distinctIdentifiers - known.length - 1;
  const identifiers: { identifier: string; user: UserRow | null }[] = [
    ...known.map((user) => ({ identifier: user.email, user })),
    ...Array.from({ length: unknown }, (_, i) => ({ identifier: `leaked.user${1000 + i}@example.net`, user: null })),
  ];
  const ordered = shuffle(rng, identifiers);
  // The one guess that worked comes late in the run.
  ordered.splice(ordered.length - 5, 0, { identifier: victim.email, user: victim });
  const step = story.durationMs / ordered.length;
  let victimAt = start;
  ordered.forEach(({ identifier, user }, i) => {
    const at = plus(start, Math.round(i * step + rng.int(0, 5000)));
    const success = user === victim;
    if (success) victimAt = at;
    ctx.data.loginAttempts.push({
      identifier,
      userId: user?.id ?? null,
      ipAddress: story.ip,
      userAgent: story.userAgent,
      attemptResult: success ? "success" : user ? "failed_password" : "unknown_user",
      failureReason: success ? null : user ? "Password did not match" : "No account with this identifier",
      countryCode: "DE",
      city: "Frankfurt am Main",
      createdAt: at,
    });
  });

  // The attacker's session is still alive; the victim was locked once the run was spotted.
  const sessionId = rng.uuid();
  ctx.data.sessions.push({
    id: sessionId,
    userId: victim.id!,
    tokenHash: rng.hex(64),
    source: "app",
    deviceName: "python-requests",
    ipAddress: story.ip,
    userAgent: story.userAgent,
    countryCode: "DE",
    city: "Frankfurt am Main",
    createdAt: victimAt,
    lastSeenAt: plus(victimAt, 14 * 60_000),
    expiresAt: plus(victimAt, 7 * DAY_MS),
  });
  ctx.data.sessionAudits.push({ sessionId, userId: victim.id!, action: "created", ipAddress: story.ip, userAgent: story.userAgent, countryCode: "DE", city: "Frankfurt am Main", details: {}, createdAt: victimAt });
  victim.lockedUntil = plus(ctx.anchor, 3 * DAY_MS);
  victim.lockReason = "Signed in from a credential-stuffing source; locked automatically";
  victim.lockoutCount = 1;
  victim.lastLoginAt = victimAt;
  victim.lastLoginIp = story.ip;

  pushEvent(ctx, rng, {
    eventType: "credential_stuffing",
    severity: "critical",
    ipAddress: story.ip,
    userAgent: story.userAgent,
    details: { distinctIdentifiers: story.distinctIdentifiers, windowMinutes: story.durationMs / 60_000, compromisedAccount: victim.email },
    createdAt: plus(start, story.durationMs),
  }, true);
  pushEvent(ctx, rng, {
    eventType: "suspicious_sign_in",
    severity: "high",
    userId: victim.id!,
    ipAddress: story.ip,
    userAgent: story.userAgent,
    details: { reason: "Successful sign-in from an address running credential stuffing", sessionId },
    createdAt: plus(victimAt, 60_000),
  }, true);
}

function plantStaffLock(ctx: SeedContext, user: UserRow) {
  user.lockedUntil = plus(ctx.anchor, 7 * DAY_MS);
  user.lockReason = "Chargeback fraud investigation (case FR-2291)";
}

function plantSmsPumping(ctx: SeedContext, rng: Random) {
  const story = STORIES.smsPumping;
  const start = ago(ctx, story.startsBeforeAnchor);
  const numbers = Array.from({ length: story.numbers }, (_, i) => `${story.prefix}${String(10_000 + i * 37).padStart(5, "0")}`);
  for (let i = 0; i < story.messages; i += 1) {
    const createdAt = plus(start, Math.round((i / story.messages) * story.durationMs) + rng.int(0, 20_000));
    const status = rng.weighted([["sent", 82], ["delivered", 12], ["failed", 6]] as const);
    const sentAt = status === "failed" ? null : plus(createdAt, rng.int(300, 2000));
    ctx.data.smsDeliveryLog.push({
      userId: null,
      toPhone: rng.pick(numbers),
      countryCode: story.countryCode,
      template: "otp",
      provider: story.provider,
      providerMessageId: status === "failed" ? null : `SM${rng.hex(32)}`,
      status,
      errorMessage: status === "failed" ? "Carrier rejected message" : null,
      segments: 1,
      cost: status === "failed" ? null : story.costPerMessage,
      currency: status === "failed" ? null : story.currency,
      sentAt,
      deliveredAt: status === "delivered" ? plus(sentAt!, rng.int(2000, 40_000)) : null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  pushEvent(ctx, rng, {
    eventType: "sms_pumping_suspected",
    severity: "high",
    details: { prefix: story.prefix, countryCode: story.countryCode, messages: story.messages, provider: story.provider },
    createdAt: plus(start, story.durationMs),
  }, true);
}

function plantEmailOutage(ctx: SeedContext, rng: Random) {
  const story = STORIES.emailOutage;
  const start = ago(ctx, story.startsBeforeAnchor);
  const end = plus(start, story.durationMs);
  for (const email of ctx.data.emailDeliveryLog) {
    if (email.provider !== story.provider || email.createdAt! < start || email.createdAt! >= end) continue;
    Object.assign(email, { status: "failed", errorMessage: story.error, providerMessageId: null, sentAt: null, deliveredAt: null, openedAt: null, cost: null, currency: null });
  }
  // Sign-in codes pile up while the provider is down; each is retried through SES.
  const people = ctx.people.filter((p) => p.role === "user");
  for (let i = 0; i < 60; i += 1) {
    const person = rng.pick(people);
    const createdAt = plus(start, rng.int(0, story.durationMs - 1));
    const route = { provider: story.provider, cost: "0.00035000", currency: "USD" };
    pushEmail(ctx, rng, { userId: person.id, toEmail: person.email, template: "otp", subject: "Your Mtaa sign-in code", route, createdAt, forceFailure: story.error });
    pushEmail(ctx, rng, { userId: person.id, toEmail: person.email, template: "otp", subject: "Your Mtaa sign-in code", route: { provider: "ses", cost: "0.00010000", currency: "USD" }, createdAt: plus(createdAt, rng.int(30, 120) * 1000) });
  }
  ctx.data.securityEvents.push({
    eventType: "email_provider_outage",
    severity: "medium",
    status: "resolved",
    details: { provider: story.provider, error: story.error },
    assigneeId: ctx.staff.operatorId,
    acknowledgedAt: plus(start, 10 * 60_000),
    acknowledgedBy: ctx.staff.operatorId,
    resolvedAt: plus(end, 15 * 60_000),
    resolvedBy: ctx.staff.operatorId,
    resolutionNote: "SendGrid incident; OTP mail failed over to SES until it recovered.",
    createdAt: plus(start, 5 * 60_000),
    updatedAt: plus(end, 15 * 60_000),
  });
}

function plantRefreshTokenReuse(ctx: SeedContext, rng: Random) {
  const detectedAt = ago(ctx, STORIES.refreshTokenReuse.startsBeforeAnchor);
  // A family whose every token predates the detection, so the story reads in order.
  const lastIssued = new Map<string, Date>();
  for (const t of ctx.data.refreshTokens) {
    const seen = lastIssued.get(t.familyId);
    if (!seen || t.createdAt! > seen) lastIssued.set(t.familyId, t.createdAt!);
  }
  const families = [...lastIssued].filter(([, at]) => at < detectedAt).map(([id]) => id);
  if (families.length === 0) return;
  const familyId = rng.pick(families);
  const tokens = ctx.data.refreshTokens.filter((t) => t.familyId === familyId);
  const reused = tokens.find((t) => t.usedAt && t.usedAt < detectedAt) ?? tokens[0]!;
  for (const token of tokens) {
    token.revokedAt = detectedAt;
    token.revokeReason = "Token reuse detected: family revoked";
  }
  reused.reuseDetectedAt = detectedAt;
  const session = ctx.data.sessions.find((s) => s.id === reused.sessionId);
  if (session && !session.revokedAt) {
    session.revokedAt = detectedAt > session.lastSeenAt! ? detectedAt : session.lastSeenAt!;
    session.revokeReason = "Refresh token reuse detected";
  }
  pushEvent(ctx, rng, {
    eventType: "refresh_token_reuse",
    severity: "high",
    userId: reused.userId,
    ipAddress: "203.0.113.77",
    details: { familyId, tokenId: reused.id },
    createdAt: detectedAt,
  }, true);
}

function plantImpossibleTravel(ctx: SeedContext, rng: Random, users: UserRow[]) {
  for (const user of users) {
    pushEvent(ctx, rng, {
      eventType: "impossible_travel",
      severity: "medium",
      userId: user.id!,
      ipAddress: `91.${rng.int(100, 200)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      details: { from: "Nairobi, KE", to: "Frankfurt am Main, DE", minutesApart: rng.int(20, 90) },
      createdAt: ago(ctx, rng.int(2, ctx.options.days * 24 - 1) * HOUR_MS),
    });
  }
}
