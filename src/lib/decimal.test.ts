import { describe, expect, it } from "vitest";
import { sumDecimals } from "./decimal";

describe("sumDecimals", () => {
  it("adds decimal strings exactly", () => {
    expect(sumDecimals(["0.10000000", "0.20000000"])).toBe("0.30000000");
    expect(sumDecimals(["123456789012.12345678", "0.00000001"])).toBe("123456789012.12345679");
    expect(sumDecimals(["1.5", "-2.25"])).toBe("-0.75");
    expect(sumDecimals([])).toBe("0");
  });
});
