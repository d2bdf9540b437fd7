import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { formFields } from "~/components/forms";
import { OutcomeSchema } from "~/domain/event-input";

/** The buyer's forms on the event page: close, and the three outcomes. */
export type ManageForm = "close" | "procured" | "not_procured" | "withdrawn";

/** The action's answer to a refused manage form. */
export type ManageReply = { form: ManageForm; result: SubmissionResult<string[]> };

/** The outcome forms' fields through OutcomeSchema, on the server and in the browser alike. */
export function parseOutcome(formData: FormData) {
  return parseWithZod(formFields(formData, { kroner: ["contractValueNok"] }), { schema: OutcomeSchema });
}
