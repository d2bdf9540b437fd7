// The question bank (issue 17, "answer once"): the questions nearly every RFI in Norwegian
// health and care asks, kept as data with stable keys. Their words, in bokmål and English,
// are in the `questionnaire` i18n namespace (`bank.<key>.question`, `.hint`, `.options.<option>`),
// so a key never changes meaning and a vendor's stored answer to it stays valid across buyers.
// næringsutvikling: a small vendor answers "where is the data stored?" once, not for every RFI.

export const ANSWER_TYPES = ["yes_no", "choice", "text", "number", "document"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const BANK_TOPICS = ["standards", "privacy", "security", "identity", "integration", "accessibility", "references", "operations", "commercial"] as const;
export type BankTopic = (typeof BANK_TOPICS)[number];

export interface BankQuestion {
  /** Stable key: answers in profiles and responses are stored under it. Never reuse one for another meaning. */
  key: string;
  topic: BankTopic;
  answerType: AnswerType;
  /** The choices' keys (only for `choice`), translated as `bank.<key>.options.<option>`. */
  options: readonly string[];
  /** A `choice` that takes several options (checkboxes), otherwise exactly one. */
  multiple: boolean;
}

const q = (key: string, topic: BankTopic, answerType: AnswerType, options: readonly string[] = [], multiple = false): BankQuestion => ({ key, topic, answerType, options, multiple });

export const QUESTION_BANK: readonly BankQuestion[] = [
  q("fhir_versions", "standards", "choice", ["r4", "r4b", "r5", "none"], true),
  q("fhir_profiles", "standards", "text"),
  q("terminologies", "standards", "choice", ["snomed_ct", "icd10", "icpc2", "kodeverk", "loinc_nlk", "none"], true),
  q("messaging_standards", "standards", "choice", ["elin_messages", "eresept", "hl7v2", "ihe_xds", "openehr", "none"], true),
  q("hosting_country", "privacy", "choice", ["norway", "nordics", "eu_eea", "outside_eea"]),
  q("cloud_provider", "privacy", "choice", ["own_datacentre", "norwegian_provider", "microsoft_azure", "amazon_aws", "google_cloud", "other"]),
  q("data_processing_agreement", "privacy", "yes_no"),
  q("data_processing_agreement_template", "privacy", "document"),
  q("dpia_support", "privacy", "yes_no"),
  q("normen", "security", "yes_no"),
  q("iso27001", "security", "yes_no"),
  q("helseid", "identity", "yes_no"),
  q("idporten", "identity", "yes_no"),
  q("integration_interfaces", "integration", "choice", ["fhir_rest", "rest_openapi", "hl7v2", "soap", "file_transfer", "none"], true),
  q("interface_documentation", "integration", "yes_no"),
  q("data_export", "integration", "yes_no"),
  q("accessibility", "accessibility", "choice", ["wcag21_aa_met", "wcag21_aa_partly", "not_assessed"]),
  q("languages", "accessibility", "choice", ["nb", "nn", "se", "en"], true),
  q("medical_device", "security", "choice", ["not_a_device", "class_i", "class_iia", "class_iib_or_higher"]),
  q("references", "references", "text"),
  q("reference_count", "references", "number"),
  q("operations_model", "operations", "choice", ["saas", "vendor_hosted", "customer_hosted", "hybrid"]),
  q("support_model", "operations", "choice", ["business_hours", "extended_hours", "around_the_clock"]),
  q("pricing_model", "commercial", "choice", ["per_user", "per_inhabitant", "per_transaction", "fixed_licence", "other"]),
  q("employees_in_norway", "commercial", "number"),
];

const BY_KEY = new Map(QUESTION_BANK.map((question) => [question.key, question]));

/** The bank question with this key, or undefined. */
export function bankQuestion(key: string): BankQuestion | undefined {
  return BY_KEY.get(key);
}

export const isBankKey = (key: string): boolean => BY_KEY.has(key);
