import { parseArgs } from "node:util";
import { currentHour, DEFAULT_SEED_OPTIONS, type SeedOptions } from "~/server/seed";

export const SEED_USAGE = `Usage: npm run db:seed -- [--users N] [--days D] [--seed S] [--anchor ISO] [--reset]

  --users N     ordinary users to generate (default ${DEFAULT_SEED_OPTIONS.users})
  --days D      days of history before the anchor (default ${DEFAULT_SEED_OPTIONS.days})
  --seed S      PRNG seed; the same seed and anchor give the same rows (default ${DEFAULT_SEED_OPTIONS.seed})
  --anchor ISO  the moment the data ends (default: the start of the current hour)
  --reset       drop everything and migrate again before seeding`;

export function parseSeedArgs(argv: string[]): SeedOptions & { reset: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
      anchor: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(SEED_USAGE);
    process.exit(0);
  }
  const int = (raw: string | undefined, fallback: number, name: string, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const anchor = values.anchor === undefined ? currentHour() : new Date(values.anchor);
  if (Number.isNaN(anchor.getTime())) throw new Error("--anchor must be an ISO date, for example 2026-11-22T12:00:00Z");
  return {
    users: int(values.users, DEFAULT_SEED_OPTIONS.users, "users", 1_000_000),
    days: int(values.days, DEFAULT_SEED_OPTIONS.days, "days", 366),
    seed: int(values.seed, DEFAULT_SEED_OPTIONS.seed, "seed", 2 ** 31),
    anchor,
    reset: values.reset ?? false,
  };
}
