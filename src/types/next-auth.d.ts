import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** Warden's own session token, carried into the JWT on sign-in and nowhere else. */
    sessionToken?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
