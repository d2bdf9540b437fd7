import type { Selectable } from "kysely";
import type { EventTable } from "@db/schema";

// The one mapping from an event's stored columns to the domain's effort and
// expectation shapes, used by the publishing rules, the API and the e-mails.
type EventRow = Selectable<EventTable>;

/** The effort an event asks for, from its stored columns, in the domain's shape. */
export function effortOfRow(row: Pick<EventRow, "effortLevel" | "effortHoursPerVendor" | "kindsOfWork" | "compensationNok">) {
  return {
    level: row.effortLevel,
    hoursPerVendor: row.effortHoursPerVendor,
    kindsOfWork: row.kindsOfWork,
    compensationNok: row.compensationNok,
  };
}

/** The declared purchase expectation, from its stored columns, in the domain's shape (null when none is declared). */
type ExpectationColumns = Pick<
  EventRow,
  | "expectationStatus"
  | "budgetMinNok"
  | "budgetMaxNok"
  | "fundingSource"
  | "expectedValueNok"
  | "expectedQuantity"
  | "quantityUnit"
  | "expectedTenderQuarter"
  | "expectedContractStart"
>;

export function expectationOfRow(row: ExpectationColumns) {
  return row.expectationStatus === null
    ? null
    : {
        status: row.expectationStatus,
        budgetMinNok: row.budgetMinNok,
        budgetMaxNok: row.budgetMaxNok,
        fundingSource: row.fundingSource,
        expectedValueNok: row.expectedValueNok,
        quantity: row.expectedQuantity,
        unit: row.quantityUnit,
        expectedTenderQuarter: row.expectedTenderQuarter,
        expectedContractStart: row.expectedContractStart,
      };
}

