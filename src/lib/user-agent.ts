import { UAParser } from "ua-parser-js";

export interface ParsedUserAgent {
  /** "Chrome on Windows", "Safari on iPhone", or the raw string's first words when nothing matched. */
  label: string;
  browser: string | null;
  os: string | null;
  deviceType: "desktop" | "mobile" | "tablet" | "bot" | "unknown";
}

const BOT = /bot|crawl|spider|curl|wget|python-requests|httpclient|go-http|okhttp|headless/i;

export function parseUserAgent(ua: string | null | undefined): ParsedUserAgent {
  if (!ua) return { label: "Unknown device", browser: null, os: null, deviceType: "unknown" };
  const result = new UAParser(ua).getResult();
  const browser = result.browser.name ? [result.browser.name, result.browser.major].filter(Boolean).join(" ") : null;
  const os = result.os.name ? [result.os.name, result.os.version].filter(Boolean).join(" ") : null;
  const model = result.device.model && result.device.vendor === "Apple" ? result.device.model : null;
  const deviceType = BOT.test(ua)
    ? "bot"
    : result.device.type === "mobile" || result.device.type === "tablet"
      ? result.device.type
      : result.os.name
        ? "desktop"
        : "unknown";
  const where = model ?? result.os.name ?? null;
  const label = result.browser.name && where ? `${result.browser.name} on ${where}` : result.browser.name ?? where ?? ua.split(/[\s/(]/)[0] ?? "Unknown device";
  return { label, browser, os, deviceType };
}
