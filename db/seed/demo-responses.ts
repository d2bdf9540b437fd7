import type { Db } from "../client";
import { jsonb } from "../jsonb";
import { prefillAnswers } from "../../app/domain/questionnaire";
import { getAnswerProfile, getQuestionnaire } from "../../app/models/questionnaires.server";
import { storeFile } from "../../app/models/stored-files.server";

// Responses (issue 17): the demo vendor has submitted its response to the Bergvik RFI with one
// document marked as a business secret, which the demo buyer (Berit Innkjøp, an admin and so
// the event's team while none is named) has opened once: the vendor's response page shows
// "Lest av Berit Innkjøp, …". Runs once: nothing is added where the response is already there.

const BERGVIK_RFI = "00000000-0000-4000-8000-000000000101";

/** A small, valid PDF (one empty page), so the file is what its name says. */
const DEMO_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

const TEXT =
  "Nordlys Helse AS leverer digital hjemmeoppfølging i drift i to kommuner. Løsningen måler blodtrykk, puls, oksygenmetning og vekt, varsler responssenteret etter avtalte grenser og sender notater til EPJ som FHIR-ressurser.\n\nVi svarer gjerne utfyllende på spørsmålene i vedlegget, og legger ved arkitekturen og prismodellen som forretningshemmelighet.";

export async function seedResponses(db: Db, now: Date): Promise<void> {
  const [event, vendor, viktor, berit] = await Promise.all([
    db.selectFrom("events").select("id").where("id", "=", BERGVIK_RFI).executeTakeFirst(),
    db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirst(),
    db.selectFrom("users").select(["id", "name"]).where("email", "=", "vendor@demo.test").executeTakeFirst(),
    db.selectFrom("users").select(["id", "name"]).where("email", "=", "buyer@demo.test").executeTakeFirst(),
  ]);
  if (!event || !vendor || !viktor || !berit) return;
  if (await db.selectFrom("eventResponses").select("id").where("eventId", "=", event.id).where("organisationId", "=", vendor.id).executeTakeFirst()) return;
  const day = 86_400_000;
  const submittedAt = new Date(now.getTime() - 3 * day);
  const readAt = new Date(now.getTime() - 2 * day + 2 * 3_600_000);
  // The questionnaire answered as the vendor would: its profile's answers, and the buyer's own question in its own words.
  const questionnaire = await getQuestionnaire(db, event.id);
  const prefilled = prefillAnswers(questionnaire, await getAnswerProfile(db, vendor.id));
  const answers = questionnaire.flatMap((q) => {
    const answer = prefilled[q.key] ?? (q.bankKey === null && q.answerType === "text" ? { value: "Varsel til responssenteret innen ett minutt, med SMS til vakthavende sykepleier hvis det ikke kvitteres innen fem." } : undefined);
    return answer ? [{ key: q.key, value: answer.value, comment: answer.comment ?? null, confidentialReason: null }] : [];
  });
  await db.transaction().execute(async (trx) => {
    const response = await trx.insertInto("eventResponses").values({ eventId: event.id, organisationId: vendor.id, createdBy: viktor.id, createdAt: submittedAt }).returning("id").executeTakeFirstOrThrow();
    const version = await trx
      .insertInto("eventResponseVersions")
      .values({ responseId: response.id, version: 1, status: "submitted", text: TEXT, answers: jsonb(answers), savedBy: viktor.id, savedAt: submittedAt, submittedAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    const stored = await storeFile(trx, { organisationId: vendor.id, userId: viktor.id }, { name: "Nordlys-arkitektur-og-prismodell.pdf", bytes: DEMO_PDF });
    if (!stored.ok) throw new Error(`demo response document refused: ${JSON.stringify(stored.problems)}`);
    const document = await trx
      .insertInto("eventResponseDocuments")
      .values({ versionId: version.id, fileId: stored.value.id, confidentialReason: "Arkitektur og prismodell er ikke offentlige og gir konkurrentene innsikt i kalkylen vår.", addedAt: submittedAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("eventResponseReads")
      .values({ responseId: response.id, version: 1, part: "document", documentId: document.id, partLabel: stored.value.name, readerId: berit.id, readerName: berit.name, outcome: "read", at: readAt })
      .execute();
  });
}
