/**
 * Exact sum of decimal strings (PostgreSQL `numeric` text, amounts of one
 * currency only), through integers scaled to the longest fraction: no float
 * ever touches money. The server's breakdowns and the pages' totals both use it.
 */
export function sumDecimals(amounts: readonly string[]): string {
  const scale = Math.max(0, ...amounts.map((a) => (a.split(".")[1] ?? "").length));
  const total = amounts.reduce((sum, a) => {
    const negative = a.startsWith("-");
    const [int = "0", frac = ""] = a.replace(/^[-+]/, "").split(".");
    const scaled = BigInt(int + frac.padEnd(scale, "0"));
    return sum + (negative ? -scaled : scaled);
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}
