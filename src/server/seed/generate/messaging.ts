import { type SeedContext, DAY_MS, HOUR_MS, plus } from "../context";
import type { Random } from "../random";

/** Email templates: name, subject, weight. The benchmark's load uses the same mix. */
export const EMAIL_TEMPLATES = [
  ["otp", "Your Mtaa sign-in code", 40],
  ["new_sign_in_alert", "New sign-in to your account", 20],
  ["transaction_receipt", "Your payment receipt", 22],
  ["weekly_summary", "Your week in your DAOs", 10],
  ["password_reset", "Reset your password", 4],
  ["email_verification", "Confirm your email address", 4],
] as const;

/** Per-message price in each provider's billing currency. */
const EMAIL_PROVIDERS = [
  { provider: "ses", weight: 60, cost: "0.00010000", currency: "USD" },
  { provider: "sendgrid", weight: 40, cost: "0.00035000", currency: "USD" },
] as const;

const SMS_ROUTES: Record<string, { provider: string; cost: string; currency: string }> = {
  KE: { provider: "africas_talking", cost: "0.80000000", currency: "KES" },
  UG: { provider: "africas_talking", cost: "25.00000000", currency: "UGX" },
  NG: { provider: "twilio", cost: "0.03080000", currency: "USD" },
  US: { provider: "twilio", cost: "0.00790000", currency: "USD" },
  GB: { provider: "twilio", cost: "0.04000000", currency: "USD" },
};

export function generateMessaging(ctx: SeedContext): void {
  const rng = ctx.rng.fork("messaging");
  const people = ctx.people.filter((p) => p.role === "user");
  const emailsPerDay = Math.round(people.length * 1.6);
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < emailsPerDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + rng.int(0, DAY_MS - 1));
      if (createdAt >= ctx.anchor) continue;
      const person = rng.pick(people);
      const [template, subject] = rng.weighted(EMAIL_TEMPLATES.map((t) => [t, t[2]] as const));
      const route = rng.weighted(EMAIL_PROVIDERS.map((p) => [p, p.weight] as const));
      pushEmail(ctx, rng, { userId: person.id, toEmail: person.email, template, subject, route, createdAt });
    }
  }

  const smsPeople = people.filter((p) => p.phone);
  const smsPerDay = Math.round(smsPeople.length * 0.45);
  for (let day = 0; day < ctx.options.days; day += 1) {
    for (let i = 0; i < smsPerDay; i += 1) {
      const createdAt = new Date(ctx.start.getTime() + day * DAY_MS + rng.int(0, DAY_MS - 1));
      if (createdAt >= ctx.anchor) continue;
      const person = rng.pick(smsPeople);
      const route = SMS_ROUTES[person.countryCode]!;
      const status = rng.weighted([["delivered", 92], ["sent", 3], ["failed", 4], ["pending", 1]] as const);
      const sentAt = status === "pending" ? null : plus(createdAt, rng.int(200, 3000));
      ctx.data.smsDeliveryLog.push({
        userId: person.id,
        toPhone: person.phone!,
        countryCode: person.countryCode,
        template: rng.weighted([["otp", 70], ["transaction_alert", 25], ["security_alert", 5]] as const),
        provider: route.provider,
        providerMessageId: status === "pending" ? null : `SM${rng.hex(32)}`,
        status,
        errorMessage: status === "failed" ? rng.pick(["Absent subscriber", "Network timeout", "Invalid destination"]) : null,
        segments: 1,
        cost: status === "failed" || status === "pending" ? null : route.cost,
        currency: status === "failed" || status === "pending" ? null : route.currency,
        sentAt,
        deliveredAt: status === "delivered" ? plus(sentAt!, rng.int(1000, 20_000)) : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
}

interface EmailInput {
  userId: string | null;
  toEmail: string;
  template: string;
  subject: string;
  route: { provider: string; cost: string; currency: string };
  createdAt: Date;
  forceFailure?: string;
}

export function pushEmail(ctx: SeedContext, rng: Random, input: EmailInput) {
  const status = input.forceFailure
    ? "failed"
    : rng.weighted([["delivered", 94], ["bounced", 2], ["failed", 1.2], ["sent", 2.5], ["pending", 0.3]] as const);
  const sentAt = status === "pending" || status === "failed" ? null : plus(input.createdAt, rng.int(100, 2000));
  const billed = status !== "pending" && status !== "failed";
  const opened = status === "delivered" && rng.chance(0.35) ? plus(sentAt!, rng.int(1, 36) * HOUR_MS) : null;
  ctx.data.emailDeliveryLog.push({
    userId: input.userId,
    toEmail: input.toEmail,
    subject: input.subject,
    template: input.template,
    provider: input.route.provider,
    providerMessageId: sentAt ? `${rng.hex(24)}@${input.route.provider}` : null,
    status,
    errorMessage:
      input.forceFailure ??
      (status === "bounced" ? "550 5.1.1 Mailbox does not exist" : status === "failed" ? "Connection reset by provider" : null),
    cost: billed ? input.route.cost : null,
    currency: billed ? input.route.currency : null,
    sentAt,
    deliveredAt: status === "delivered" ? plus(sentAt!, rng.int(500, 30_000)) : null,
    openedAt: opened && opened < ctx.anchor ? opened : null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  });
}
