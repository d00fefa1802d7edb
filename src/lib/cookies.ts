/**
 * Cookie names, shared by the proxy, next-auth and the session resolver.
 * Production cookies carry the __Secure- prefix and the Secure flag: browsers
 * send them only over HTTPS (and to http://localhost, which they treat as secure).
 */
export const secureCookies = process.env.NODE_ENV === "production" && process.env.WARDEN_INSECURE_COOKIES !== "true";

export const SESSION_COOKIE = secureCookies ? "__Secure-warden.session" : "warden.session";

/** A random, long-lived id per browser, so sign-ins from a new device can be told apart. */
export const DEVICE_COOKIE = secureCookies ? "__Secure-warden.device" : "warden.device";
