import type { forms as nb } from "../nb/forms";
import type { Translation } from "../../types";

export const forms: Translation<typeof nb> = {
  required: "This field is required.",
  too_long: "The text is too long.",
  too_short: "The text is too short.",
  invalid_email: "Enter a valid e-mail address, for example name@organisation.no.",
  password_too_short: "The password must have at least 10 characters.",
  password_too_long: "The password can have at most 200 characters.",
  password_too_common: "This password is among the most used and easy to guess. Choose another.",
  password_contains_email: "The password cannot contain your e-mail address.",
  passwords_differ: "The passwords do not match.",
  email_taken: "An account with this e-mail address already exists. Log in, or ask for a new password.",
  wrong_password: "The password is wrong.",
  invalid_choice: "Choose one of the options.",
  invalid_value: "The value is not valid.",
  conduct_concern_needs_category: "Choose what kind of concern it is.",
  conduct_concern_needs_description: "Describe the concern so the counterpart can answer it.",
  conduct_dispute_needs_account: "Give your account when you dispute the entry.",
  conduct_unknown_counterpart: "Choose an organisation other than your own.",
  conduct_event_not_between_parties: "The event must be held by one of the two parties.",
  conduct_cannot_supersede: "You cannot correct this entry, or it has already been corrected.",
  conduct_not_counterpart: "Only the counterpart can answer this entry.",
  conduct_clause_number_taken: "The draft already has a clause with this number.",
  invalid_datetime: "Enter a date and time, for example 20 November 2026 14:30.",
  errorSummary: "The form has errors. Correct the fields that are marked.",
  required_mark: "(required)",
};
