import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { formFields } from "~/components/forms";
import { z } from "zod";
import { CALL_OFF_IMPORT_MAX_LENGTH } from "~/domain/call-off-import";
import { CallOffResponseSchema, CallOffSchema, OptionDecisionSchema } from "~/domain/contract-forms";
import { optionalText } from "~/domain/input-fields";

// The contract page's three forms, parsed the same way on the server and in the browser.

/** Which form answered: "call-off", "respond-2027-Q1" or "option-1". */
export type ContractReply = { form: string; result: SubmissionResult<string[]> };

export const parseCallOff = (formData: FormData) => parseWithZod(formFields(formData, { kroner: ["valueNok"] }), { schema: CallOffSchema });

/** The vendor's answer; the quarter it answers is in the form's hidden field, not the schema. */
export function parseResponse(formData: FormData) {
  const fields = formFields(formData);
  fields.delete("quarter");
  return parseWithZod(fields, { schema: CallOffResponseSchema });
}

export function parseOptionDecision(formData: FormData) {
  const fields = formFields(formData);
  fields.delete("number");
  return parseWithZod(fields, { schema: OptionDecisionSchema });
}

/** The import form: the pasted text (an uploaded file's text is put in its place by the action). */
export function parseImport(formData: FormData, fileText: string | null) {
  const fields = formFields(formData);
  fields.delete("intent");
  fields.delete("file");
  if (fileText !== null) fields.set("csv", fileText);
  return parseWithZod(fields, { schema: z.strictObject({ csv: optionalText(CALL_OFF_IMPORT_MAX_LENGTH) }) });
}
