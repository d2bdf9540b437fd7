import { beforeAll, describe, expect, it } from "vitest";
import { prefillAnswers, profileAnswersOf } from "~/domain/questionnaire";
import { getAnswerProfile, getQuestionnaire, listAnswerProfile, questionnaireWithPrefill, saveQuestionnaire, saveToAnswerProfile } from "~/models/questionnaires.server";
import { action as pageAction, loader as pageLoader } from "~/routes/events.$eventId_.questionnaire/route";
import { loader as eventLoader } from "~/routes/events.$eventId/route";
import { loader as bankLoader } from "~/routes/api.v1.question-bank";
import { loader as eventApiLoader } from "~/routes/api.v1.events.$eventId";
import { action as profileAction, loader as profileLoader } from "~/routes/organisation.answer-profile/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";
import { routeArgs } from "../fixtures/requests";

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
    expect(await questionnaireWithPrefill(t.db, eventId, vendor.id)).toEqual({ questions: questionnaire, prefilled });

    const answers = { ...prefilled, idporten: { value: true }, [questionnaire[2]!.key]: { value: ["Eget system"] } };
    await saveToAnswerProfile(t.db, viktor, vendor.id, profileAnswersOf(questionnaire, answers, ["idporten"]));
    expect(await getAnswerProfile(t.db, vendor.id)).toEqual({ helseid: { value: false }, idporten: { value: true } });
  });
});

describe("the buyer's questionnaire page", () => {
  const post = async (eventId: string, entries: [string, string][], who: Person = berit) =>
    respond(pageAction(await routeArgs(`/events/${eventId}/questionnaire`, { method: "POST", body: new URLSearchParams(entries), cookie: who.cookie, params: { eventId } })));

  it("adds bank questions and an own one, reorders and removes them in one form, and shows vendors the list on the event page", async () => {
    const eventId = await rfi("draft");
    const saved = await post(eventId, [
      ["add", "helseid"],
      ["add", "hosting_country"],
      ["own.text", "Hvordan håndterer dere avvik?"],
      ["own.answerType", "choice"],
      ["own.options", "Eget system\nKundens system\n"],
      ["own.required", "on"],
    ]);
    expect(saved.headers.get("Location")).toBe(`/events/${eventId}/questionnaire?saved=1`);
    const [helseid, hosting, avvik] = await getQuestionnaire(t.db, eventId);
    expect(avvik).toMatchObject({ text: "Hvordan håndterer dere avvik?", options: ["Eget system", "Kundens system"], required: true, multiple: false });

    // Avvik first, HelseID optional, hosting removed.
    await post(eventId, [
      ["position." + helseid!.id, "2"],
      ["position." + hosting!.id, "3"],
      ["remove." + hosting!.id, "on"],
      ["position." + avvik!.id, "1"],
      ["required." + avvik!.id, "on"],
    ]);
    expect((await getQuestionnaire(t.db, eventId)).map((i) => [i.bankKey ?? i.text, i.required])).toEqual([
      ["Hvordan håndterer dere avvik?", true],
      ["helseid", false],
    ]);

    await t.db.updateTable("events").set({ status: "published", publishedAt: new Date() }).where("id", "=", eventId).execute();
    const page = await respond(eventLoader(await routeArgs(`/events/${eventId}`, { params: { eventId } })));
    const data = await page.json();
    expect(data.questions.map((q: { bankKey: string | null }) => q.bankKey)).toEqual([null, "helseid"]);
  });

  it("puts problems by their fields and keeps nothing of a refused form", async () => {
    const eventId = await rfi("published");
    const refused = await post(eventId, [
      ["add", "helseid"],
      ["own.text", "Hvilke farger?"],
      ["own.answerType", "choice"],
      ["own.options", "Blå"],
    ]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ "own.options": ["too_few_options"] });

    const noReason = await post(eventId, [["add", "helseid"]]);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors).toEqual({ reason: ["reason_required"] });

    const unknown = await post(eventId, [["add", "drop_table"]]);
    expect((await unknown.json()).errors).toEqual({ add: ["invalid_choice"] });
    expect(await getQuestionnaire(t.db, eventId)).toEqual([]);

    const amended = await post(eventId, [["add", "helseid"], ["reason", "Pålogging var glemt"]]);
    expect(amended.headers.get("Location")).toBe(`/events/${eventId}/questionnaire?amended=1`);
    const loaded = await (await respond(pageLoader(await routeArgs(`/events/${eventId}/questionnaire?amended=1`, { cookie: berit.cookie, params: { eventId } })))).json();
    expect(loaded.notice).toBe("amended");
    expect(loaded.questions).toHaveLength(1);
  });

  it("is not there for an event kind without a questionnaire", async () => {
    const eventId = await rfi("published", "pilot");
    expect((await respond(pageLoader(await routeArgs(`/events/${eventId}/questionnaire`, { cookie: berit.cookie, params: { eventId } })))).status).toBe(404);
  });
});

describe("the answer profile page", () => {
  const post = async (entries: [string, string][], who: Person = viktor) =>
    respond(profileAction(await routeArgs("/organisation/answer-profile", { method: "POST", body: new URLSearchParams(entries), cookie: who.cookie })));

  it("lets a vendor member answer bank questions once, shows them back, and removes an emptied answer", async () => {
    const saved = await post([
      ["answers.helseid", "yes"],
      ["answers.helseid.comment", "Siden 2023"],
      ["answers.fhir_versions", "r4"],
      ["answers.fhir_versions", "r5"],
      ["answers.employees_in_norway", "42"],
      ["answers.idporten", ""],
    ]);
    expect(saved.headers.get("Location")).toBe("/organisation/answer-profile?saved=1");
    expect(await getAnswerProfile(t.db, vendor.id)).toMatchObject({ helseid: { value: true, comment: "Siden 2023" }, fhir_versions: { value: ["r4", "r5"] }, employees_in_norway: { value: 42 } });
    const page = await (await respond(profileLoader(await routeArgs("/organisation/answer-profile?saved=1", { cookie: viktor.cookie })))).json();
    expect(page.values).toMatchObject({ "answers.helseid": "yes", "answers.helseid.comment": "Siden 2023", "answers.fhir_versions": ["r4", "r5"], "answers.employees_in_norway": "42" });

    // Sending the page back as it is leaves every answer as it was; emptying one removes it.
    await post([["answers.helseid", "yes"], ["answers.helseid.comment", "Siden 2023"], ["answers.fhir_versions", "r4"], ["answers.fhir_versions", "r5"]]);
    const profile = await getAnswerProfile(t.db, vendor.id);
    expect(profile.employees_in_norway).toBeUndefined();
    expect(profile.helseid).toEqual({ value: true, comment: "Siden 2023" });
  });

  it("puts a bad answer by its field and saves none of the form", async () => {
    const before = await getAnswerProfile(t.db, vendor.id);
    const refused = await post([["answers.helseid", "no"], ["answers.reference_count", "tolv"], ["answers.hosting_country", "atlantis"]]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ "answers.hosting_country": ["invalid_choice"], "answers.reference_count": ["must_be_number"] });
    expect(await getAnswerProfile(t.db, vendor.id)).toEqual(before);
  });

  it("is the vendor's: a buyer is refused", async () => {
    expect((await respond(profileLoader(await routeArgs("/organisation/answer-profile", { cookie: berit.cookie })))).status).toBe(403);
    expect((await post([["answers.helseid", "yes"]], berit)).status).toBe(403);
  });
});

describe("the API", () => {
  it("GET /api/v1/question-bank gives every question's key, type and options in bokmål and English, to anyone", async () => {
    const response = await respond(bankLoader(await routeArgs("/api/v1/question-bank")));
    expect(response.status).toBe(200);
    const body = await response.json();
    const hosting = body.items.find((q: { key: string }) => q.key === "hosting_country");
    expect(hosting).toMatchObject({ topic: "privacy", answerType: "choice", multiple: false, question: { nb: "Hvor lagres og behandles data?", en: "Where is data stored and processed?" } });
    expect(hosting.options[0]).toEqual({ key: "norway", text: { nb: "I Norge", en: "In Norway" } });
    expect(body.items.find((q: { key: string }) => q.key === "fhir_profiles").hint.en).toMatch(/no-basis/);
    expect(body.answerTypes).toEqual(["yes_no", "choice", "text", "number", "document"]);
  });

  it("GET /api/v1/events/{id} carries the questionnaire", async () => {
    const eventId = await rfi("published");
    await saveQuestionnaire(t.db, berit, eventId, [{ bankKey: "helseid", required: true }, { own: { ...own, answerType: "text", options: [] } }], { reason: "Spørsmål", baseUrl });
    const body = await (await respond(eventApiLoader(await routeArgs(`/api/v1/events/${eventId}`, { params: { eventId } })))).json();
    expect(body.questionnaire).toEqual([
      { key: "helseid", bankKey: "helseid", text: null, answerType: "yes_no", options: [], multiple: false, required: true },
      { key: expect.any(String), bankKey: null, text: own.text, answerType: "text", options: [], multiple: false, required: false },
    ]);
  });
});

describe("authorization", () => {
  const request = (method: "GET" | "POST", draft = false) => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    const eventId = await insertPilot(t.db, world.organisation.id);
    await t.db.updateTable("events").set({ kind: "rfi", ...(draft ? { status: "draft", publishedAt: null } : {}) }).where("id", "=", eventId).execute();
    if (method === "GET") return routeArgs(`/events/${eventId}/questionnaire`, { cookie, params: { eventId } });
    return routeArgs(`/events/${eventId}/questionnaire`, { method: "POST", body: new URLSearchParams([["add", "helseid"], ["reason", "Ny"]]), cookie, params: { eventId } });
  };
  // Organisation A is made a vendor: each vendor member keeps its own organisation's profile (the outsider's is its own).
  const profileRequest = (method: "GET" | "POST") => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    await t.db.updateTable("organisations").set({ isVendor: true }).where("id", "=", world.organisation.id).execute();
    if (method === "GET") return routeArgs("/organisation/answer-profile", { cookie });
    return routeArgs("/organisation/answer-profile", { method: "POST", body: new URLSearchParams([["answers.helseid", "yes"]]), cookie });
  };
  authorizationMatrix(() => t.db, [
    {
      route: "GET /organisation/answer-profile",
      call: profileLoader,
      request: profileRequest("GET"),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /organisation/answer-profile",
      call: profileAction,
      request: profileRequest("POST"),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /events/:eventId/questionnaire (organisation A's published RFI)",
      call: pageLoader,
      request: request("GET"),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/questionnaire (organisation A's draft RFI)",
      call: pageLoader,
      request: request("GET", true),
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "POST /events/:eventId/questionnaire (organisation A's published RFI)",
      call: pageAction,
      request: request("POST"),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
  ]);
});
