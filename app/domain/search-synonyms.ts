// Words that mean the same in health and care ICT procurement, kept as data: a search for
// one entry of a group also finds the others. Each entry is a word or a phrase as people
// write it (any case); bokmål first, with the English terms the CPV labels use.
// Add a group when buyers and vendors name one thing in different ways; keep entries
// specific, because every entry of a group is searched whenever one of them is.

export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  [
    "EPJ",
    "elektronisk pasientjournal",
    "pasientjournal",
    "journalsystem",
    "klinisk informasjonssystem",
    "electronic health record",
    "EHR",
    "clinical information system",
  ],
  ["PAS", "pasientadministrativt system", "patient-administration system"],
  ["e-resept", "elektronisk resept", "eresept", "reseptformidleren"],
  ["KULE", "kurve- og legemiddelløsning", "kurveløsning", "medikasjonsløsning"],
  ["legemiddelhåndtering", "medisinhåndtering", "legemiddeladministrasjon"],
  ["legemiddelliste", "medisinliste", "pasientens legemiddelliste", "PLL"],
  ["medisineringsstøtte", "medisindispenser", "legemiddeldispenser"],
  ["velferdsteknologi", "omsorgsteknologi", "trygghetsteknologi", "welfare technology"],
  ["trygghetsalarm", "responsalarm", "personalarm"],
  ["digitalt tilsyn", "sensorbasert tilsyn", "nattilsyn"],
  ["hjemmeoppfølging", "avstandsoppfølging", "DHO", "remote monitoring", "patient-monitoring system"],
  ["videokonsultasjon", "skjermkonsultasjon", "video conferencing"],
  ["KI", "kunstig intelligens", "AI", "maskinlæring", "artificial intelligence"],
  ["ERP", "virksomhetsstyring", "enterprise resource planning"],
  ["BI", "virksomhetsanalyse", "business intelligence"],
  ["FHIR", "HL7 FHIR"],
];
