// The form kit: one set of fields, errors and buttons for every form. Conform forms pass
// conformField(fields.x) and spread validateOnBlur into useForm; values/errors forms pass
// recordField(name, { values, errors }, idOf). A purchase expectation and the effort asked
// of vendors are always asked with ExpectationFields and EffortFields.
export { conformField, recordField, type Errors, type FieldState, type Values } from "./forms/field-state";
export { Choices, Field, FieldFrame, Hint, NumberField, QuarterField, Select, TextArea, controlProps, inputClass, type InputType } from "./forms/fields";
export { EffortFields } from "./forms/effort-fields";
export { ExpectationFields } from "./forms/expectation-fields";
export { AcceptanceCriteriaFields, DuplicatePilotFields, FundingFields, PurchasePathFields, VendorInvestmentFields, type EarlierPilotLink } from "./forms/pilot-fields";
export { FieldErrors, FormErrors, PrinciplesSource, ProblemSummary } from "./forms/errors";
export { SubmitButton, Notice } from "./forms/buttons";
export { ConfirmAction, ConfirmDisclosure } from "./forms/confirm";
export { validateOnBlur } from "./forms/validation";
export { ProblemScope, useProblemText } from "./forms/problem-text";
export { formFields } from "./forms/form-data";
