/**
 * The dashboards' time range, as it lives in the URL: a preset
 * (`?range=7d`) or a custom span (`?from=…&to=…`, ISO instants), so a link
 * reproduces the view. Pure: the caller passes "now".
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RANGE_PRESETS = {
  "1h": { label: "Last hour", short: "1h", ms: HOUR },
  "24h": { label: "Last 24 hours", short: "24h", ms: DAY },
  "7d": { label: "Last 7 days", short: "7d", ms: 7 * DAY },
  "30d": { label: "Last 30 days", short: "30d", ms: 30 * DAY },
} as const;

export type RangePreset = keyof typeof RANGE_PRESETS;
export const PRESET_KEYS = Object.keys(RANGE_PRESETS) as RangePreset[];

/** The server refuses longer spans; say so before asking it. */
export const MAX_RANGE_DAYS = 366;

/** `to` is exclusive. `preset` is null for a custom range. */
export interface TimeRange {
  from: Date;
  to: Date;
  preset: RangePreset | null;
}

export type TimeRangeResult = { ok: true; range: TimeRange } | { ok: false; error: string };

/** Next's `searchParams` values: a repeated key arrives as an array. */
type Param = string | string[] | undefined;
export interface RangeParams {
  range?: Param;
  from?: Param;
  to?: Param;
}

function first(value: Param): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

export function isPreset(value: string | undefined): value is RangePreset {
  return value !== undefined && Object.hasOwn(RANGE_PRESETS, value);
}

// A full date and time, optionally with seconds and a zone. Without a zone it
// is read as UTC: the URL must mean the same thing to everyone who opens it.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO instant from the URL, or null when it is not one (including impossible dates like 02-30). */
export function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0"] = m;
  const date = new Date(m[7] ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2025-02-30 over to March; refuse it instead.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return date;
}

function ceilToMinute(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / MINUTE) * MINUTE);
}

/**
 * Reads the range from the URL. Presets end at the next whole minute so that
 * every panel on a page (and a reload within the minute) asks for the same
 * span. Never throws: a bad URL gives a message to show on the page.
 */
export function parseTimeRange(params: RangeParams, { now, fallback }: { now: Date; fallback: RangePreset }): TimeRangeResult {
  const range = first(params.range);
  const fromText = first(params.from);
  const toText = first(params.to);

  if (fromText !== undefined || toText !== undefined || range === "custom") {
    if (fromText === undefined || toText === undefined) return { ok: false, error: "A custom range needs both a start and an end." };
    const from = parseInstant(fromText);
    if (!from) return { ok: false, error: `The start “${fromText}” is not a date and time.` };
    const to = parseInstant(toText);
    if (!to) return { ok: false, error: `The end “${toText}” is not a date and time.` };
    if (from.getTime() >= to.getTime()) return { ok: false, error: "The start of the range must be before its end." };
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) return { ok: false, error: `A range can span at most ${MAX_RANGE_DAYS} days.` };
    return { ok: true, range: { from, to, preset: null } };
  }

  const preset = range ?? fallback;
  if (!isPreset(preset)) return { ok: false, error: `“${preset}” is not a time range. Choose ${PRESET_KEYS.join(", ")} or custom dates.` };
  const to = ceilToMinute(now);
  return { ok: true, range: { from: new Date(to.getTime() - RANGE_PRESETS[preset].ms), to, preset } };
}

/** The URL parameters that reproduce a range. */
export function rangeSearchParams(range: Pick<TimeRange, "from" | "to" | "preset">): Record<string, string> {
  return range.preset ? { range: range.preset } : { from: range.from.toISOString(), to: range.to.toISOString() };
}

/** What the tRPC dashboard procedures take. */
export function rangeInput(range: Pick<TimeRange, "from" | "to">): { from: string; to: string } {
  return { from: range.from.toISOString(), to: range.to.toISOString() };
}

/** The span one chart bucket covers, for drilling into the rows behind a bar. */
export function bucketSpan(at: Date, bucket: "hour" | "day"): { from: Date; to: Date } {
  return { from: at, to: new Date(at.getTime() + (bucket === "hour" ? HOUR : DAY)) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A `datetime-local` input's value for an instant, in the viewer's zone. */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value means in the viewer's zone, or null when it is empty or malformed. */
export function fromDateTimeLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
