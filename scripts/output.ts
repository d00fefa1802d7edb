import { DEMO_ACCOUNTS } from "~/server/seed/demo-accounts";

/** One line per table that rewrites itself on a terminal, and stays quiet in CI logs. */
export function progressPrinter() {
  const tty = process.stdout.isTTY;
  let last = "";
  return (table: string, done: number, total: number) => {
    if (tty) {
      process.stdout.write(`\r  ${table.padEnd(26)} ${done.toLocaleString("en").padStart(9)} / ${total.toLocaleString("en")}   `);
      if (done === total) process.stdout.write("\n");
    } else if (done === total && table !== last) {
      console.log(`  ${table.padEnd(26)} ${total.toLocaleString("en").padStart(9)}`);
      last = table;
    }
  };
}

export function printDemoSignIns(url?: string) {
  if (url) console.log(`\n  Warden console: ${url}`);
  console.log("\n  Demo sign-ins:");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`    ${account.role.padEnd(11)} ${account.email.padEnd(24)} ${account.password}`);
  }
  console.log("");
}
