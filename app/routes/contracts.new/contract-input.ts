import { parseWithZod } from "@conform-to/zod/v4";
import { formFields } from "~/components/forms";
import { NewContractSchema } from "~/domain/contract-forms";

// The new-contract form's fields through NewContractSchema, on the server and in the browser.

/** Option rows the form offers; a row left empty is no option. */
export const OPTION_ROWS = 2;

const KRONER = ["indicatedAnnualValueNok", "bindingMinimumNok"];

export function parseContract(formData: FormData) {
  const fields = formFields(formData, { kroner: KRONER });
  fields.delete("organisationId");
  for (let i = 0; i < OPTION_ROWS; i++) {
    const keys = [`options[${i}].months`, `options[${i}].noticeDeadline`];
    if (keys.every((k) => !String(fields.get(k) ?? "").trim())) keys.forEach((k) => fields.delete(k));
  }
  return parseWithZod(fields, { schema: NewContractSchema });
}

/** A rule's dotted paths as the form's field names: options.0.months is options[0].months; a vendor's problem is the vendor field's. */
export function formNames(errors: Record<string, string[]>): Record<string, string[]> {
  const named: Record<string, string[]> = {};
  for (const [path, codes] of Object.entries(errors)) {
    const name = path.startsWith("vendorOrganisationIds") ? "vendorOrganisationIds" : path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
    (named[name] ??= []).push(...codes);
  }
  return named;
}
