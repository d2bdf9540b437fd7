import { describe, expect, it } from "vitest";
import { decodeInstantCursor, encodeInstantCursor } from "~/domain/instant-cursor";
import { toBase64Url } from "~/domain/base64url";

const id = "0b6f3c2e-5d1a-4c8e-9f7b-2a1d3e4f5a6b";

describe("a keyset cursor over an instant and an id", () => {
  it("comes back as it went, to the microsecond, and with no instant", () => {
    for (const cursor of [{ at: "2026-12-07T02:30:00.123456+00:00", id }, { at: null, id }]) {
      expect(decodeInstantCursor(encodeInstantCursor(cursor))).toEqual(cursor);
    }
  });

  it("is null for anything it did not make", () => {
    for (const value of ["", "x", toBase64Url("[]"), toBase64Url(JSON.stringify(["2026-12-07", id])), toBase64Url(JSON.stringify(["2026-12-07T02:30:00Z", "1; drop table events"]))]) {
      expect(decodeInstantCursor(value), value).toBeNull();
    }
  });
});
