import { describe, expect, it } from "vitest";
import { bucketSpan, fromDateTimeLocal, parseInstant, parseTimeRange, rangeInput, rangeSearchParams, toDateTimeLocal } from "./time-range";

const now = new Date("2025-06-10T12:34:56.789Z");
const parse = (params: Parameters<typeof parseTimeRange>[0], fallback: "24h" | "7d" = "24h") => parseTimeRange(params, { now, fallback });

describe("parseTimeRange", () => {
  it("uses the page's default when the URL names no range, ending at the next whole minute", () => {
    expect(parse({})).toEqual({ ok: true, range: { from: new Date("2025-06-09T12:35:00Z"), to: new Date("2025-06-10T12:35:00Z"), preset: "24h" } });
    expect(parse({}, "7d")).toMatchObject({ ok: true, range: { from: new Date("2025-06-03T12:35:00Z"), preset: "7d" } });
  });

  it.each([
    ["1h", "2025-06-10T11:35:00Z"],
    ["24h", "2025-06-09T12:35:00Z"],
    ["7d", "2025-06-03T12:35:00Z"],
    ["30d", "2025-05-11T12:35:00Z"],
  ])("reads the %s preset", (preset, from) => {
    expect(parse({ range: preset })).toEqual({ ok: true, range: { from: new Date(from), to: new Date("2025-06-10T12:35:00Z"), preset } });
  });

  it("keeps a preset's end when now is already on a whole minute", () => {
    expect(parseTimeRange({ range: "1h" }, { now: new Date("2025-06-10T12:00:00Z"), fallback: "24h" })).toMatchObject({ ok: true, range: { to: new Date("2025-06-10T12:00:00Z") } });
  });

  it("reads a custom range of ISO instants, with or without a zone (no zone is UTC)", () => {
    expect(parse({ from: "2025-06-01T00:00:00.000Z", to: "2025-06-02T06:30+02:00" })).toEqual({
      ok: true,
      range: { from: new Date("2025-06-01T00:00:00Z"), to: new Date("2025-06-02T04:30:00Z"), preset: null },
    });
    expect(parse({ from: "2025-06-01T08:00", to: "2025-06-01T09:00" })).toMatchObject({ ok: true, range: { from: new Date("2025-06-01T08:00:00Z") } });
  });

  it("lets from/to win over a preset, and takes the first of a repeated parameter", () => {
    expect(parse({ range: "7d", from: ["2025-06-01T00:00Z", "x"], to: "2025-06-02T00:00Z" })).toMatchObject({ ok: true, range: { preset: null } });
  });

  it.each([
    [{ range: "5y" }, "“5y” is not a time range. Choose 1h, 24h, 7d, 30d or custom dates."],
    [{ range: "toString" }, "“toString” is not a time range. Choose 1h, 24h, 7d, 30d or custom dates."],
    [{ range: "custom" }, "A custom range needs both a start and an end."],
    [{ from: "2025-06-01T00:00Z" }, "A custom range needs both a start and an end."],
    [{ from: "yesterday", to: "2025-06-01T00:00Z" }, "The start “yesterday” is not a date and time."],
    [{ from: "2025-06-01T00:00Z", to: "2025-02-30T00:00Z" }, "The end “2025-02-30T00:00Z” is not a date and time."],
    [{ from: "2025-06-01T00:00Z", to: "2025-06-01T00:00Z" }, "The start of the range must be before its end."],
    [{ from: "2025-06-02T00:00Z", to: "2025-06-01T00:00Z" }, "The start of the range must be before its end."],
    [{ from: "2024-01-01T00:00Z", to: "2025-06-01T00:00Z" }, "A range can span at most 366 days."],
  ])("refuses %j with a message, never a throw", (params, error) => {
    expect(parse(params)).toEqual({ ok: false, error });
  });

  it("accepts exactly 366 days", () => {
    expect(parse({ from: "2024-01-01T00:00Z", to: "2025-01-01T00:00Z" }).ok).toBe(true);
  });
});

describe("parseInstant", () => {
  it.each(["2025-06-01", "2025-06-01T24:00Z", "2025-06-01T12:60Z", "2025-13-01T00:00Z", "", "2025-06-01T00:00Zjunk"])("refuses %j", (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe("URL and input round trips", () => {
  it("writes a preset as ?range and a custom range as ISO from/to", () => {
    const preset = parse({ range: "7d" });
    const custom = parse({ from: "2025-06-01T00:00Z", to: "2025-06-02T00:00Z" });
    if (!preset.ok || !custom.ok) throw new Error("unreachable");
    expect(rangeSearchParams(preset.range)).toEqual({ range: "7d" });
    expect(rangeSearchParams(custom.range)).toEqual({ from: "2025-06-01T00:00:00.000Z", to: "2025-06-02T00:00:00.000Z" });
    expect(parse(rangeSearchParams(custom.range))).toEqual(custom);
    expect(rangeInput(custom.range)).toEqual({ from: "2025-06-01T00:00:00.000Z", to: "2025-06-02T00:00:00.000Z" });
  });

  it("gives a bucket's span", () => {
    const at = new Date("2025-06-01T05:00:00Z");
    expect(bucketSpan(at, "hour")).toEqual({ from: at, to: new Date("2025-06-01T06:00:00Z") });
    expect(bucketSpan(at, "day").to).toEqual(new Date("2025-06-02T05:00:00Z"));
  });

  it("converts datetime-local values in the viewer's zone both ways", () => {
    const at = new Date(2025, 5, 1, 9, 30);
    expect(toDateTimeLocal(at)).toBe("2025-06-01T09:30");
    expect(fromDateTimeLocal("2025-06-01T09:30")).toEqual(at);
    expect(fromDateTimeLocal("")).toBeNull();
    expect(fromDateTimeLocal("nonsense")).toBeNull();
  });
});
