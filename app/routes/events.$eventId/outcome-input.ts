import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { OutcomeSchema } from "~/domain/event-input";

/** The buyer's forms on the event page: close, and the three outcomes. */
export type ManageForm = "close" | "procured" | "not_procured" | "withdrawn";

/** The action's answer to a refused manage form. */
export type ManageReply = { form: ManageForm; result: SubmissionResult<string[]> };

/** The outcome forms' fields through OutcomeSchema, on the server and in the browser alike. */
export function parseOutcome(formData: FormData) {
  const fields = new FormData();
  for (const [key, value] of formData) {
    if (key === "intent") continue;
    // Kroner as people write them: "4 500 000" is 4500000.
    fields.append(key, key === "contractValueNok" && typeof value === "string" ? value.replace(/[\s\u00a0\u202f.]/g, "") : value);
  }
  return parseWithZod(fields, { schema: OutcomeSchema });
}
