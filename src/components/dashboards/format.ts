/**
 * Numbers as the dashboards show them. Amounts arrive as exact decimal
 * strings and are formatted from the string (Intl reads it as a decimal, not
 * a float), so nothing is rounded away: every significant digit is kept.
 */

const ISO_CURRENCY = /^[A-Z]{3}$/;

function isIsoCurrency(code: string): boolean {
  if (!ISO_CURRENCY.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Digits after the point that matter: "12.50000000" → 1, "0.28350000" → 4. */
function significantDecimals(amount: string): number {
  const fraction = amount.split(".")[1] ?? "";
  return fraction.replace(/0+$/, "").length;
}

type Decimal = `${number}`;

/**
 * "12.50000000" KES → "KES 12.50"; "0.28350000" USD → "$0.2835";
 * "12.5" cUSD → "12.50 cUSD" (not an ISO code, so the code follows the number).
 */
export function formatMoney(amount: string, currency: string | null | undefined): string {
  const decimals = Math.min(Math.max(significantDecimals(amount), 2), 8);
  if (currency && isIsoCurrency(currency)) {
    return new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "symbol", minimumFractionDigits: 2, maximumFractionDigits: Math.max(decimals, 2) }).format(amount as Decimal);
  }
  const number = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: decimals }).format(amount as Decimal);
  return currency ? `${number} ${currency}` : number;
}

/** An amount without its currency (for columns headed by the currency). */
export function formatAmount(amount: string): string {
  const decimals = Math.min(Math.max(significantDecimals(amount), 2), 8);
  return new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: decimals }).format(amount as Decimal);
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}

/** A rate in 0..1 as a percentage with one decimal; "—" when there was nothing to rate. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** Bar heights only: charts need numbers, labels and tables keep the exact strings. */
export function chartNumber(amount: string): number {
  return Number(amount);
}

/** "failed_password" → "failed password". */
export function humanize(value: string): string {
  return value.replace(/_/g, " ");
}

/** An ISO 3166 alpha-2 code as a country name in the viewer's language, with the code. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "Unknown";
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase());
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
