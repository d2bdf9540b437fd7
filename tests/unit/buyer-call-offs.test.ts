import { describe, expect, it } from "vitest";
import { buyerCallOffRows, type BuyerCallOffContract, type BuyerCallOffLabels } from "~/domain/buyer-call-offs";

const labels: BuyerCallOffLabels = {
  heading: (column) => column,
  type: (type) => `type:${type}`,
  response: (response) => response ?? "none",
};

const contract = (extra: Partial<BuyerCallOffContract> = {}): BuyerCallOffContract => ({
  id: "c1",
  title: "Rammeavtale trygghetsalarmer",
  type: "framework_agreement",
  vendors: [{ name: "Alarmteknikk AS" }],
  unit: "alarmer",
  indicatedAnnualValueNok: 10_000_000,
  callOffs: [],
  ...extra,
});

describe("a buyer's call-offs as rows", () => {
  it("gives one row per contract and quarter, quarters in order, numbers as numbers, the verdict as a label", () => {
    const rows = buyerCallOffRows(
      [
        contract({
          callOffs: [
            { quarter: "2027-Q2", valueNok: 1_000_000, quantity: null, response: "dispute" },
            { quarter: "2027-Q1", valueNok: 2_000_000, quantity: 40, response: "confirm" },
            { quarter: "2027-Q3", valueNok: 0, quantity: 0, response: null },
          ],
        }),
      ],
      labels,
    );
    expect(rows).toEqual([
      ["contractId", "contractTitle", "contractType", "vendors", "quarter", "valueNok", "quantity", "unit", "indicatedAnnualValueNok", "response"],
      ["c1", "Rammeavtale trygghetsalarmer", "type:framework_agreement", "Alarmteknikk AS", "2027-Q1", 2_000_000, 40, "alarmer", 10_000_000, "confirm"],
      ["c1", "Rammeavtale trygghetsalarmer", "type:framework_agreement", "Alarmteknikk AS", "2027-Q2", 1_000_000, null, "alarmer", 10_000_000, "dispute"],
      ["c1", "Rammeavtale trygghetsalarmer", "type:framework_agreement", "Alarmteknikk AS", "2027-Q3", 0, 0, "alarmer", 10_000_000, "none"],
    ]);
  });

  it("orders contracts by title, joins several vendors, and leaves out a contract without call-offs", () => {
    const rows = buyerCallOffRows(
      [
        contract({ id: "b", title: "Øyeblikkelig hjelp", callOffs: [{ quarter: "2026-Q4", valueNok: 5, quantity: null, response: null }] }),
        contract({ id: "none", title: "Aaa uten avrop" }),
        contract({
          id: "a",
          title: "Elektroniske medisindispensere",
          vendors: [{ name: "A AS" }, { name: "B AS" }],
          indicatedAnnualValueNok: null,
          unit: null,
          callOffs: [{ quarter: "2026-Q1", valueNok: 7, quantity: null, response: "confirm" }],
        }),
      ],
      labels,
    );
    expect(rows.slice(1).map((r) => [r[0], r[3], r[7], r[8]])).toEqual([
      ["a", "A AS, B AS", null, null],
      ["b", "Alarmteknikk AS", "alarmer", 10_000_000],
    ]);
  });

  it("has no column for the buyer's note or the vendor's account, even when the input carries them", () => {
    const withTexts = contract({
      callOffs: [{ quarter: "2027-Q1", valueNok: 1, quantity: null, response: "dispute", account: "Vi leverte mer", note: "Intern merknad" } as never],
    });
    const rows = buyerCallOffRows([withTexts], labels);
    expect(rows[0]).not.toContain("account");
    expect(rows.flat()).not.toContain("Vi leverte mer");
    expect(rows.flat()).not.toContain("Intern merknad");
    expect(rows[1]).toHaveLength(10);
  });

  it("gives only the heading when there is nothing to export", () => {
    expect(buyerCallOffRows([], labels)).toHaveLength(1);
  });
});
