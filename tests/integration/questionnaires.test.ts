import { beforeAll, describe, expect, it } from "vitest";
import { prefillAnswers, profileAnswersOf } from "~/domain/questionnaire";
import { getAnswerProfile, getQuestionnaire, listAnswerProfile, saveQuestionnaire, saveToAnswerProfile } from "~/models/questionnaires.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";

// Questionnaires and answer profiles (issue 17, "answer once") through the real database:
// the buyer's members set an RFI's questions, a published questionnaire's change is an
// amendment with a reason told to the vendors taking part, and a vendor's profile answers
// prefill the next RFI and are saved back.

const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

let berit: Person; // Bergvik kommune, admin
let hanne: Person; // another buyer's admin
let viktor: Person; // vendor admin
let bergvik: { id: string };
let vendor: { id: string };

async function rfi(status: "draft" | "published" = "published", kind: "rfi" | "rfp" | "pilot" = "rfi") {
  const id = await insertPilot(t.db, bergvik.id, { title: "RFI: digitalt tilsyn" });
  await t.db.updateTable("events").set({ kind, status, publishedAt: status === "draft" ? null : new Date() }).where("id", "=", id).execute();
  return id;
}

const own = { text: "Hvordan håndterer dere avvik?", answerType: "choice", options: ["Eget system", "Kundens system"], multiple: false, required: false };

beforeAll(async () => {
  [berit, hanne, viktor] = await Promise.all([createPerson(t.db, { name: "Berit Innkjøp" }), createPerson(t.db, { name: "Hanne HF" }), createPerson(t.db, { name: "Viktor Leverandør" })]);
  bergvik = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { verified: true, name: "Bergvik kommune" });
  await createOrganisationWith(t.db, [{ person: hanne, role: "admin" }], { verified: true, name: "Helse Fjord HF" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
});

describe("saving a questionnaire", () => {
  it("puts bank and own questions on a draft RFI in the order given, without an amendment", async () => {
    const eventId = await rfi("draft");
    const saved = await saveQuestionnaire(t.db, berit, eventId, [{ bankKey: "helseid", required: true }, { own }, { bankKey: "hosting_country", required: false }], { baseUrl });
    expect(saved).toEqual({ ok: true, value: { changed: true, amendmentId: null } });
    const items = await getQuestionnaire(t.db, eventId);
    expect(items.map((i) => [i.position, i.bankKey ?? i.text, i.answerType, i.required])).toEqual([
      [1, "helseid", "yes_no", true],
      [2, own.text, "choice", false],
      [3, "hosting_country", "choice", false],
    ]);
    expect(items[1]!.key).toBe(items[1]!.id);
    expect(items[1]!.options).toEqual(own.options);
  });

  it("refuses what is not the buyer's, an event kind without a questionnaire, and bad questions, writing nothing", async () => {
    const eventId = await rfi("published");
    expect(await saveQuestionnaire(t.db, hanne, eventId, [{ bankKey: "helseid", required: true }], { baseUrl })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await saveQuestionnaire(t.db, viktor, eventId, [{ bankKey: "helseid", required: true }], { baseUrl })).toMatchObject({ ok: false, reason: "forbidden" });
    const draft = await rfi("draft");
    expect(await saveQuestionnaire(t.db, hanne, draft, [{ bankKey: "helseid", required: true }], { baseUrl })).toMatchObject({ ok: false, reason: "not_found" });
    const pilot = await rfi("draft", "pilot");
    expect(await saveQuestionnaire(t.db, berit, pilot, [{ bankKey: "helseid", required: true }], { baseUrl })).toMatchObject({ ok: false, reason: "refused" });
    const bad = await saveQuestionnaire(
      t.db,
      berit,
      draft,
      [{ bankKey: "helseid", required: true }, { bankKey: "helseid", required: false }, { bankKey: "no_such_question", required: true }, { own: { ...own, options: ["Bare ett"] } }, { id: "00000000-0000-4000-8000-000000000000", required: true }],
      { baseUrl },
    );
    expect(bad).toEqual({
      ok: false,
      reason: "invalid",
      problems: [
        { path: "questions.1.bankKey", code: "question_twice" },
        { path: "questions.2.bankKey", code: "invalid_choice" },
        { path: "questions.3.own.options", code: "too_few_options" },
        { path: "questions.4.id", code: "invalid_choice" },
      ],
    });
    expect(await getQuestionnaire(t.db, draft)).toEqual([]);
  });

  it("makes a change to a published questionnaire an amendment with a reason, told to the vendors taking part", async () => {
    const eventId = await rfi("published");
    await t.db.insertInto("registrations").values({ eventId, organisationId: vendor.id, status: "registered" }).execute();
    const first = await saveQuestionnaire(t.db, berit, eventId, [{ bankKey: "helseid", required: true }], { reason: "Første versjon", baseUrl });
    expect(first.ok && first.value.amendmentId).toBeTruthy();
    const [helseid] = await getQuestionnaire(t.db, eventId);

    const unexplained = await saveQuestionnaire(t.db, berit, eventId, [{ id: helseid!.id, required: true }, { bankKey: "idporten", required: true }], { reason: " ", baseUrl });
    expect(unexplained).toEqual({ ok: false, reason: "invalid", problems: [{ path: "reason", code: "reason_required" }] });

    // The same questions again change nothing and need no reason.
    expect(await saveQuestionnaire(t.db, berit, eventId, [{ id: helseid!.id, required: true }], { baseUrl })).toEqual({ ok: true, value: { changed: false, amendmentId: null } });

    const mailsBefore = await t.db.selectFrom("outbox").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const amended = await saveQuestionnaire(t.db, berit, eventId, [{ bankKey: "idporten", required: true }, { id: helseid!.id, required: false }], { reason: "Innbyggerpålogging trengs også", baseUrl });
    expect(amended.ok).toBe(true);
    const amendment = await t.db.selectFrom("eventAmendments").selectAll().where("id", "=", amended.ok ? amended.value.amendmentId! : "").executeTakeFirstOrThrow();
    expect(amendment.reason).toBe("Innbyggerpålogging trengs også");
    expect(amendment.changes).toEqual([
      { field: "questionnaire.added", before: null, after: [{ bankKey: "idporten", required: true }] },
      { field: "questionnaire.questions", before: [{ bankKey: "helseid", required: true }], after: [{ bankKey: "helseid", required: false }] },
    ]);
    const mailsAfter = await t.db.selectFrom("outbox").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(mailsAfter.n)).toBeGreaterThan(Number(mailsBefore.n));
    expect((await getQuestionnaire(t.db, eventId)).map((i) => [i.bankKey, i.required])).toEqual([
      ["idporten", true],
      ["helseid", false],
    ]);
  });
});

describe("the answer profile", () => {
  it("keeps a vendor's answers by bank key, replaces and removes them, and refuses others and bad answers", async () => {
    expect(await saveToAnswerProfile(t.db, viktor, vendor.id, { helseid: { value: true, comment: "Siden 2023" }, hosting_country: { value: ["norway"] } })).toEqual({ ok: true, value: { saved: 2, removed: 0 } });
    expect(await saveToAnswerProfile(t.db, viktor, vendor.id, { helseid: { value: false }, hosting_country: null })).toEqual({ ok: true, value: { saved: 1, removed: 1 } });
    expect(await getAnswerProfile(t.db, vendor.id)).toEqual({ helseid: { value: false } });
    expect((await listAnswerProfile(t.db, vendor.id))[0]).toMatchObject({ bankKey: "helseid", updatedBy: "Viktor Leverandør" });

    expect(await saveToAnswerProfile(t.db, berit, vendor.id, { helseid: { value: true } })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await saveToAnswerProfile(t.db, berit, bergvik.id, { helseid: { value: true } })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await saveToAnswerProfile(t.db, viktor, vendor.id, { helseid: { value: "ja" }, idporten: { value: true }, made_up: { value: 1 } })).toEqual({
      ok: false,
      reason: "invalid",
      problems: [
        { path: "answers.helseid", code: "invalid_value" },
        { path: "answers.made_up", code: "unknown_question" },
      ],
    });
    expect(await getAnswerProfile(t.db, vendor.id)).toEqual({ helseid: { value: false } });
  });

  it("answers once: a second RFI using bank questions opens with the stored answers, and chosen answers are saved back", async () => {
    const eventId = await rfi("draft");
    await saveQuestionnaire(t.db, berit, eventId, [{ bankKey: "helseid", required: true }, { bankKey: "idporten", required: true }, { own }], { baseUrl });
    const questionnaire = await getQuestionnaire(t.db, eventId);
    const prefilled = prefillAnswers(questionnaire, await getAnswerProfile(t.db, vendor.id));
    expect(prefilled).toEqual({ helseid: { value: false } });

    const answers = { ...prefilled, idporten: { value: true }, [questionnaire[2]!.key]: { value: ["Eget system"] } };
    await saveToAnswerProfile(t.db, viktor, vendor.id, profileAnswersOf(questionnaire, answers, ["idporten"]));
    expect(await getAnswerProfile(t.db, vendor.id)).toEqual({ helseid: { value: false }, idporten: { value: true } });
  });
});
