import "server-only";
import ipaddr from "ipaddr.js";
import { env } from "~/env";

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

/** Stands in when no address can be read, so the NOT NULL inet column still says "unknown". */
export const UNKNOWN_IP = "0.0.0.0";

/**
 * The client's address. Next.js puts the socket address in X-Forwarded-For
 * only when the header is absent, and each proxy in front appends its peer, so
 * the trustworthy entry is the Nth from the right, N being the number of hops
 * we control (WARDEN_TRUSTED_PROXY_HOPS, default 1: Next's own entry).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, hops = env().WARDEN_TRUSTED_PROXY_HOPS): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const candidate = entries[Math.max(0, entries.length - hops)];
  if (!candidate) return UNKNOWN_IP;
  try {
    // ::ffff:1.2.3.4 is 1.2.3.4 as far as people and dashboards are concerned.
    return ipaddr.process(candidate.replace(/^\[|\](:\d+)?$/g, "")).toString();
  } catch {
    return UNKNOWN_IP;
  }
}

/** Control characters (NUL above all, which PostgreSQL refuses in text) are dropped; length is capped. */
export function cleanText(value: string | null | undefined, max = 512): string | null {
  if (!value) return null;
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, max);
  return cleaned || null;
}

export function requestInfo(headers: Headers | Record<string, string | string[] | undefined>): RequestInfo {
  const ua = headers instanceof Headers ? headers.get("user-agent") : headers["user-agent"];
  return { ip: clientIp(headers), userAgent: cleanText(Array.isArray(ua) ? ua[0] : ua) };
}
