import { checkCallOff, type ContractPeriod } from "./contracts";
import { CallOffSchema, type CallOffInput } from "./contract-forms";
import { problemsOf, type Problem } from "./problems";

// Call-offs imported as CSV (issue 15): one quarter a row, `quarter;valueNok;quantity;note`,
// as a buyer's finance system exports them. Each row is checked by the same schema and rules
// as the form (app/domain/contracts.ts), and rows within the file against each other; the
// import is all or nothing, so a preview shows every row with its problems before anything is
// saved.

/** More rows than this is not one contract's call-offs (a quarter a row: 50 years). */
export const CALL_OFF_IMPORT_MAX_ROWS = 200;
/** Characters; a file of 200 full rows fits well within it. */
export const CALL_OFF_IMPORT_MAX_LENGTH = 200_000;

export const CALL_OFF_CSV_COLUMNS = ["quarter", "valueNok", "quantity", "note"] as const;

export interface ImportRow {
  /** The row's line in the file, from 1, for the reader. */
  line: number;
  /** The cells as written, for the preview. */
  cells: string[];
  /** The call-off, when the row parsed. */
  input: CallOffInput | null;
  problems: Problem[];
}

export type ImportCode = "import_empty" | "import_too_many_rows" | "too_long";

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; problems: Problem<ImportCode>[] };

/** Splits one line into cells: `;` separated (Norwegian spreadsheets), `"` quoted with `""` for a quote. */
export function splitCsvLine(line: string, separator = ";"): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === separator) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** A whole number as people write kroner ("2 000 000", "2.000.000"); "" is none; anything else stays text for the schema to refuse. */
function amount(cell: string | undefined): number | string | null {
  const compact = (cell ?? "").replace(/[\s\u00a0\u202f.]/g, "");
  if (compact === "") return null;
  return /^\d{1,16}$/.test(compact) ? Number(compact) : compact;
}

const HEADER = /^(quarter|kvartal)$/i;

/** The file's rows, each with its call-off or its problems; refused whole when empty or too large. */
export function parseCallOffCsv(text: string): ParsedImport {
  if (text.length > CALL_OFF_IMPORT_MAX_LENGTH) return { ok: false, problems: [{ path: "csv", code: "too_long" }] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const rows: ImportRow[] = [];
  const firstLine = lines.findIndex((l) => l.trim() !== "");
  lines.forEach((raw, index) => {
    if (raw.trim() === "") return;
    const separator = raw.includes(";") || !raw.includes("\t") ? ";" : "\t";
    const cells = splitCsvLine(raw, separator);
    if (index === firstLine && HEADER.test(cells[0] ?? "")) return;
    const parsed = CallOffSchema.safeParse({ quarter: cells[0] ?? "", valueNok: amount(cells[1]), quantity: amount(cells[2]), note: cells[3] ?? "" });
    const problems: Problem[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? "quarter"), code: issue.message }));
    if (cells.length > CALL_OFF_CSV_COLUMNS.length) problems.push({ path: "note", code: "import_too_many_columns" });
    rows.push({ line: index + 1, cells, input: parsed.success && problems.length === 0 ? parsed.data : null, problems });
  });
  if (rows.length === 0) return { ok: false, problems: [{ path: "csv", code: "import_empty" }] };
  if (rows.length > CALL_OFF_IMPORT_MAX_ROWS) return { ok: false, problems: [{ path: "csv", code: "import_too_many_rows" }] };
  return { ok: true, rows };
}

/**
 * The contract's rules on every row that parsed, with the quarters already recorded and those
 * of the rows before it (a quarter twice in one file is refused at its second row).
 */
export function checkCallOffImport(period: ContractPeriod, rows: readonly ImportRow[], recorded: readonly string[]): ImportRow[] {
  const seen = [...recorded];
  return rows.map((row) => {
    if (!row.input) return row;
    const problems = problemsOf(checkCallOff(period, row.input, seen));
    seen.push(row.input.quarter);
    return problems.length ? { ...row, input: null, problems } : row;
  });
}

/** Whether every row may be saved. */
export const importable = (rows: readonly ImportRow[]) => rows.length > 0 && rows.every((r) => r.input !== null);
