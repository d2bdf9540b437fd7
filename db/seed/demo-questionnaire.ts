import type { Db } from "../client";
import { jsonb } from "../jsonb";
import type { Answer } from "../../app/domain/questionnaire";

// Answer once (issue 17): the Bergvik RFI asks questions from the bank and one of its own, and
// the demo vendor has an answer profile, so its response to the RFI opens with most answers
// filled in. Runs once: nothing is added where the questionnaire or an answer is already there.

const BERGVIK_RFI = "00000000-0000-4000-8000-000000000101";

const BANK_QUESTIONS: [key: string, required: boolean][] = [
  ["fhir_versions", true],
  ["fhir_profiles", false],
  ["integration_interfaces", true],
  ["hosting_country", true],
  ["cloud_provider", true],
  ["data_processing_agreement", true],
  ["dpia_support", true],
  ["helseid", true],
  ["idporten", false],
  ["accessibility", true],
  ["references", true],
  ["support_model", true],
  ["pricing_model", false],
];

const OWN_QUESTION = "Hvordan varsler løsningen responssenteret når en måling er utenfor avtalte grenser, og hvor raskt?";

const NORDLYS_PROFILE: Record<string, Answer> = {
  fhir_versions: { value: ["r4"] },
  fhir_profiles: { value: "no-basis 2.2 (Patient, Practitioner, Organization); Observation etter HL7 Vital Signs." },
  integration_interfaces: { value: ["fhir_rest", "rest_openapi"] },
  hosting_country: { value: ["norway"] },
  cloud_provider: { value: ["norwegian_provider"], comment: "Driftes hos norsk driftsleverandør med to datasentre i Norge." },
  data_processing_agreement: { value: true, comment: "Vi bruker gjerne Statens standardavtale for databehandling." },
  dpia_support: { value: true },
  normen: { value: true },
  helseid: { value: true },
  idporten: { value: false, comment: "Planlagt for innbyggerappen i 2027." },
  accessibility: { value: ["wcag21_aa_partly"], comment: "Avvik i grafvisningen, utbedres i neste versjon." },
  languages: { value: ["nb", "nn", "en"] },
  references: { value: "Fjordheim kommune: digital hjemmeoppfølging for 120 brukere siden 2024. Nordre Lia kommune: pilot med responssenter 2025." },
  reference_count: { value: 4 },
  support_model: { value: ["extended_hours"] },
  employees_in_norway: { value: 23 },
};

export async function seedQuestionnaire(db: Db, now: Date): Promise<void> {
  const event = await db.selectFrom("events").select("id").where("id", "=", BERGVIK_RFI).executeTakeFirst();
  const hasQuestions = await db.selectFrom("questionnaireItems").select("id").where("eventId", "=", BERGVIK_RFI).executeTakeFirst();
  if (event && !hasQuestions) {
    await db
      .insertInto("questionnaireItems")
      .values([
        ...BANK_QUESTIONS.map(([bankKey, required], i) => ({ eventId: BERGVIK_RFI, position: i + 1, bankKey, required, createdAt: now })),
        { eventId: BERGVIK_RFI, position: BANK_QUESTIONS.length + 1, questionText: OWN_QUESTION, answerType: "text" as const, required: true, createdAt: now },
      ])
      .execute();
  }
  const vendor = await db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirst();
  const author = await db.selectFrom("users").select("id").where("email", "=", "vendor@demo.test").executeTakeFirst();
  if (!vendor) return;
  for (const [bankKey, answer] of Object.entries(NORDLYS_PROFILE)) {
    await db
      .insertInto("answerProfileEntries")
      .values({ organisationId: vendor.id, bankKey, answer: jsonb(answer), updatedBy: author?.id ?? null, updatedAt: now })
      .onConflict((oc) => oc.columns(["organisationId", "bankKey"]).doNothing())
      .execute();
  }
}
