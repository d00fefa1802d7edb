import { describe, expect, it } from "vitest";
import { parseUserAgent } from "./user-agent";

describe("parseUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toMatchObject({ label: "Chrome on Windows", browser: "Chrome 131", deviceType: "desktop" });
    expect(parseUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).toMatchObject({ label: "Mobile Safari on iPhone", deviceType: "mobile" });
  });

  it("flags scripts and bots", () => {
    expect(parseUserAgent("python-requests/2.31.0")).toMatchObject({ deviceType: "bot", label: "python-requests" });
  });

  it("copes with nothing at all", () => {
    expect(parseUserAgent(null)).toEqual({ label: "Unknown device", browser: null, os: null, deviceType: "unknown" });
  });
});
