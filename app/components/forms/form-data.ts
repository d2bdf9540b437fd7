// A submitted form's fields as the schemas read them: the intent (which form was sent) left
// out, and kroner as people write them ("4 500 000" or "4.500.000" is 4500000).

export function formFields(formData: FormData, { kroner = [] }: { kroner?: readonly string[] } = {}): FormData {
  const fields = new FormData();
  for (const [key, value] of formData) {
    if (key === "intent") continue;
    fields.append(key, kroner.includes(key) && typeof value === "string" ? value.replace(/[\s\u00a0\u202f.]/g, "") : value);
  }
  return fields;
}
