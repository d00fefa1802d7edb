import { sql } from "drizzle-orm";
import { bigint, numeric, timestamp, varchar } from "drizzle-orm/pg-core";

/** Every time is a timestamptz, stored in UTC and read back as a Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** High-volume telemetry rows get a compact, ordered bigint key for keyset pagination. */
export const bigId = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();

/**
 * Money is numeric and always travels with its currency. 20 digits with 8
 * after the point holds both KES cents and CELO's 18-decimal dust rounded to
 * 8 places, which is what the ledgers the seeds describe keep.
 */
export const money = (name: string) => numeric(name, { precision: 20, scale: 8 });

/** ISO 4217 codes plus the on-chain tickers the seeds use (cUSD, CELO, MTAA). */
export const currency = (name = "currency") => varchar(name, { length: 10 });
export const currencyCheck = (column: string) => sql.raw(`${column} ~ '^[A-Za-z]{3,6}$'`);
