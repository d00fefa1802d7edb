import "server-only";
import { parseUserAgent } from "~/lib/user-agent";

export interface DeviceDescription {
  /** "Chrome on Windows", "Safari on iPhone"… */
  label: string;
  browser: string | null;
  os: string | null;
  deviceType: "desktop" | "mobile" | "tablet" | "bot" | "unknown";
}

/**
 * What a person calls the device behind a session or sign-in. The user agent
 * is parsed afresh (so parser improvements reach old rows); the name stored
 * at sign-in is the fallback for clients the parser does not know, such as
 * the watched application's own mobile app.
 */
export function describeDevice(userAgent: string | null, storedName?: string | null): DeviceDescription {
  const parsed = parseUserAgent(userAgent);
  const recognised = parsed.browser !== null && parsed.os !== null;
  return { ...parsed, label: recognised ? parsed.label : (storedName ?? parsed.label) };
}
