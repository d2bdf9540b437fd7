import { describe, expect, it } from "vitest";
import {
  cpvCodesUnder,
  decodeCursor,
  demandSearchParams,
  encodeCursor,
  eventKindsOf,
  filterMatchesConsultations,
  normaliseCpvPrefix,
  parseDemandFilter,
} from "~/domain/demand-filter";

const parse = (query: string) => parseDemandFilter(new URLSearchParams(query));

describe("the upcoming-demand filter", () => {
  it("reads repeated parameters as lists and ignores empty form fields without complaint", () => {
    const { filter, ignored } = parse("kind=rfi&kind=pilot&region=vestland&region=&sector=&buyer=&q=&budgetFrom=");
    expect(filter.kinds).toEqual(["rfi", "pilot"]);
    expect(filter.regions).toEqual(["vestland"]);
    expect(filter.buyer).toBeNull();
    expect(filter.q).toBeNull();
    expect(ignored).toEqual([]);
  });

  it("takes consultations (høring) as a kind, which is no event kind, and matches them only on what they have", () => {
    const { filter, ignored } = parse("kind=consultation&kind=rfi&kind=hearing");
    expect(filter.kinds).toEqual(["consultation", "rfi"]);
    expect(ignored).toEqual([{ param: "kind", value: "hearing", code: "invalid_value" }]);
    expect(eventKindsOf(filter.kinds)).toEqual(["rfi"]);
    expect(demandSearchParams(filter).getAll("kind")).toEqual(["consultation", "rfi"]);
    expect(filterMatchesConsultations(filter)).toBe(true);
    expect(filterMatchesConsultations(parse("q=fhir&sector=municipality&buyer=bergvik-kommune&open=1").filter)).toBe(true);
    expect(filterMatchesConsultations(parse("kind=rfi").filter)).toBe(false);
    for (const query of ["cpv=48", "region=vestland", "standard=hl7-fhir-r4", "expectation=planned", "budgetTo=2", "quarterTo=2027-Q4", "backgroundIp=1", "integrationBudget=included"]) {
      expect(filterMatchesConsultations(parse(query).filter), query).toBe(false);
    }
  });

  it("turns a CPV code into the prefix that selects its subtree", () => {
    expect(normaliseCpvPrefix("48814000-7")).toBe("48814");
    expect(normaliseCpvPrefix("85000000")).toBe("85");
    expect(normaliseCpvPrefix("488")).toBe("488");
    expect(normaliseCpvPrefix("99")).toBeNull();
    expect(normaliseCpvPrefix("48a")).toBeNull();
    expect(cpvCodesUnder(["48814"])).toEqual(expect.arrayContaining(["48814000-7", "48814100-8", "48814500-2"]));
    expect(cpvCodesUnder(["48814"])).not.toContain("48810000-9");
  });

  it("reads budgets in millions of NOK as people type them, and drops a reversed upper bound", () => {
    expect(parse("budgetFrom=4,5&budgetTo=1 500").filter).toMatchObject({ budgetFrom: 4.5, budgetTo: 1500 });
    const reversed = parse("budgetFrom=10&budgetTo=2");
    expect(reversed.filter).toMatchObject({ budgetFrom: 10, budgetTo: null });
    expect(reversed.ignored).toEqual([{ param: "budgetTo", value: "2", code: "range_reversed" }]);
  });

  it("accepts quarters in either case and names what it could not read", () => {
    const { filter, ignored } = parse("quarterFrom=2027-q2&quarterTo=2027-Q5&kind=webinar&sort=price&open=maybe");
    expect(filter.quarterFrom).toBe("2027-Q2");
    expect(filter.quarterTo).toBeNull();
    expect(ignored.map((i) => i.param)).toEqual(["kind", "quarterTo", "open", "sort"]);
  });

  it("sorts by relevance only when there are words to rank by", () => {
    expect(parse("q=fhir").filter.sort).toBe("relevance");
    expect(parse("").filter.sort).toBe("deadline");
    expect(parse("sort=relevance").filter.sort).toBe("deadline");
    expect(parse("q=fhir&sort=budget").filter.sort).toBe("budget");
  });

  it("round-trips a cursor and refuses one that was edited or belongs to another sort", () => {
    const cursor = { sort: "budget" as const, key: "6000000", id: "00000000-0000-4000-8000-000000000101" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(parse(`sort=budget&cursor=${encodeCursor(cursor)}`).filter.cursor).toEqual(cursor);
    expect(parse(`sort=tender&cursor=${encodeCursor(cursor)}`).ignored[0]).toMatchObject({ param: "cursor", code: "cursor_invalid" });
    expect(decodeCursor(encodeCursor({ ...cursor, key: "1; drop table events" }))).toBeNull();
    expect(decodeCursor("not a cursor")).toBeNull();
  });

  it("writes the filter back to the same query, so links reproduce it", () => {
    const query = "q=fhir&kind=rfi&cpv=48&buyer=bergvik-kommune&sector=municipality&region=vestland&standard=hl7-fhir-r4&expectation=planned&budgetFrom=1&budgetTo=5&quarterFrom=2027-Q1&quarterTo=2027-Q4&open=1&sort=budget";
    const { filter } = parse(query);
    expect(demandSearchParams(filter).toString()).toBe(query);
    expect(parse(demandSearchParams(filter).toString()).filter).toEqual(filter);
  });
});

describe("a NUL character in a demand filter (found by the hostile-input suite: PostgreSQL answered 500)", () => {
  it("is ignored and named back, for free text and buyer alike", () => {
    const { filter, ignored } = parseDemandFilter(new URLSearchParams({ q: "a\u0000b", buyer: "\u0000' OR 1=1", kind: "rfi" }));
    expect(filter.q).toBeNull();
    expect(filter.buyer).toBeNull();
    expect(filter.kinds).toEqual(["rfi"]);
    expect(ignored.map((i) => [i.param, i.code])).toEqual([
      ["q", "invalid_value"],
      ["buyer", "invalid_value"],
    ]);
    expect(ignored.every((i) => !i.value.includes("\u0000"))).toBe(true);
  });
});
