import { describe, expect, it } from "vitest";
import { decodeRegisterCursor, encodeRegisterCursor, EMPTY_REGISTER_FILTER, parseRegisterPage, registerPageSearch } from "~/domain/pilot-register";

const id = "00000000-0000-4000-8000-000000000815";

describe("the pilot register's cursor", () => {
  it("round-trips an end to the microsecond, and a pilot with no end", () => {
    for (const cursor of [{ ended: "2026-10-01T10:00:00.123456+00:00", id }, { ended: null, id }]) expect(decodeRegisterCursor(encodeRegisterCursor(cursor))).toEqual(cursor);
  });

  it("reads anything it did not make as no cursor", () => {
    for (const forged of ["", "garbage", "W10", encodeRegisterCursor({ ended: "yesterday", id }), encodeRegisterCursor({ ended: null, id: "1 or 1=1" }), "%00", "a".repeat(500)]) {
      expect(decodeRegisterCursor(forged), forged).toBeNull();
    }
  });

  it("takes the limit within 1 to the largest, the default otherwise, and starts over for a forged cursor", () => {
    const page = (query: string) => parseRegisterPage(new URLSearchParams(query), { size: 100, max: 500 });
    expect(page("limit=500")).toEqual({ limit: 500, after: null });
    for (const limit of ["0", "501", "-3", "2.5", "x"]) expect(page(`limit=${limit}`).limit).toBe(100);
    expect(page("cursor=garbage").after).toBeNull();
    expect(page(`cursor=${encodeRegisterCursor({ ended: null, id })}`).after).toEqual({ ended: null, id });
  });

  it("keeps the filter in the next page's query", () => {
    const search = registerPageSearch({ ...EMPTY_REGISTER_FILTER, cpv: "33", outcome: "missing" }, { ended: null, id }, { limit: "10" });
    expect(Object.fromEntries(new URLSearchParams(search))).toMatchObject({ cpv: "33", outcome: "missing", limit: "10" });
  });
});
