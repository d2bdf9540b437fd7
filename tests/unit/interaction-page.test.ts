import { describe, expect, it } from "vitest";
import { decodeInteractionCursor, encodeInteractionCursor, INTERACTION_PAGE_DEFAULT, parseInteractionPage } from "~/domain/interaction-page";

const cursor = { occurredAt: new Date("2026-11-30T09:15:00.123Z"), recordedAt: new Date("2026-12-01T10:00:00.000Z"), id: "0eb2ef89-4d73-43b6-88b5-e524f1cd21fe" };

describe("interaction pages", () => {
  it("takes the default page without parameters", () => {
    expect(parseInteractionPage(new URLSearchParams())).toEqual({ ok: true, page: { limit: INTERACTION_PAGE_DEFAULT, after: null } });
  });

  it("reads back the cursor it wrote", () => {
    const parsed = parseInteractionPage(new URLSearchParams({ limit: "25", cursor: encodeInteractionCursor(cursor) }));
    expect(parsed).toEqual({ ok: true, page: { limit: 25, after: cursor } });
  });

  it("refuses limits outside 1–500 and anything but digits", () => {
    for (const limit of ["0", "501", "-1", "1e2", "2147483648", " 5", ""]) {
      expect(parseInteractionPage(new URLSearchParams({ limit }))).toEqual({ ok: false, errors: { limit: "invalid_value" } });
    }
    expect(parseInteractionPage(new URLSearchParams({ limit: "500" }))).toMatchObject({ ok: true, page: { limit: 500 } });
  });

  it("refuses a cursor that is not one it wrote", () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const value of ["", "\u0000", "not base64!", forged(["2026-11-30", "2026-12-01", cursor.id]), forged([cursor.occurredAt.toISOString(), cursor.recordedAt.toISOString(), "1 or 1=1"]), forged({}), "A".repeat(401)]) {
      expect(decodeInteractionCursor(value)).toBeNull();
      expect(parseInteractionPage(new URLSearchParams({ cursor: value }))).toEqual({ ok: false, errors: { cursor: "invalid_value" } });
    }
  });
});
