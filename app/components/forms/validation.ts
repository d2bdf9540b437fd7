// When a Conform form checks its fields in the browser. A field is first checked when it is
// left, then again on every keystroke: an error goes away while the person types, never on
// the blur that a press on the submit button causes. (Revalidated on blur, the message
// vanished under the pointer, the button moved up, and that first click was lost.)
export const validateOnBlur = { shouldValidate: "onBlur", shouldRevalidate: "onInput" } as const;
