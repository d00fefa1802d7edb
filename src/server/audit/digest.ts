import "server-only";
import ipaddr from "ipaddr.js";
import { canonicalJson } from "~/lib/canonical-json";
import { hmacHex } from "~/server/crypto/tokens";

/** The columns a chain hash covers: everything but the row id and the hashes themselves. */
export interface ChainedContent {
  seq: number;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export const GENESIS_HASH = "0".repeat(64);

/** One spelling per address, whatever form PostgreSQL or the client used. */
export function normaliseIp(ip: string | null): string | null {
  if (!ip) return null;
  try {
    return ipaddr.process(ip.replace(/\/(32|128)$/, "")).toNormalizedString();
  } catch {
    return ip;
  }
}

/**
 * HMAC-SHA256 over the previous hash and the row's canonical content. Keyed,
 * so someone who can write to the database but lacks WARDEN_AUDIT_KEY cannot
 * recompute a consistent chain after editing a row.
 */
export function chainHash(key: Buffer, prevHash: string, content: ChainedContent): string {
  // Named one by one: a row read back carries id and hashes that must stay out.
  const body = canonicalJson({
    seq: content.seq,
    actorId: content.actorId,
    actorEmail: content.actorEmail,
    actorRole: content.actorRole,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    reason: content.reason,
    before: content.before,
    after: content.after,
    ipAddress: normaliseIp(content.ipAddress),
    userAgent: content.userAgent,
    createdAt: content.createdAt.toISOString(),
  });
  return hmacHex(key, `${prevHash}\n${body}`);
}
