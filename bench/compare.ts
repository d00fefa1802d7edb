/**
 * Exact comparison of two tile results: Dates as ISO instants, decimal strings
 * as exact decimals ("12.50000000" equals "12.5"), object keys in any order,
 * arrays in order. Returns the first difference, or null when identical.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "0012.5000" -> "12.5", "-0.000" -> "0": the same number, one spelling. */
export function canonicalDecimal(value: string): string {
  const negative = value.startsWith("-");
  let [whole = "0", fraction = ""] = value.replace(/^-/, "").split(".");
  whole = whole.replace(/^0+(?=\d)/, "");
  fraction = fraction.replace(/0+$/, "");
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== "0" ? `-${body}` : body;
}

export function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return DECIMAL.test(value) ? canonicalDecimal(value) : value;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalize(v);
    }
    return out;
  }
  return value;
}

const show = (v: unknown) => {
  const text = JSON.stringify(v);
  return text === undefined ? "undefined" : text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** The first place where `actual` and `expected` differ, as "path: actual vs expected". */
export function firstDifference(actual: unknown, expected: unknown): string | null {
  return diff(normalize(actual), normalize(expected), "$");
}

function diff(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: ${show(a)} vs ${show(b)}`;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = diff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${path}: ${a.length} items vs ${b.length}`;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const extra = ka.filter((k) => !(k in b));
    const missing = kb.filter((k) => !(k in a));
    if (extra.length || missing.length) {
      return `${path}: keys differ (${[...extra.map((k) => `+${k}`), ...missing.map((k) => `-${k}`)].join(", ")})`;
    }
    for (const k of ka) {
      const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${show(a)} vs ${show(b)}`;
}
