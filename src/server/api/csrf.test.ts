import { describe, expect, it } from "vitest";
import { refuseCrossSite } from "./csrf";

const post = (headers: Record<string, string>) => new Request("http://console.example/api/trpc/x", { method: "POST", headers: { host: "console.example", ...headers } });

describe("refuseCrossSite", () => {
  it("lets same-origin JSON through", () => {
    expect(refuseCrossSite(post({ "content-type": "application/json", origin: "http://console.example" }))).toBeNull();
    expect(refuseCrossSite(post({ "content-type": "application/json", "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("refuses another origin, a cross-site fetch and a form post", () => {
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/json", origin: "https://evil.example" },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      { "content-type": "application/x-www-form-urlencoded", origin: "http://console.example" },
      { "content-type": "text/plain" },
    ]) {
      expect(refuseCrossSite(post(headers))?.status).toBe(403);
    }
  });

  it("refuses oversized bodies and leaves reads alone", () => {
    expect(refuseCrossSite(post({ "content-type": "application/json", "content-length": "5000000" }))?.status).toBe(413);
    expect(refuseCrossSite(new Request("http://console.example/api/trpc/x", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });
});
