export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Turns any value into plain JSON the way it will look after a round trip
 * through a jsonb column: dates become ISO strings, undefined object members
 * disappear, bigints become strings, non-finite numbers become null, and NUL
 * characters (which jsonb refuses) are dropped.
 */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  switch (typeof value) {
    case "string":
      return value.replaceAll("\u0000", "");
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "object": {
      if (Array.isArray(value)) return value.map((item) => toJson(item));
      const out: Record<string, Json> = {};
      for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
        if (member !== undefined && typeof member !== "function") out[key.replaceAll("\u0000", "")] = toJson(member);
      }
      return out;
    }
    default:
      return null;
  }
}

/** JSON with object keys sorted at every depth: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return stringify(toJson(value));
}

function stringify(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringify).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stringify(value[key]!)}`).join(",")}}`;
}
