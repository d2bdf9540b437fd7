import { describe, expect, it } from "vitest";
import { CALL_OFF_IMPORT_MAX_ROWS, checkCallOffImport, importable, parseCallOffCsv, splitCsvLine, type ImportRow } from "~/domain/call-off-import";

const period = { start: "2027-01-01", baseEnd: "2027-12-31", options: [] };
const rowsOf = (text: string): ImportRow[] => {
  const parsed = parseCallOffCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rows;
};
const problems = (rows: ImportRow[]) => rows.map((r) => r.problems.map((p) => `${r.line}:${p.path}:${p.code}`)).flat();

describe("splitCsvLine", () => {
  it("splits on semicolons and keeps quoted semicolons and doubled quotes", () => {
    expect(splitCsvLine('2027-Q1;2 000 000;;"Merk; ""viktig"""')).toEqual(["2027-Q1", "2 000 000", "", 'Merk; "viktig"']);
  });
});

describe("parseCallOffCsv", () => {
  it("reads a header, kroner as people write them, a BOM and CRLF", () => {
    const rows = rowsOf("\uFEFFkvartal;verdi;mengde;merknad\r\n2027-Q1;2 000 000;;Første\r\n2027-Q2;1.000.000;12;\r\n\r\n");
    expect(rows.map((r) => [r.line, r.input])).toEqual([
      [2, { quarter: "2027-Q1", valueNok: 2_000_000, quantity: null, note: "Første" }],
      [3, { quarter: "2027-Q2", valueNok: 1_000_000, quantity: 12, note: null }],
    ]);
  });

  it("gives each bad row its own problems by field, and keeps the good rows", () => {
    const rows = rowsOf("2027-Q1;abc;;\n2. kvartal 2027;100;;\n2027-Q3;-5;;\n2027-Q4;1;2;3;4");
    expect(problems(rows)).toEqual(["1:valueNok:must_be_whole_number", "2:quarter:invalid_quarter", "3:valueNok:must_be_whole_number", "4:note:import_too_many_columns"]);
    expect(importable(rows)).toBe(false);
  });

  it("refuses an empty file and one with more rows than a contract has quarters", () => {
    expect(parseCallOffCsv("quarter;valueNok\n\n")).toEqual({ ok: false, problems: [{ path: "csv", code: "import_empty" }] });
    const many = Array.from({ length: CALL_OFF_IMPORT_MAX_ROWS + 1 }, (_, i) => `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1};1`).join("\n");
    expect(parseCallOffCsv(many)).toEqual({ ok: false, problems: [{ path: "csv", code: "import_too_many_rows" }] });
  });
});

describe("checkCallOffImport", () => {
  it("applies the contract's rules: inside the period, not recorded, not twice in the file, a volume", () => {
    const rows = checkCallOffImport(period, rowsOf("2027-Q1;1\n2027-Q2;1\n2027-Q2;2\n2028-Q1;1\n2027-Q3;;"), ["2027-Q1"]);
    expect(problems(rows)).toEqual(["1:quarter:quarter_recorded", "3:quarter:quarter_recorded", "4:quarter:quarter_outside_contract", "5:valueNok:call_off_volume_required"]);
    expect(rows[1]!.input).toEqual({ quarter: "2027-Q2", valueNok: 1, quantity: null, note: null });
  });

  it("lets a clean file through whole", () => {
    const rows = checkCallOffImport(period, rowsOf("2027-Q1;0\n2027-Q2;500 000"), []);
    expect(importable(rows)).toBe(true);
  });
});
