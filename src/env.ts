import { z } from "zod";

/**
 * Everything Warden reads from the environment, validated once. Secrets are
 * not here: src/server/secrets.ts resolves them (from the environment in
 * production, generated into the data folder for the embedded demo).
 */
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Unset: the embedded PGlite database in WARDEN_DATA_DIR. Set: PostgreSQL. */
  DATABASE_URL: z.string().url().optional(),
  WARDEN_DATA_DIR: z.string().min(1).default("./.data"),
  /** Console session lifetimes. */
  WARDEN_SESSION_IDLE_MINUTES: minutes(30),
  WARDEN_SESSION_MAX_HOURS: minutes(12),
  /** Lockout: failures before a lock, and the doubling wait's first and largest step. */
  WARDEN_LOCKOUT_THRESHOLD: minutes(5),
  WARDEN_LOCKOUT_BASE_MINUTES: minutes(1),
  WARDEN_LOCKOUT_MAX_MINUTES: minutes(15),
  /** Per-IP throttle: failed sign-ins from one address within the window before it is refused. */
  WARDEN_IP_FAILURE_LIMIT: minutes(30),
  WARDEN_IP_WINDOW_MINUTES: minutes(15),
  /** Which X-Forwarded-For entry, counted from the right, is the client (see README: deploying). */
  WARDEN_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Warden's environment is invalid:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment between cases; this makes env() read it again. */
export function resetEnvCache() {
  cached = undefined;
}
