import type { CsvCell } from "./csv";
import type { CallOffResponse, ContractType } from "./contracts";

// A buyer's call-offs as open data (issue 15, /buyers/{id}/call-offs.csv): one row per
// contract and recorded quarter, with the vendor's verdict on the quarter (confirmed, disputed
// or not answered) but never the buyer's note or the vendor's account, which are for the two
// parties only (/contracts/{id}/call-offs.csv). The shapes below hold no text fields for them,
// so a caller cannot pass them through by mistake.

export const BUYER_CALL_OFF_COLUMNS = [
  "contractId",
  "contractTitle",
  "contractType",
  "vendors",
  "quarter",
  "valueNok",
  "quantity",
  "unit",
  "indicatedAnnualValueNok",
  "response",
] as const;
export type BuyerCallOffColumn = (typeof BUYER_CALL_OFF_COLUMNS)[number];

export interface BuyerCallOffContract {
  id: string;
  title: string;
  type: ContractType;
  vendors: readonly { name: string }[];
  unit: string | null;
  indicatedAnnualValueNok: number | null;
  callOffs: readonly { quarter: string; valueNok: number | null; quantity: number | null; response: CallOffResponse | null }[];
}

export interface BuyerCallOffLabels {
  heading: (column: BuyerCallOffColumn) => string;
  type: (type: ContractType) => string;
  /** null: the vendor has not answered. */
  response: (response: CallOffResponse | null) => string;
}

/**
 * The rows of the file, heading first: contracts by title (then id), each contract's quarters
 * in order ("2027-Q1", Oslo quarters as recorded), numbers unformatted so a spreadsheet sums
 * them, several vendors joined by ", ". A contract without call-offs gives no row.
 */
export function buyerCallOffRows(contracts: readonly BuyerCallOffContract[], labels: BuyerCallOffLabels): CsvCell[][] {
  const rows: CsvCell[][] = [BUYER_CALL_OFF_COLUMNS.map(labels.heading)];
  const ordered = [...contracts].sort((a, b) => a.title.localeCompare(b.title, "nb") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of ordered) {
    const quarters = [...c.callOffs].sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
    const vendors = c.vendors.map((v) => v.name).join(", ");
    for (const q of quarters) {
      rows.push([c.id, c.title, labels.type(c.type), vendors || null, q.quarter, q.valueNok, q.quantity, c.unit, c.indicatedAnnualValueNok, labels.response(q.response)]);
    }
  }
  return rows;
}
