import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite loads its WASM and data files from node_modules at run time, and
  // argon2 is a native addon: neither survives bundling.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
  devIndicators: false,
  reactStrictMode: true,
};

export default config;
