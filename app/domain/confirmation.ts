import { text, type Entries } from "./form-entries";

// Irreversible actions (closing an event, leaving, removing, revoking, publishing a code
// version, verifying or rejecting) ask for a ticked confirmation that the server checks,
// so the step holds without JavaScript. The form kit's <ConfirmAction> posts `confirm=yes`.

export const CONFIRM_FIELD = "confirm";

export function isConfirmed(form: Entries): boolean {
  return text(form, CONFIRM_FIELD) === "yes";
}
