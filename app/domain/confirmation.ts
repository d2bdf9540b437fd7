import { text, type Entries } from "./form-entries";

// Irreversible actions (closing or withdrawing an event, withdrawing a registration,
// leaving, removing a member, renewing a feed address, publishing a code version,
// verifying or rejecting an organisation) ask for a ticked confirmation that the server
// checks, so the step holds without JavaScript. The form kit's <ConfirmAction> posts
// `confirm=yes`; a Zod form schema takes `confirm: confirmation` (input-fields.ts: this module
// stays without Zod, as the form kit imports it on every page with a form), a hand-read form asks
// isConfirmed. The JSON API states its intent in the request itself and needs no box.

export const CONFIRM_FIELD = "confirm";
export const CONFIRM_REQUIRED = "confirm_required";

export function isConfirmed(form: Entries): boolean {
  return text(form, CONFIRM_FIELD) === "yes";
}
