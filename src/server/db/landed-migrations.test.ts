import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A migration that has landed has run on somebody's database, and the migrator
 * never runs it again: editing it changes nothing there and silently forks the
 * schema. Each landed file is pinned here by its SHA-256. A new migration adds
 * its line; a change to a landed one goes in a new migration instead
 * (`npm run db:generate`, or `drizzle-kit generate --custom` for hand-written SQL).
 */
const LANDED: Record<string, string> = {
  "0000_foundation.sql": "6a7c22b2b08a5a13eff3afb42d2089fdf9495a4c2eebd8dde95a2a10aaa3341d",
  "0001_audit_chain_head.sql": "54760f1f51a6b8982c997b6cfb40c771908bf81e5cd197776b1c560c3dfe8c07",
  "0002_audit_chain_guard.sql": "080c4d69c5eee1de7937893386e187ad3ba261ffdae664de1c7519495ecaa198",
  "0003_dashboard_rollups.sql": "5decb0a6fdcf1970a46e6c5c9afb292fec66bc4a8eec8f4e8ac2c1a3a2cd7848",
  "0004_unresolved_by_severity.sql": "614c1d7ecc7efe083b6be6ef45abbb236b2469a57c530e73c142b064ed301b9f",
  "0005_balance_totals.sql": "0aa4c5949e81eb21b6e98e20f2b1250d9d2aa24b1d0fcdaa06431a8dc9b7acfb",
  "0006_sms_recipient_cover.sql": "ff8dfeaccf17cacd6e79171482514382f9a4572179b93b15e592b8150bea7442",
  "0007_rollup_rebuild_in_order.sql": "09404840c034d199fde140fb57335f8936fae325e55b4a42c9b9e11d2866efb6",
  "0008_balance_holdings.sql": "d7a3b5f6029adcdbfaf8ba6ac3142fbfe1d973a056b781b0cdcb44818cad23fa",
  "0009_top_by_day_bound.sql": "299d57cbe487635134de1ea1b8317cf9225fda70aafc448a37b5810ad7ab0638",
};

describe("landed migrations", () => {
  const files = readdirSync(path.resolve("drizzle")).filter((f) => f.endsWith(".sql")).sort();

  it.each(files)("%s is pinned and unchanged (a change to a landed migration goes in a new one)", (file) => {
    const hash = createHash("sha256").update(readFileSync(path.resolve("drizzle", file))).digest("hex");
    expect(LANDED[file], `${file} is new: add its SHA-256 (${hash}) to LANDED once it is final`).toBeDefined();
    expect(hash, `${file} was edited after landing`).toBe(LANDED[file]);
  });
});
