export const home = {
  title: "Markedsdialog i helse og omsorg",
  lead: "Her kunngjør offentlige oppdragsgivere i helse og omsorg markedsdialoger og kommende behov – med budsjettrammer, forventet innkjøpsvolum og standardene som gjelder. Leverandører ser etterspørselen og melder seg på.",
  ruleHeading: "Forutsigbarhetsregelen",
  rule: "En oppdragsgiver kan ikke be leverandører om reell innsats uten å si hvilket innkjøp de kan forvente.",
  figures: {
    heading: "Nøkkeltall",
    openEvents: "Åpne markedsdialoger",
    buyers: "Oppdragsgivere",
    vendors: "Leverandører",
    declaredBudget: "Oppgitt budsjettramme (øvre)",
  },
  upcoming: {
    heading: "Aktuelle markedsdialoger",
    empty: "Ingen publiserte markedsdialoger ennå.",
    buyer: "Oppdragsgiver",
    deadline: "Påmeldingsfrist",
    responseDeadline: "Svarfrist",
    effort: "Innsats som bes om",
  },
};
