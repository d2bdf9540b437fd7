// The form kit: one set of fields, errors and buttons for every form. Conform forms pass
// conformField(fields.x); values/errors forms pass recordField(name, { values, errors }, idOf).
export { conformField, recordField, type Errors, type FieldState, type Values } from "./forms/field-state";
export { Choices, Field, FieldFrame, Hint, Select, TextArea, controlProps, inputClass, type InputType } from "./forms/fields";
export { FieldErrors, FormErrors, ProblemSummary } from "./forms/errors";
export { SubmitButton, Notice } from "./forms/buttons";
export { ProblemScope, useProblemText } from "./forms/problem-text";
export { formFields } from "./forms/form-data";
