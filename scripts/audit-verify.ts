import { verifyAuditChain } from "~/server/queries/audit";
import { getSecrets } from "~/server/secrets";
import { describeDatabase, withConfiguredDatabase } from "./database";

/** `npm run audit:verify`: walks the whole audit chain; exits 1 and names the first broken entry if there is one. */
await withConfiguredDatabase("Audit verification", async (handle) => {
  const started = Date.now();
  const result = await verifyAuditChain(handle.db, getSecrets().auditKey);
  const took = `${Date.now() - started} ms`;
  if (result.ok) {
    console.log(`Audit chain intact: ${result.entries.toLocaleString("en")} entries verified in ${took} (${describeDatabase()}).`);
    console.log(`Head: entry ${result.headSeq}, hash ${result.headHash}`);
  } else {
    console.error(`Audit chain BROKEN after ${result.entries.toLocaleString("en")} good entries (${took}).`);
    console.error(`First broken entry: ${result.firstBroken.seq ?? "?"}${result.firstBroken.id ? ` (row id ${result.firstBroken.id})` : ""}: ${result.firstBroken.problem}`);
    process.exitCode = 1;
  }
});
