import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { E2E_SERVER_ENV } from "../e2e/env";

/**
 * Playwright's web server: a fresh, seeded PostgreSQL database and a
 * production build of the console on it. Builds first if there is no build.
 */
const { values } = parseArgs({ options: { port: { type: "string", default: "3210" } } });
Object.assign(process.env, E2E_SERVER_ENV);

const url = new URL(E2E_SERVER_ENV.DATABASE_URL);
const name = url.pathname.slice(1);
const admin = postgres({ host: url.hostname, port: Number(url.port || 5432), user: url.username || "postgres", database: "postgres", max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE "${name}"`);
await admin.end();

const run = (args: string[]) => {
  const result = spawnSync("npx", args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(["tsx", "--conditions=react-server", "scripts/seed.ts", "--users", "150", "--days", "7"]);
if (!fs.existsSync(".next/BUILD_ID")) run(["next", "build"]);

const server = spawn("npx", ["next", "start", "-p", values.port!], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
