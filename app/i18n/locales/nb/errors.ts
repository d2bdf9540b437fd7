export const errors = {
  notFound: {
    title: "Fant ikke siden",
    body: "Siden finnes ikke, eller du har ikke tilgang til den. Sjekk adressen, eller gå til forsiden.",
  },
  server: {
    title: "Noe gikk galt",
    body: "Vi klarte ikke å vise siden. Feilen er logget. Prøv igjen om litt; hvis det fortsatt ikke virker, gå til forsiden.",
  },
  forbidden: {
    title: "Ingen tilgang",
    body: "Du har ikke tilgang til dette.",
  },
  unavailable: {
    title: "Tjenesten er midlertidig utilgjengelig",
    body: "Vi får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.",
  },
  badRequest: {
    title: "Forespørselen kunne ikke behandles",
    body: "Det som ble sendt, var ikke i en form vi kan ta imot. Gå tilbake og prøv igjen fra skjemaet.",
  },
  tooMany: {
    title: "For mange forsøk",
    body: "Det har kommet for mange forespørsler på kort tid. Vent litt, og prøv igjen.",
  },
  tooLarge: {
    title: "Det som ble sendt, er for stort",
    body: "Skjemaet med vedlegg kan være på høyst 1 MB. Gjør filen eller teksten mindre, og prøv igjen.",
  },
  tooLargeJson: "Innholdet er for stort: høyst {{limit}}.",
  code: "Feilkode {{status}}",
  goHome: "Gå til forsiden",
};
