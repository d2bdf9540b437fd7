import { describe, expect, it } from "vitest";
import { splitCsvLine } from "~/domain/call-off-import";
import { csvCell, csvDocument, csvOsloTime } from "~/domain/csv";

describe("the one CSV writer", () => {
  it("separates by semicolons, ends every line with CRLF and starts with a BOM", () => {
    expect(csvDocument([["a", "b"], [1, null]])).toBe("\uFEFFa;b\r\n1;\r\n");
  });

  it("quotes separators, commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("4,5")).toBe('"4,5"');
    expect(csvCell('si "hei"')).toBe('"si ""hei"""');
    expect(csvCell("linje\nto")).toBe('"linje\nto"');
    expect(csvCell("plain text")).toBe("plain text");
  });

  it("makes a text cell a spreadsheet would run as a formula start with an apostrophe", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("=A1;B1")).toBe(`"'=A1;B1"`);
    expect(csvCell("a=1")).toBe("a=1");
    // Numbers are numbers, negative ones included.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(true)).toBe("true");
  });

  it("reads back as written by the portal's own CSV reader (the call-off import)", () => {
    const rows = [["ID", "Tittel"], ["1", 'Med "anførsel"; semikolon, komma'], ["2", ""]];
    const lines = csvDocument(rows).slice(1).split("\r\n");
    expect(lines.slice(0, -1).map((line) => splitCsvLine(line))).toEqual(rows);
  });

  it("writes instants as Oslo wall-clock time, summer and winter", () => {
    expect(csvOsloTime(new Date("2026-12-15T14:00:00Z"))).toBe("2026-12-15 15:00");
    expect(csvOsloTime("2027-06-01T10:30:00.000Z")).toBe("2027-06-01 12:30");
    expect(csvOsloTime(null)).toBeNull();
  });
});
