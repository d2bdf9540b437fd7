import type { questionnaire as nb } from "../nb/questionnaire";

// The question bank and the questionnaire (issue 17, "answer once").
export const questionnaire: typeof nb = {
  requiredShort: "required",
  answerTypes: { yes_no: "Yes/no", choice: "Choice", text: "Text", number: "Number", document: "Document" },
  topics: {
    standards: "Standards",
    privacy: "Privacy and data storage",
    security: "Information security and regulation",
    identity: "Identity and sign-in",
    integration: "Integration",
    accessibility: "Accessibility and language",
    references: "References",
    operations: "Operations and support",
    commercial: "Commercial",
  },
  bank: {
    fhir_versions: { question: "Which versions of HL7 FHIR does the solution support?", options: { r4: "FHIR R4", r4b: "FHIR R4B", r5: "FHIR R5", none: "None" } },
    fhir_profiles: { question: "Which FHIR profiles does the solution support?", hint: "For example the Norwegian base profiles (no-basis) and domain profiles, with their version." },
    terminologies: {
      question: "Which code systems and terminologies does the solution support?",
      options: { snomed_ct: "SNOMED CT", icd10: "ICD-10", icpc2: "ICPC-2", kodeverk: "Volven/FAT code systems", loinc_nlk: "NLK (Norwegian laboratory code list)", none: "None" },
    },
    messaging_standards: {
      question: "Which messaging and document-sharing standards does the solution support?",
      options: { elin_messages: "ELIN/PLO messages (base messages)", eresept: "e-prescription (RF messages)", hl7v2: "HL7 v2", ihe_xds: "IHE XDS (document sharing)", openehr: "openEHR", none: "None" },
    },
    hosting_country: {
      question: "Where is data stored and processed?",
      options: { norway: "In Norway", nordics: "In the Nordic countries", eu_eea: "In the EU/EEA", outside_eea: "Also outside the EU/EEA" },
    },
    cloud_provider: {
      question: "Who operates the infrastructure the solution runs on?",
      options: {
        own_datacentre: "Our own data centre",
        norwegian_provider: "A Norwegian hosting provider",
        microsoft_azure: "Microsoft Azure",
        amazon_aws: "Amazon Web Services",
        google_cloud: "Google Cloud",
        other: "Other",
      },
    },
    data_processing_agreement: { question: "Can you enter into a data processing agreement under GDPR Article 28?" },
    data_processing_agreement_template: { question: "Attach your standard data processing agreement." },
    dpia_support: { question: "Do you assist the buyer with the data protection impact assessment (DPIA) and the risk and vulnerability analysis?" },
    normen: { question: "Does the solution meet the Code of Conduct for information security and data protection in the healthcare and care services sector (Normen)?" },
    iso27001: { question: "Is your organisation certified to ISO/IEC 27001?" },
    helseid: { question: "Does the solution support sign-in for health personnel with HelseID?" },
    idporten: { question: "Does the solution support sign-in for citizens with ID-porten?" },
    integration_interfaces: {
      question: "Which integration interfaces does the solution offer?",
      options: { fhir_rest: "FHIR REST API", rest_openapi: "Other REST API (OpenAPI)", hl7v2: "HL7 v2", soap: "SOAP/web services", file_transfer: "File transfer", none: "None" },
    },
    interface_documentation: { question: "Are the interfaces documented and available to the buyer and other vendors at no extra cost?" },
    data_export: { question: "Can the buyer export all its data in an open, documented format when the contract ends?" },
    accessibility: {
      question: "Does the solution meet the accessibility requirements (WCAG 2.1 level AA)?",
      options: { wcag21_aa_met: "Yes, all of them", wcag21_aa_partly: "Partly", not_assessed: "Not assessed" },
    },
    languages: { question: "In which languages is the user interface available?", options: { nb: "Norwegian Bokmål", nn: "Norwegian Nynorsk", se: "Sami", en: "English" } },
    medical_device: {
      question: "Is the solution CE marked as a medical device under the MDR?",
      options: { not_a_device: "No, not a medical device", class_i: "Class I", class_iia: "Class IIa", class_iib_or_higher: "Class IIb or higher" },
    },
    references: { question: "Give references from Norwegian health and care.", hint: "Organisation, what was delivered and when. Only references that have agreed to be named." },
    reference_count: { question: "How many organisations in Norwegian health and care use the solution today?" },
    operations_model: {
      question: "How is the solution delivered and operated?",
      options: { saas: "As a cloud service (SaaS)", vendor_hosted: "Operated by the vendor", customer_hosted: "Operated by the buyer", hybrid: "A combination" },
    },
    support_model: {
      question: "What user support do you offer?",
      options: { business_hours: "During office hours", extended_hours: "Extended hours", around_the_clock: "Around the clock" },
    },
    pricing_model: {
      question: "How is the solution priced?",
      options: { per_user: "Per user", per_inhabitant: "Per inhabitant", per_transaction: "Per transaction", fixed_licence: "Fixed licence", other: "Other" },
    },
    employees_in_norway: { question: "How many employees does your organisation have in Norway?" },
  },
};
