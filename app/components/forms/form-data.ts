// A submitted form's fields as the schemas read them: the intent (which form was sent) and
// the confirmation box of an irreversible action (the route checks it) left out, text
// normalised (app/domain/input-text.ts; readFormData has already done it for a posted form,
// and doing it again changes nothing), and kroner as people write them ("4 500 000" or
// "4.500.000" is 4500000).

import { CONFIRM_FIELD } from "~/domain/confirmation";
import { normaliseText } from "~/domain/input-text";

export function formFields(formData: FormData, { kroner = [] }: { kroner?: readonly string[] } = {}): FormData {
  const fields = new FormData();
  for (const [key, value] of formData) {
    if (key === "intent" || key === CONFIRM_FIELD) continue;
    if (typeof value !== "string") fields.append(key, value);
    else fields.append(key, kroner.includes(key) ? normaliseText(value).replace(/[\s\u00a0\u202f.]/g, "") : normaliseText(value));
  }
  return fields;
}
