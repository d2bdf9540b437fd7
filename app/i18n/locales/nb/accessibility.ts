export const accessibility = {
  title: "Tilgjengelighetserklæring",
  intro: "Markedsdialog skal kunne brukes av alle. Løsningen er laget for å oppfylle kravene i forskrift om universell utforming av IKT-løsninger, som viser til WCAG 2.1 på nivå AA.",
  statusHeading: "Status",
  status: "Vi tester hver side automatisk med axe-core i en ekte nettleser, og sidene skal kunne brukes med tastatur alene og uten JavaScript. Vi kjenner ikke til brudd på kravene per {{date}}.",
  measuresHeading: "Hva vi gjør",
  measures: [
    "Alle skjemaer virker uten JavaScript, og feil vises ved feltet de gjelder.",
    "Tidspunkter vises i norsk tid med tidssonen oppgitt.",
    "Innholdet finnes på norsk bokmål og engelsk.",
    "Diagrammer har alltid en tabell med de samme tallene.",
  ],
  feedbackHeading: "Tilbakemelding",
  feedback: "Opplever du problemer med tilgjengeligheten, kan du skrive til tilgjengelighet@markedsdialog.example. Du kan også klage til Tilsynet for universell utforming av IKT (Digitaliseringsdirektoratet).",
  supervisoryLink: "Tilsynet for universell utforming av IKT",
};
