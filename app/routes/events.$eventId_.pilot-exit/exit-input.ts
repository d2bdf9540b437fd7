import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { formFields } from "~/components/forms";
import { PilotExitResponseSchema, PilotExitSchema } from "~/domain/pilot-exit-forms";

// The exit page's two forms, parsed the same way on the server and in the browser. An empty
// choice in a list (no link, no reason) is "not given". Their fields (Conform names them from
// the schemas): name="results[0].result" name="results[0].note" name="decision" name="stopReason"
// name="stopReasonText" name="followOnEventId" name="contractId"; name="responses[0].response"
// name="responses[0].account".

/** Which form answered: "exit" or "respond". */
export type ExitReply = { form: "exit" | "respond"; result: SubmissionResult<string[]> };

function withoutEmpty(formData: FormData) {
  const fields = formFields(formData);
  for (const name of ["stopReason", "followOnEventId", "contractId"]) if (fields.get(name) === "") fields.delete(name);
  return fields;
}

export const parseExit = (formData: FormData) => parseWithZod(withoutEmpty(formData), { schema: PilotExitSchema });
export const parseExitResponse = (formData: FormData) => parseWithZod(formFields(formData), { schema: PilotExitResponseSchema });
