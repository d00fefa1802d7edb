import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const Z = z.object({ at: z.string(), id: z.number() });

describe("cursor", () => {
  it("round-trips", () => {
    const value = { at: "2026-11-22T10:00:00.123456Z", id: 42 };
    expect(decodeCursor(encodeCursor(value), Z)).toEqual(value);
  });

  it("refuses tampered or foreign cursors", () => {
    expect(decodeCursor("not base64 at all!", Z)).toBeNull();
    expect(decodeCursor(encodeCursor({ at: 1 }), Z)).toBeNull();
    expect(decodeCursor(encodeCursor("x"), Z)).toBeNull();
  });
});
