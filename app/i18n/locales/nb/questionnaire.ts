// Spørsmålsbanken og spørreskjemaet (issue 17, «svar én gang»). Nøklene under `bank` er stabile:
// leverandørenes lagrede svar ligger under dem.
export const questionnaire = {
  requiredShort: "obligatorisk",
  answerTypes: { yes_no: "Ja/nei", choice: "Valg", text: "Tekst", number: "Tall", document: "Dokument" },
  topics: {
    standards: "Standarder",
    privacy: "Personvern og datalagring",
    security: "Informasjonssikkerhet og regelverk",
    identity: "Identitet og pålogging",
    integration: "Integrasjon",
    accessibility: "Universell utforming og språk",
    references: "Referanser",
    operations: "Drift og support",
    commercial: "Kommersielt",
  },
  bank: {
    fhir_versions: { question: "Hvilke versjoner av HL7 FHIR støtter løsningen?", options: { r4: "FHIR R4", r4b: "FHIR R4B", r5: "FHIR R5", none: "Ingen" } },
    fhir_profiles: { question: "Hvilke FHIR-profiler støtter løsningen?", hint: "For eksempel de norske basisprofilene (no-basis) og domeneprofiler, med versjon." },
    terminologies: {
      question: "Hvilke kodeverk og terminologier støtter løsningen?",
      options: { snomed_ct: "SNOMED CT", icd10: "ICD-10", icpc2: "ICPC-2", kodeverk: "Volven/FAT-kodeverk", loinc_nlk: "NLK (Norsk laboratoriekodeverk)", none: "Ingen" },
    },
    messaging_standards: {
      question: "Hvilke meldings- og dokumentdelingsstandarder støtter løsningen?",
      options: { elin_messages: "ELIN-/PLO-meldinger (basismeldinger)", eresept: "e-resept (RF-meldinger)", hl7v2: "HL7 v2", ihe_xds: "IHE XDS (dokumentdeling)", openehr: "openEHR", none: "Ingen" },
    },
    hosting_country: {
      question: "Hvor lagres og behandles data?",
      options: { norway: "I Norge", nordics: "I Norden", eu_eea: "I EU/EØS", outside_eea: "Også utenfor EU/EØS" },
    },
    cloud_provider: {
      question: "Hvem drifter infrastrukturen løsningen kjører på?",
      options: {
        own_datacentre: "Eget datasenter",
        norwegian_provider: "Norsk driftsleverandør",
        microsoft_azure: "Microsoft Azure",
        amazon_aws: "Amazon Web Services",
        google_cloud: "Google Cloud",
        other: "Annen",
      },
    },
    data_processing_agreement: { question: "Kan dere inngå databehandleravtale etter personvernforordningen artikkel 28?" },
    data_processing_agreement_template: { question: "Legg ved deres standard databehandleravtale." },
    dpia_support: { question: "Bistår dere oppdragsgiveren med vurdering av personvernkonsekvenser (DPIA) og risiko- og sårbarhetsanalyse (ROS)?" },
    normen: { question: "Oppfyller løsningen Norm for informasjonssikkerhet og personvern i helse- og omsorgssektoren (Normen)?" },
    iso27001: { question: "Er virksomheten sertifisert etter ISO/IEC 27001?" },
    helseid: { question: "Støtter løsningen pålogging for helsepersonell med HelseID?" },
    idporten: { question: "Støtter løsningen pålogging for innbyggere med ID-porten?" },
    integration_interfaces: {
      question: "Hvilke integrasjonsgrensesnitt tilbyr løsningen?",
      options: { fhir_rest: "FHIR REST-API", rest_openapi: "Annet REST-API (OpenAPI)", hl7v2: "HL7 v2", soap: "SOAP/web services", file_transfer: "Filoverføring", none: "Ingen" },
    },
    interface_documentation: { question: "Er grensesnittene dokumentert og tilgjengelige for oppdragsgiveren og andre leverandører uten ekstra kostnad?" },
    data_export: { question: "Kan oppdragsgiveren hente ut alle sine data i et åpent, dokumentert format når avtalen avsluttes?" },
    accessibility: {
      question: "Oppfyller løsningen kravene til universell utforming (WCAG 2.1 nivå AA)?",
      options: { wcag21_aa_met: "Ja, alle kravene", wcag21_aa_partly: "Delvis", not_assessed: "Ikke vurdert" },
    },
    languages: { question: "På hvilke språk finnes brukergrensesnittet?", options: { nb: "Bokmål", nn: "Nynorsk", se: "Samisk", en: "Engelsk" } },
    medical_device: {
      question: "Er løsningen CE-merket som medisinsk utstyr etter MDR?",
      options: { not_a_device: "Nei, ikke medisinsk utstyr", class_i: "Klasse I", class_iia: "Klasse IIa", class_iib_or_higher: "Klasse IIb eller høyere" },
    },
    references: { question: "Oppgi referanser fra norsk helse- og omsorgssektor.", hint: "Virksomhet, hva som er levert og når. Bare det referansen har sagt ja til at dere oppgir." },
    reference_count: { question: "Hvor mange virksomheter i norsk helse- og omsorgssektor bruker løsningen i dag?" },
    operations_model: {
      question: "Hvordan leveres og driftes løsningen?",
      options: { saas: "Som skytjeneste (SaaS)", vendor_hosted: "Driftet av leverandøren", customer_hosted: "Driftet av oppdragsgiveren", hybrid: "Kombinasjon" },
    },
    support_model: {
      question: "Hvilken brukerstøtte tilbyr dere?",
      options: { business_hours: "I arbeidstiden", extended_hours: "Utvidet åpningstid", around_the_clock: "Døgnet rundt" },
    },
    pricing_model: {
      question: "Hvordan prises løsningen?",
      options: { per_user: "Per bruker", per_inhabitant: "Per innbygger", per_transaction: "Per transaksjon", fixed_licence: "Fast lisens", other: "Annet" },
    },
    employees_in_norway: { question: "Hvor mange ansatte har virksomheten i Norge?" },
  },
};
