import "server-only";
import type { AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { DEVICE_COOKIE, SESSION_COOKIE, secureCookies } from "~/lib/cookies";
import { encodeSignInError } from "~/lib/sign-in-messages";
import { getDb } from "~/server/db/client";
import { getSecrets } from "~/server/secrets";
import { authPolicy } from "./policy";
import { requestInfo } from "./request-info";
import { type ResolvedSession, resolveConsoleSession, signOutConsoleSession } from "./sessions";
import { signInWithPassword, signInWithSecondFactor } from "./sign-in";

// next-auth v4 builds its URLs from NEXTAUTH_URL; without one, assume the port we serve on.
process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;

let options: AuthOptions | undefined;

/**
 * next-auth is only the cookie carrier: the credentials provider runs
 * Warden's own sign-in, and the encrypted JWT holds nothing but the session
 * token, which is checked against the sessions table on every request.
 * Built on first use, so `next build` never touches secrets or the database.
 */
export function getAuthOptions(): AuthOptions {
  if (options) return options;
  const policy = authPolicy();
  options = {
    secret: getSecrets().authSecret,
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: policy.sessionMaxMs / 1000 },
    jwt: { maxAge: policy.sessionMaxMs / 1000 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } },
    },
    providers: [
      Credentials({
        id: "credentials",
        name: "Warden",
        credentials: { identifier: {}, password: {}, challenge: {}, code: {} },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string>;
          const deps = {
            info: requestInfo(headers),
            deviceId: readCookie(headers.cookie, DEVICE_COOKIE),
            policy,
            secrets: getSecrets(),
          };
          let result;
          try {
            result = credentials?.challenge
              ? await signInWithSecondFactor(getDb(), credentials, deps)
              : await signInWithPassword(getDb(), credentials ?? {}, deps);
          } catch (error) {
            // The browser sees next-auth's error string: never let a driver message through.
            console.error("Sign-in failed unexpectedly:", error);
            throw new Error(encodeSignInError("server_error"));
          }
          if (result.status === "signed_in") return { id: result.userId, sessionToken: result.token };
          // next-auth hands the thrown message back to the browser as `error`.
          if (result.status === "mfa_required") throw new Error(encodeSignInError("mfa_required", result.challenge));
          throw new Error(encodeSignInError(result.code, result.field ?? result.challenge));
        },
      }),
    ],
    callbacks: {
      // The cookie carries the session token and nothing else: no name, email or role.
      jwt({ token, user }) {
        const sid = user && "sessionToken" in user ? (user.sessionToken as string) : token.sid;
        return { sid };
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") {
          await signOutConsoleSession(getDb(), { token: token.sid }, { ip: "0.0.0.0", userAgent: null }, getSecrets().auditKey);
        }
      },
    },
  };
  return options;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

/** The raw session token inside the next-auth cookie, or null if there is none or it was tampered with. */
export async function sessionTokenFromCookie(cookieValue: string | undefined | null): Promise<string | null> {
  if (!cookieValue || cookieValue.length > 8192) return null;
  const jwt = await decode({ token: cookieValue, secret: getSecrets().authSecret }).catch(() => null);
  return typeof jwt?.sid === "string" ? jwt.sid : null;
}

export async function sessionFromCookie(cookieValue: string | undefined | null): Promise<ResolvedSession | null> {
  const token = await sessionTokenFromCookie(cookieValue);
  return token ? resolveConsoleSession(getDb(), token, authPolicy()) : null;
}

export { readCookie };
