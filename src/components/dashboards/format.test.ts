import { describe, expect, it } from "vitest";
import { countryName, formatMoney, formatRate } from "./format";
import { drillHref } from "./range";

describe("formatMoney", () => {
  it("formats ISO currencies with Intl and keeps every significant digit", () => {
    expect(formatMoney("12.50000000", "KES")).toBe("KES\u00a012.50");
    expect(formatMoney("0.28350000", "USD")).toBe("$0.2835");
    expect(formatMoney("90.00000000", "USD")).toBe("$90.00");
  });

  it("puts a non-ISO code after the number", () => {
    expect(formatMoney("12.5", "cUSD")).toBe("12.50 cUSD");
    expect(formatMoney("1234567.12345678", "CELO")).toBe("1,234,567.12345678 CELO");
  });

  it("is exact beyond a float's precision", () => {
    expect(formatMoney("123456789012.12345678", "KES")).toBe("KES\u00a0123,456,789,012.12345678");
  });
});

describe("small formatters", () => {
  it("rates and countries", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(0.98765)).toBe("98.8%");
    expect(countryName("SO")).toBe("Somalia (SO)");
    expect(countryName(null)).toBe("Unknown");
  });
});

describe("drillHref", () => {
  it("carries the page's range and the filters, and lets a bar's span replace the range", () => {
    expect(drillHref("/overview/attempts", { range: "7d" }, { ip: "1.2.3.4", outcome: undefined })).toBe("/overview/attempts?range=7d&ip=1.2.3.4");
    expect(drillHref("/overview/attempts", { range: "7d" }, { from: "2025-06-01T00:00:00.000Z", to: "2025-06-01T01:00:00.000Z" })).toBe(
      "/overview/attempts?from=2025-06-01T00%3A00%3A00.000Z&to=2025-06-01T01%3A00%3A00.000Z",
    );
  });
});
