// Validation messages, keyed by the codes our Zod schemas and domain rules return.
export const forms = {
  required: "Dette feltet må fylles ut.",
  too_long: "Teksten er for lang.",
  too_short: "Teksten er for kort.",
  invalid_email: "Skriv en gyldig e-postadresse, for eksempel navn@virksomhet.no.",
  password_too_short: "Passordet må ha minst 10 tegn.",
  password_too_long: "Passordet kan ha høyst 200 tegn.",
  password_too_common: "Dette passordet er blant de mest brukte og lett å gjette. Velg et annet.",
  password_contains_email: "Passordet kan ikke inneholde e-postadressen din.",
  passwords_differ: "Passordene er ikke like.",
  email_taken: "Det finnes allerede en konto med denne e-postadressen. Logg inn, eller be om nytt passord.",
  wrong_password: "Passordet er feil.",
  invalid_choice: "Velg et av alternativene.",
  invalid_value: "Verdien er ugyldig.",
  errorSummary: "Skjemaet har feil. Rett opp feltene som er merket.",
  required_mark: "(må fylles ut)",
};
