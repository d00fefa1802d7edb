import { hashPassword } from "~/server/auth/password";
import { encrypt } from "~/server/crypto/encryption";
import { type DeviceProfile, type Person, type SeedContext, DAY_MS, HOUR_MS, ago, plus } from "../context";
import { DEMO_ACCOUNTS } from "../demo-accounts";
import { CLIENTS, DAO_NAMES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, REGIONS, type Region } from "./catalog";
import type { Random } from "../random";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function publicIp(rng: Random, region: Region): string {
  const [a, b] = rng.pick(region.networks);
  return `${a}.${b}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function device(rng: Random): DeviceProfile {
  const client = rng.pick(CLIENTS);
  return { id: rng.uuid(), fingerprint: rng.hex(32), ...client };
}

function pickRegion(rng: Random): Region {
  return rng.weighted(REGIONS.map((r) => [r, r.weight] as const));
}

function phoneFor(rng: Random, region: Region): string {
  let digits = "";
  for (let i = 0; i < region.phoneDigits; i += 1) digits += String(rng.int(0, 9));
  return `${region.phonePrefix}${digits}`;
}

/** Demo console accounts first, then the application's ordinary users. */
export async function generatePeople(ctx: SeedContext): Promise<void> {
  const rng = ctx.rng.fork("people");
  const { data } = ctx;
  const history = ctx.options.days * DAY_MS;

  for (const account of DEMO_ACCOUNTS) {
    const region = REGIONS[0]!;
    const person: Person = {
      id: rng.uuid(),
      email: account.email,
      phone: phoneFor(rng, region),
      displayName: account.displayName,
      role: account.role,
      createdAt: ago(ctx, history + 90 * DAY_MS),
      homeIp: publicIp(rng, region),
      countryCode: region.countryCode,
      city: "Nairobi",
      devices: [device(rng), device(rng)],
      signInRate: account.role === "user" ? 0.8 : 1.5,
      mfa: null,
      isDemo: true,
    };
    ctx.people.push(person);
    data.users.push({
      id: person.id,
      email: person.email,
      emailVerifiedAt: person.createdAt,
      phone: person.phone,
      phoneVerifiedAt: person.createdAt,
      displayName: person.displayName,
      passwordHash: await hashPassword(account.password, rng.bytes(16)),
      passwordChangedAt: person.createdAt,
      role: person.role,
      createdAt: person.createdAt,
      updatedAt: person.createdAt,
    });
  }
  ctx.staff.adminId = ctx.people.find((p) => p.role === "admin")!.id;
  ctx.staff.operatorId = ctx.people.find((p) => p.role === "operator")!.id;

  const usedEmails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  const usedPhones = new Set<string>(ctx.people.map((p) => p.phone!));
  for (let i = 0; i < ctx.options.users; i += 1) {
    const region = pickRegion(rng);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${first}.${last}`.toLowerCase() + `@${rng.pick(EMAIL_DOMAINS)}`;
    if (usedEmails.has(email)) email = email.replace("@", `${i}@`);
    usedEmails.add(email);
    let phone: string | null = rng.chance(0.85) ? phoneFor(rng, region) : null;
    if (phone && usedPhones.has(phone)) phone = null;
    if (phone) usedPhones.add(phone);
    // Most accounts predate the window; a steady trickle sign up inside it.
    const createdAt = rng.chance(0.8)
      ? ago(ctx, history + rng.int(1, 365) * DAY_MS)
      : ago(ctx, rng.int(1, Math.max(1, ctx.options.days * 24 - 1)) * HOUR_MS);
    const person: Person = {
      id: rng.uuid(),
      email,
      phone,
      displayName: `${first} ${last}`,
      role: "user",
      createdAt,
      homeIp: publicIp(rng, region),
      countryCode: region.countryCode,
      city: rng.pick(region.cities),
      devices: Array.from({ length: rng.weighted([[1, 45], [2, 40], [3, 15]] as const) }, () => device(rng)),
      signInRate: rng.weighted([[0.15, 30], [0.5, 35], [1.2, 25], [3, 10]] as const),
      mfa: rng.weighted([[null, 70], ["totp", 20], ["sms", 10]] as const),
      isDemo: false,
    };
    ctx.people.push(person);
    const legacy = rng.chance(0.35);
    data.users.push({
      id: person.id,
      email,
      emailVerifiedAt: rng.chance(0.92) ? plus(createdAt, rng.int(1, 48) * 60_000) : null,
      phone,
      phoneVerifiedAt: phone && rng.chance(0.8) ? plus(createdAt, rng.int(1, 72) * 60_000) : null,
      displayName: person.displayName,
      passwordHash: legacy ? ctx.sharedHashes.bcrypt : ctx.sharedHashes.argon2,
      passwordChangedAt: createdAt,
      role: "user",
      status: rng.chance(0.015) ? "suspended" : "active",
      createdAt,
      updatedAt: createdAt,
      deletedAt: rng.chance(0.01) ? ago(ctx, rng.int(1, ctx.options.days) * DAY_MS) : null,
    });
  }

  for (const person of ctx.people) {
    generateSecondFactor(ctx, rng, person);
    generateAccountExtras(ctx, rng, person);
  }
  generateDaos(ctx, rng);
}

function generateSecondFactor(ctx: SeedContext, rng: Random, person: Person) {
  if (!person.mfa) return;
  const enabledAt = plus(person.createdAt, rng.int(1, 30) * DAY_MS);
  let secret = "";
  for (let i = 0; i < 32; i += 1) secret += BASE32[rng.int(0, 31)];
  ctx.data.twoFactorAuth.push({
    id: rng.uuid(),
    userId: person.id,
    method: person.mfa,
    enabled: true,
    enabledAt: enabledAt < ctx.anchor ? enabledAt : ctx.anchor,
    secretEncrypted: person.mfa === "totp" ? encrypt(secret, ctx.encryptionKey, rng.bytes(12)) : null,
    // Hashes of codes nobody holds: generated users never sign in to the console.
    backupCodeHashes: Array.from({ length: rng.int(6, 10) }, () => rng.hex(64)),
    createdAt: person.createdAt,
    updatedAt: person.createdAt,
  });
}

function generateAccountExtras(ctx: SeedContext, rng: Random, person: Person) {
  const { data } = ctx;
  // Password changes leave history behind.
  const changes = person.isDemo ? 0 : rng.weighted([[0, 60], [1, 25], [2, 10], [4, 5]] as const);
  for (let i = 0; i < changes; i += 1) {
    data.passwordHistory.push({
      userId: person.id,
      passwordHash: ctx.sharedHashes.history[i % ctx.sharedHashes.history.length]!,
      createdAt: plus(person.createdAt, (i + 1) * rng.int(5, 40) * DAY_MS),
    });
  }
  if (rng.chance(0.06)) {
    const createdAt = ago(ctx, rng.int(2, ctx.options.days * 24) * HOUR_MS);
    const status = rng.weighted([["used", 60], ["expired", 30], ["revoked", 10]] as const);
    data.accountRecovery.push({
      id: rng.uuid(),
      userId: person.id,
      recoveryType: "password_reset",
      tokenHash: rng.hex(64),
      status,
      requestedIp: person.homeIp,
      userAgent: person.devices[0]!.userAgent,
      expiresAt: plus(createdAt, HOUR_MS),
      usedAt: status === "used" ? plus(createdAt, rng.int(2, 40) * 60_000) : null,
      createdAt,
    });
  }
  if (rng.chance(0.3)) {
    data.oauthConnections.push({
      id: rng.uuid(),
      userId: person.id,
      provider: rng.weighted([["google", 80], ["telegram", 20]] as const),
      providerUserId: String(rng.int(10 ** 9, 10 ** 10)),
      providerEmail: person.email,
      accessTokenEncrypted: encrypt(`ya29.${rng.hex(40)}`, ctx.encryptionKey, rng.bytes(12)),
      refreshTokenEncrypted: encrypt(`1//${rng.hex(40)}`, ctx.encryptionKey, rng.bytes(12)),
      tokenExpiresAt: plus(ctx.anchor, rng.int(1, 60) * 60_000),
      scopes: ["openid", "email", "profile"],
      connectedAt: plus(person.createdAt, rng.int(0, 10) * DAY_MS),
    });
  }
  if (!person.isDemo && rng.chance(0.04)) {
    const keys = rng.int(1, 2);
    for (let i = 0; i < keys; i += 1) {
      const createdAt = plus(person.createdAt, rng.int(1, 20) * DAY_MS);
      const revoked = rng.chance(0.25);
      const prefix = `wdn_${rng.hex(8)}`;
      data.apiKeys.push({
        id: rng.uuid(),
        userId: person.id,
        name: rng.pick(["Accounting export", "Zapier", "Treasury bot", "Mobile backend", "Reporting"]),
        keyPrefix: prefix,
        keyHash: rng.hex(64),
        scopes: rng.pick([["read:balances"], ["read:balances", "read:transactions"], ["write:payments"]]),
        rateLimitPerMinute: rng.pick([30, 60, 120, 600]),
        ipAllowlist: rng.chance(0.4) ? [`${person.homeIp.split(".").slice(0, 3).join(".")}.0/24`] : [],
        expiresAt: rng.chance(0.5) ? plus(createdAt, 365 * DAY_MS) : null,
        lastUsedAt: revoked ? null : ago(ctx, rng.int(1, 72) * HOUR_MS),
        lastUsedIp: revoked ? null : person.homeIp,
        createdAt,
        revokedAt: revoked ? ago(ctx, rng.int(1, 10) * DAY_MS) : null,
        revokeReason: revoked ? "Rotated by owner" : null,
      });
    }
  }
  if (rng.chance(0.4)) {
    for (const alertType of ["new_device", "lockout", "password_change", "mfa_change", "suspicious_activity"] as const) {
      for (const channel of ["email", "sms"] as const) {
        data.notificationPreferences.push({
          userId: person.id,
          alertType,
          channel,
          enabled: channel === "email" ? rng.chance(0.9) : rng.chance(0.4),
          updatedAt: plus(person.createdAt, DAY_MS),
        });
      }
    }
  }
  generateKyc(ctx, rng, person);
}

function generateKyc(ctx: SeedContext, rng: Random, person: Person) {
  if (person.role !== "user" || !rng.chance(0.7)) return;
  const { data } = ctx;
  const submittedAt = plus(person.createdAt, rng.int(1, 72) * HOUR_MS);
  const status = rng.weighted([["approved", 75], ["pending", 8], ["in_review", 7], ["rejected", 6], ["expired", 4]] as const);
  const reviewed = status === "approved" || status === "rejected" || status === "expired";
  const riskScore = rng.between(2, status === "rejected" ? 90 : 45);
  const record = {
    id: rng.uuid(),
    userId: person.id,
    level: rng.chance(0.2) ? ("enhanced" as const) : ("basic" as const),
    status,
    provider: rng.pick(["smile_identity", "onfido"]),
    providerReference: `kyc_${rng.hex(16)}`,
    riskScore: riskScore.toFixed(2),
    riskLevel: riskScore > 60 ? ("high" as const) : riskScore > 30 ? ("medium" as const) : ("low" as const),
    submittedAt,
    reviewedAt: reviewed ? plus(submittedAt, rng.int(1, 48) * HOUR_MS) : null,
    reviewedBy: reviewed ? ctx.staff.operatorId : null,
    rejectionReason: status === "rejected" ? rng.pick(["Document unreadable", "Name mismatch", "Selfie did not match document"]) : null,
    expiresAt: status === "expired" ? ago(ctx, rng.int(1, 20) * DAY_MS) : plus(submittedAt, 730 * DAY_MS),
    createdAt: submittedAt,
    updatedAt: submittedAt,
  };
  data.kycRecords.push(record);
  for (const documentType of ["national_id", "selfie", ...(rng.chance(0.4) ? (["proof_of_address"] as const) : [])] as const) {
    data.kycDocuments.push({
      id: rng.uuid(),
      kycRecordId: record.id,
      documentType,
      storageKeyEncrypted: encrypt(`kyc/${person.id}/${documentType}.jpg`, ctx.encryptionKey, rng.bytes(12)),
      fileSha256: rng.hex(64),
      mimeType: documentType === "proof_of_address" ? "application/pdf" : "image/jpeg",
      fileSize: rng.int(80_000, 4_000_000),
      qualityScore: rng.between(55, 99).toFixed(2),
      status: status === "approved" ? "accepted" : status === "rejected" ? "rejected" : "pending",
      rejectionReason: status === "rejected" ? record.rejectionReason : null,
      uploadedAt: submittedAt,
      verifiedAt: reviewed ? record.reviewedAt : null,
    });
  }
  for (const checkType of ["pep", "sanctions", "adverse_media"] as const) {
    const result = rng.weighted([["clear", 94], ["possible_match", 5], ["match", 0.5], ["error", 0.5]] as const);
    data.kycComplianceChecks.push({
      id: rng.uuid(),
      kycRecordId: record.id,
      checkType,
      provider: "comply_advantage",
      result,
      riskScore: (result === "clear" ? rng.between(0, 10) : rng.between(40, 95)).toFixed(2),
      matchDetails: result === "clear" ? null : { listName: checkType === "pep" ? "KE PEP register" : "UN consolidated", score: rng.int(60, 99) },
      checkedAt: submittedAt,
      expiresAt: plus(submittedAt, 365 * DAY_MS),
    });
  }
}

function generateDaos(ctx: SeedContext, rng: Random) {
  const members = ctx.people.filter((p) => p.role === "user");
  for (const name of DAO_NAMES) {
    const createdAt = ago(ctx, (ctx.options.days + rng.int(30, 400)) * DAY_MS);
    ctx.data.daos.push({
      id: rng.uuid(),
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      createdBy: rng.pick(members).id,
      createdAt,
    });
  }
}
