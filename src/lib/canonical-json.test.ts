import { describe, expect, it } from "vitest";
import { canonicalJson, toJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("gives equal strings for equal values in any key order", () => {
    expect(canonicalJson({ x: 1, y: "two" })).toBe(canonicalJson({ y: "two", x: 1 }));
  });

  it("normalises what jsonb would change or refuse", () => {
    const date = new Date("2026-11-22T10:00:00.123Z");
    expect(toJson({ when: date, gone: undefined, n: Number.NaN, big: 12n, s: "a\u0000b" })).toEqual({
      when: "2026-11-22T10:00:00.123Z",
      n: null,
      big: "12",
      s: "ab",
    });
  });

  it("keeps arrays' order and turns undefined items into null", () => {
    expect(canonicalJson([3, undefined, 1])).toBe("[3,null,1]");
  });
});
