import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { saveResponse, type ResponseAnswerInput } from "~/models/event-responses.server";
import { sha256Hex, storeFile } from "~/models/stored-files.server";
import { action as responseAction, loader as responseLoader } from "~/routes/events.$eventId_.response/route";
import { loader as downloadLoader } from "~/routes/responses.$responseId.documents.$documentId";
import { loader as tableLoader } from "~/routes/events.$eventId_.responses/route";
import { loader as csvLoader } from "~/routes/events.$eventId_.responses[.csv]";
import { loader as vendorViewLoader } from "~/routes/events.$eventId_.responses_.$responseId/route";
import { loader as compareLoader } from "~/routes/events.$eventId_.responses_.compare/route";
import { action as teamAction, loader as teamLoader } from "~/routes/events.$eventId_.team/route";
import { action as apiAction, loader as apiLoader } from "~/routes/api.v1.events.$eventId.responses";
import { loader as accessLogLoader } from "~/routes/api.v1.responses.$id.access-log";
import { loader as eventLoader } from "~/routes/events.$eventId/route";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as demandCsv } from "~/routes/demand[.]csv";
import { loader as demandApi } from "~/routes/api.v1.demand";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { loader as buyerAtom } from "~/routes/organisations.$slug[.atom]";
import { loader as eventIcs } from "~/routes/events.$eventId[.ics]";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { respond, type Person } from "../fixtures/people";
import { createResponsePeople, rfiWithResponse } from "../fixtures/response-people";
import { jsonRequest, routeArgs } from "../fixtures/requests";
import { jsonb } from "@db/jsonb";

// Responses to an RFI (issue 17) through the routes and the real database: drafts, submissions
// and amendments in versions, the deadline and registration rules, business secrets read by the
// event's team only (each read logged and shown to the vendor), refused with 403 and logged for
// other members of the buyer, and 404 for everyone else; nothing stored by a refused request.

const t = setupTestDatabase();
const DAY = 86_400_000;

let berit: Person; // Bergvik kommune, admin (the team while none is named)
let bjarne: Person; // Bergvik kommune, member
let hanne: Person; // another buyer
let viktor: Person; // Nordlys Helse AS
let kari: Person; // another vendor
let bergvik: { id: string; slug: string };
let nordlys: { id: string };

async function rfi(values: { deadline?: Date; requireRegistration?: boolean; title?: string } = {}) {
  const row = await t.db
    .insertInto("events")
    .values({
      buyerId: bergvik.id,
      kind: "rfi",
      status: "published",
      publishedAt: new Date(),
      title: values.title ?? "RFI om digital hjemmeoppfølging",
      description: "Vi vil høre om løsninger.",
      responseDeadline: values.deadline ?? new Date(Date.now() + 20 * DAY),
      effortLevel: "none",
      responsesRequireRegistration: values.requireRegistration ?? false,
      ...ipTermsColumns(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function responseForm(eventId: string, values: Record<string, string>, file: { name: string; bytes: Uint8Array } | null = null, who: Person = viktor) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name));
  return routeArgs(`/events/${eventId}/response`, { method: "POST", body: form, cookie: who.cookie, params: { eventId } });
}
const post = async (...args: Parameters<typeof responseForm>) => respond(responseAction(await responseForm(...args)));
const count = async (table: "eventResponses" | "eventResponseVersions" | "eventResponseDocuments" | "storedFiles" | "eventResponseReads") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const counts = async () => Promise.all((["eventResponses", "eventResponseVersions", "eventResponseDocuments", "storedFiles"] as const).map(count));
const get = async (loader: (args: never) => unknown, path: string, params: Record<string, string>, who?: Person) => respond(loader((await routeArgs(path, { cookie: who?.cookie, params })) as never));

/** Viktor submits a response with a secret text and a secret document; its ids. */
async function submitted(eventId: string) {
  const saved = await post(eventId, { intent: "submit", text: "Hemmelig prismodell: 12 kr per pasient.", textConfidential: "on", textConfidentialReason: "Prismodell", documentConfidential: "on", documentConfidentialReason: "Arkitektur" }, { name: "arkitektur.pdf", bytes: SAMPLE_FILES.pdf });
  expect(saved.status).toBe(302);
  const response = await t.db.selectFrom("eventResponses").select("id").where("eventId", "=", eventId).where("organisationId", "=", nordlys.id).executeTakeFirstOrThrow();
  const document = await t.db
    .selectFrom("eventResponseDocuments as d")
    .innerJoin("eventResponseVersions as v", "v.id", "d.versionId")
    .select("d.id")
    .where("v.responseId", "=", response.id)
    .orderBy("v.version", "desc")
    .executeTakeFirstOrThrow();
  return { responseId: response.id, documentId: document.id };
}

beforeAll(async () => {
  ({ berit, bjarne, hanne, viktor, kari, bergvik, nordlys } = await createResponsePeople(t.db));
});

describe("a vendor's response", () => {
  it("saves a draft, submits it, and keeps each amendment as a version of its own", async () => {
    const eventId = await rfi();
    expect((await post(eventId, { intent: "save", text: "Første utkast." })).headers.get("Location")).toBe(`/events/${eventId}/response?organisationId=${nordlys.id}&saved=1`);
    expect((await post(eventId, { intent: "submit", text: "Vi støtter FHIR R4." }, { name: "svar.pdf", bytes: SAMPLE_FILES.pdf })).headers.get("Location")).toContain("submitted=1");
    expect((await post(eventId, { intent: "submit", text: "Vi støtter FHIR R4 og HelseID." })).headers.get("Location")).toContain("submitted=2");
    const page = await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json();
    expect(page.refusal).toBeNull();
    expect(page.response.draft).toBeNull();
    expect(page.response.submitted.map((v: { version: number; text: string; documents: unknown[] }) => [v.version, v.text, v.documents.length])).toEqual([
      [2, "Vi støtter FHIR R4 og HelseID.", 1],
      [1, "Vi støtter FHIR R4.", 1],
    ]);
    // The buyer sees the latest version and the earlier one by number.
    const table = await (await get(tableLoader, `/events/${eventId}/responses`, { eventId }, bjarne)).json();
    expect(table.responses).toMatchObject([{ organisation: { name: "Nordlys Helse AS" }, version: 2, text: "Vi støtter FHIR R4 og HelseID." }]);
  });

  it("tells the buyer's admins when a response is submitted (vendor activity), not when a draft is saved", async () => {
    const eventId = await rfi({ title: "RFI om medisineringsstøtte" });
    const noticesTo = async (email: string) =>
      t.db.selectFrom("outbox").select(["subject", "text"]).where("toAddress", "=", email).where("template", "=", "vendor-activity").where("text", "like", "%medisineringsstøtte%").execute();
    await post(eventId, { intent: "save", text: "Et utkast." });
    expect(await noticesTo(berit.email)).toEqual([]);
    await post(eventId, { intent: "submit", text: "Vårt svar." });
    const [notice, ...more] = await noticesTo(berit.email);
    expect(more).toEqual([]);
    expect(notice!.subject).toContain("Nordlys Helse AS");
    expect(notice!.text).toContain("sendte svar på «RFI om medisineringsstøtte»");
    expect(notice!.text).toContain(`/events/${eventId}/responses`);
    expect(notice!.text).not.toContain("Vårt svar.");
    // A member who has not chosen to hear of it is not told (app/domain/vendor-activity.ts).
    expect(await noticesTo(bjarne.email)).toEqual([]);
    const activity = await t.db.selectFrom("vendorActivity").select(["kind", "vendorId"]).where("eventId", "=", eventId).execute();
    expect(activity).toEqual([{ kind: "responded", vendorId: nordlys.id }]);
  });

  it("refuses a submission with nothing in it, and a secret mark without a reason, by their fields (nothing stored)", async () => {
    const eventId = await rfi();
    const before = await counts();
    const empty = await post(eventId, { intent: "submit", text: " " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ text: ["response_empty"] });
    const unexplained = await post(eventId, { intent: "submit", text: "Svar.", confidential: "on" }, { name: "a.pdf", bytes: SAMPLE_FILES.pdf });
    expect(unexplained.status).toBe(400);
    expect((await unexplained.json()).errors).toEqual({ confidentialReason: ["confidential_reason_required"] });
    const lying = await post(eventId, { intent: "submit", text: "Svar." }, { name: "svar.pdf", bytes: SAMPLE_FILES.exe });
    expect((await lying.json()).errors).toEqual({ file: ["file_type_not_allowed"] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a response after the deadline (409) with nothing stored, and says so on the page", async () => {
    const eventId = await rfi({ deadline: new Date(Date.now() - DAY) });
    const before = await counts();
    const late = await post(eventId, { intent: "submit", text: "For sent." }, { name: "sent.pdf", bytes: SAMPLE_FILES.pdf });
    expect(late.status).toBe(409);
    expect((await late.json()).errors).toEqual({ form: ["response_deadline_passed"] });
    expect(await counts()).toEqual(before);
    expect((await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json()).refusal).toBe("response_deadline_passed");
  });

  it("refuses a vendor that is not registered when the buyer requires registration (422), and takes it once registered", async () => {
    const eventId = await rfi({ requireRegistration: true });
    const before = await counts();
    const refused = await post(eventId, { intent: "submit", text: "Svar." });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual({ form: ["registration_required"] });
    expect(await counts()).toEqual(before);
    await t.db.insertInto("registrations").values({ eventId, organisationId: nordlys.id, status: "registered" }).execute();
    expect((await post(eventId, { intent: "submit", text: "Svar." })).status).toBe(302);
  });

  it("refuses a buyer's member (403) and answers 404 for an event that takes no responses", async () => {
    const eventId = await rfi();
    expect((await respond(responseAction(await responseForm(eventId, { intent: "submit", text: "x" }, null, bjarne)))).status).toBe(403);
    const meeting = await t.db.insertInto("events").values({ buyerId: bergvik.id, kind: "dialogue_meeting", status: "published", publishedAt: new Date(), title: "Møte", description: "", effortLevel: "none" }).returning("id").executeTakeFirstOrThrow();
    expect((await get(responseLoader, `/events/${meeting.id}/response`, { eventId: meeting.id }, viktor)).status).toBe(404);
  });
});

describe("structured answers (the questionnaire)", () => {
  it("opens prefilled from the answer profile, requires the required answers to submit, keeps a secret answer from members outside the team and saves back to the profile", async () => {
    const eventId = await rfi({ title: "RFI med spørsmål" });
    await t.db
      .insertInto("questionnaireItems")
      .values([
        { eventId, position: 1, bankKey: "fhir_versions", required: true },
        { eventId, position: 2, bankKey: "helseid", required: true },
      ])
      .execute();
    await t.db.insertInto("answerProfileEntries").values({ organisationId: nordlys.id, bankKey: "fhir_versions", answer: jsonb({ value: ["r4"] }) }).onConflict((oc) => oc.columns(["organisationId", "bankKey"]).doNothing()).execute();
    const page = await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json();
    expect(page.answerValues).toEqual({ "answers.fhir_versions": ["r4"] });

    const before = await counts();
    const unanswered = await post(eventId, { intent: "submit", text: "Svar.", "answers.fhir_versions": "r4" });
    expect(unanswered.status).toBe(400);
    expect((await unanswered.json()).errors).toEqual({ "answers.helseid": ["required"] });
    const badChoice = await post(eventId, { intent: "save", "answers.fhir_versions": "r9" });
    expect((await badChoice.json()).errors).toEqual({ "answers.fhir_versions": ["invalid_choice"] });
    expect(await counts()).toEqual(before);

    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "submit", text: "Svar.", "answers.helseid": "yes", "answers.helseid.confidential": "on", "answers.helseid.confidentialReason": "Avtale under forhandling", saveToProfile: "on" })) form.append(k, v);
    form.append("answers.fhir_versions", "r4");
    form.append("answers.fhir_versions", "r5");
    const ok = await respond(responseAction(await routeArgs(`/events/${eventId}/response`, { method: "POST", body: form, cookie: viktor.cookie, params: { eventId } })));
    expect(ok.status).toBe(302);
    const profile = await t.db.selectFrom("answerProfileEntries").select(["bankKey", "answer"]).where("organisationId", "=", nordlys.id).orderBy("bankKey").execute();
    expect(profile).toEqual([
      { bankKey: "fhir_versions", answer: { value: ["r4", "r5"] } },
      { bankKey: "helseid", answer: { value: true } },
    ]);

    const { id: responseId } = await t.db.selectFrom("eventResponses").select("id").where("eventId", "=", eventId).executeTakeFirstOrThrow();
    const asMember = await (await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, bjarne)).json();
    expect(asMember.response.answers).toMatchObject([
      { key: "fhir_versions", value: ["r4", "r5"], confidential: false },
      { key: "helseid", value: null, confidential: true, confidentialReason: "Avtale under forhandling" },
    ]);
    const asTeam = await (await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit)).json();
    expect(asTeam.response.answers[1]).toMatchObject({ key: "helseid", value: true });
    expect(await t.db.selectFrom("eventResponseReads").select(["readerName", "part", "partLabel", "outcome"]).where("responseId", "=", responseId).execute()).toEqual([
      { readerName: "Berit Innkjøp", part: "answer", partLabel: "helseid", outcome: "read" },
    ]);
    const csv = await (await get(csvLoader, `/events/${eventId}/responses.csv`, { eventId }, berit)).text();
    expect(csv).toContain("FHIR R4");
    expect(csv).toContain("[forretningshemmelighet]");
  });
});

describe("business secrets", () => {
  it("lets the team read them (logged, shown to the vendor), refuses other buyer members (403, logged) and hides the response from other vendors and buyers (404)", async () => {
    const eventId = await rfi();
    const { responseId, documentId } = await submitted(eventId);
    const reads = () => t.db.selectFrom("eventResponseReads").select(["readerName", "part", "outcome", "partLabel"]).where("responseId", "=", responseId).orderBy("at").orderBy("id").execute();

    // Bjarne is a member, not on the team (none named: the admins): the text hidden, the document refused and logged.
    const asMember = await (await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, bjarne)).json();
    expect(asMember.response.text).toBeNull();
    expect(asMember.response.documents).toMatchObject([{ id: documentId, name: null, confidential: true }]);
    expect((await get(downloadLoader, `/responses/${responseId}/documents/${documentId}`, { responseId, documentId }, bjarne)).status).toBe(403);
    expect(await reads()).toEqual([{ readerName: "Bjarne Medlem", part: "document", outcome: "refused", partLabel: "arkitektur.pdf" }]);

    // Berit (admin: the default team) reads the text and downloads the document; both logged.
    const asTeam = await (await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit)).json();
    expect(asTeam.response.text).toBe("Hemmelig prismodell: 12 kr per pasient.");
    const file = await get(downloadLoader, `/responses/${responseId}/documents/${documentId}`, { responseId, documentId }, berit);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain("attachment");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(sha256Hex(new Uint8Array(await file.arrayBuffer()))).toBe(sha256Hex(SAMPLE_FILES.pdf));
    expect((await reads()).slice(1)).toEqual([
      { readerName: "Berit Innkjøp", part: "text", outcome: "read", partLabel: "" },
      { readerName: "Berit Innkjøp", part: "document", outcome: "read", partLabel: "arkitektur.pdf" },
    ]);

    // Another vendor and another buyer: 404 for the response and its document, nothing logged.
    const logged = (await reads()).length;
    for (const who of [kari, hanne]) {
      expect((await get(downloadLoader, `/responses/${responseId}/documents/${documentId}`, { responseId, documentId }, who)).status).toBe(404);
      expect((await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, who)).status).toBe(404);
    }
    expect((await reads()).length).toBe(logged);

    // The vendor's page shows who read what.
    const page = await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json();
    expect(page.response.reads.map((r: { readerName: string; outcome: string }) => [r.readerName, r.outcome])).toEqual([
      ["Berit Innkjøp", "read"],
      ["Berit Innkjøp", "read"],
      ["Bjarne Medlem", "refused"],
    ]);
  });

  it("follows the team the admin names, and refuses a wholly secret response to a member outside it (403, logged)", async () => {
    const eventId = await rfi();
    await post(eventId, { intent: "submit", text: "Alt er hemmelig.", confidential: "on", confidentialReason: "Hele løsningen" });
    const { id: responseId } = await t.db.selectFrom("eventResponses").select("id").where("eventId", "=", eventId).executeTakeFirstOrThrow();
    const named = await respond(teamAction(await routeArgs(`/events/${eventId}/team`, { method: "POST", body: new URLSearchParams({ members: bjarne.id }), cookie: berit.cookie, params: { eventId } })));
    expect(named.status).toBe(302);
    // Berit, an admin no longer on the named team, is refused and logged; Bjarne reads.
    expect((await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit)).status).toBe(403);
    expect((await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, bjarne)).status).toBe(200);
    const log = await t.db.selectFrom("eventResponseReads").select(["readerName", "part", "outcome"]).where("responseId", "=", responseId).orderBy("at").execute();
    expect(log).toEqual([
      { readerName: "Berit Innkjøp", part: "response", outcome: "refused" },
      { readerName: "Bjarne Medlem", part: "response", outcome: "read" },
    ]);
    // A member may not name the team; a name outside the organisation is refused by the field.
    expect((await respond(teamAction(await routeArgs(`/events/${eventId}/team`, { method: "POST", body: new URLSearchParams({ members: bjarne.id }), cookie: bjarne.cookie, params: { eventId } })))).status).toBe(403);
    const foreign = await respond(teamAction(await routeArgs(`/events/${eventId}/team`, { method: "POST", body: new URLSearchParams({ members: hanne.id }), cookie: berit.cookie, params: { eventId } })));
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).errors).toEqual({ members: ["invalid_choice"] });
    expect(await t.db.selectFrom("eventTeamMembers").select("userId").where("eventId", "=", eventId).execute()).toEqual([{ userId: bjarne.id }]);
  });

  it("never puts a secret in the CSV, the feeds, open data, search or e-mail", async () => {
    const eventId = await rfi({ title: "RFI om velferdsteknologi" });
    await submitted(eventId);
    const secret = "Hemmelig prismodell";
    const csv = await get(csvLoader, `/events/${eventId}/responses.csv`, { eventId }, berit);
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body).toContain("Nordlys Helse AS");
    expect(body).not.toContain(secret);
    expect(body).not.toContain("arkitektur.pdf");
    const publicReads = [
      await get(demandAtom, "/demand.atom", {}),
      await get(demandCsv, "/demand.csv?q=velferdsteknologi", {}),
      await get(demandApi, "/api/v1/demand?q=prismodell", {}),
      await get(ocdsReleases, "/api/v1/ocds/releases", {}),
      await get(buyerAtom, `/organisations/${bergvik.slug}.atom`, { slug: bergvik.slug }),
      await get(eventIcs, `/events/${eventId}.ics`, { eventId }),
      await get(eventLoader, `/events/${eventId}`, { eventId }, berit),
    ];
    for (const response of publicReads) {
      expect(response.status).toBeLessThan(400);
      const text = await response.text();
      expect(text).not.toContain(secret);
      expect(text).not.toContain("arkitektur.pdf");
    }
    const mail = await t.db.selectFrom("outbox").select(["text", "html", "subject"]).execute();
    for (const m of mail) expect(`${m.subject}${m.text}${m.html}`).not.toContain(secret);
  });
});

describe("the API", () => {
  it("takes a response by multipart (201) and by JSON with an upload id, lists it for the team and the vendor, and shows the vendor the access log", async () => {
    const eventId = await rfi();
    const vendorToken = (await createApiToken(t.db, viktor.id, "svar")).token;
    const form = new FormData();
    form.append("text", "Vi bruker FHIR R4.");
    form.append("intent", "submit");
    form.append("documentConfidential", "true");
    form.append("documentConfidentialReason", "Arkitektur");
    form.append("file", new File([SAMPLE_FILES.pdf], "arkitektur.pdf"));
    const created = await respond(apiAction(await routeArgs(`/api/v1/events/${eventId}/responses`, { method: "POST", body: form, headers: { Authorization: `Bearer ${vendorToken}` }, params: { eventId } })));
    expect(created.status).toBe(201);
    const { id: responseId } = await created.json();

    const mine = await (await respond(apiLoader(await jsonRequest(`/api/v1/events/${eventId}/responses`, "GET", undefined, vendorToken, { eventId })))).json();
    expect(mine.role).toBe("vendor");
    const uploadId = mine.items[0].versions[0].documents[0].fileId;

    const amended = await respond(apiAction(await jsonRequest(`/api/v1/events/${eventId}/responses`, "POST", { text: "Versjon 2.", submit: true, documents: [{ uploadId, confidential: true, confidentialReason: "Arkitektur" }] }, vendorToken, { eventId })));
    expect(amended.status).toBe(201);
    expect(await amended.json()).toMatchObject({ id: responseId, version: 2, status: "submitted" });

    // Another vendor's file is not an upload id this vendor may use.
    const kariToken = (await createApiToken(t.db, kari.id, "svar")).token;
    const before = await counts();
    const foreign = await respond(apiAction(await jsonRequest(`/api/v1/events/${eventId}/responses`, "POST", { text: "Lånt.", submit: true, documents: [{ uploadId }] }, kariToken, { eventId })));
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).errors).toMatchObject([{ path: "documents.0.uploadId", code: "invalid_choice" }]);
    expect(await counts()).toEqual(before);

    const teamToken = (await createApiToken(t.db, berit.id, "svar")).token;
    const all = await (await respond(apiLoader(await jsonRequest(`/api/v1/events/${eventId}/responses`, "GET", undefined, teamToken, { eventId })))).json();
    expect(all.items).toMatchObject([{ id: responseId, version: 2, text: "Versjon 2.", documents: [{ name: "arkitektur.pdf", confidential: true }] }]);
    const document = all.items[0].documents[0];
    expect((await get(downloadLoader, document.url, { responseId, documentId: document.id }, berit)).status).toBe(200);

    const log = await respond(accessLogLoader(await jsonRequest(`/api/v1/responses/${responseId}/access-log`, "GET", undefined, vendorToken, { id: responseId })));
    expect((await log.json()).items).toMatchObject([{ readerName: "Berit Innkjøp", part: "document", outcome: "read", partLabel: "arkitektur.pdf" }]);
    for (const token of [teamToken, kariToken]) {
      expect((await respond(accessLogLoader(await jsonRequest(`/api/v1/responses/${responseId}/access-log`, "GET", undefined, token, { id: responseId })))).status).toBe(404);
    }
    // Kari sees no response but her own (none).
    expect((await (await respond(apiLoader(await jsonRequest(`/api/v1/events/${eventId}/responses`, "GET", undefined, kariToken, { eventId })))).json()).items).toEqual([]);
  });

  it("refuses a response after the deadline (409) with nothing stored", async () => {
    const eventId = await rfi({ deadline: new Date(Date.now() - DAY) });
    const token = (await createApiToken(t.db, viktor.id, "sent")).token;
    const before = await counts();
    const late = await respond(apiAction(await jsonRequest(`/api/v1/events/${eventId}/responses`, "POST", { text: "Sent.", submit: true }, token, { eventId })));
    expect(late.status).toBe(409);
    expect((await late.json()).errors).toMatchObject([{ code: "response_deadline_passed" }]);
    expect(await counts()).toEqual(before);
  });
});

/** An RFI of `buyerId` asking two bank questions and one of its own; its id and the own question's key. */
async function rfiWithQuestions(buyerId: string) {
  const { id: eventId } = await t.db
    .insertInto("events")
    .values({ buyerId, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI om pasientportal", description: "", responseDeadline: new Date(Date.now() + 20 * DAY), effortLevel: "none", ...ipTermsColumns() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("questionnaireItems")
    .values([
      { eventId, position: 1, bankKey: "fhir_versions", required: false },
      { eventId, position: 2, bankKey: "helseid", required: false },
    ])
    .execute();
  const own = await t.db.insertInto("questionnaireItems").values({ eventId, position: 3, questionText: "Hvor mange kommuner bruker løsningen?", answerType: "number", options: null, required: false }).returning("id").executeTakeFirstOrThrow();
  return { eventId, ownKey: own.id };
}

async function submitAnswers(who: Person, organisationId: string, eventId: string, answers: Record<string, ResponseAnswerInput>) {
  const saved = await saveResponse(t.db, who, organisationId, eventId, { input: { text: "", textConfidential: false, confidential: false }, uploads: [], answers, submit: true }, { baseUrl: "http://localhost" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.value.responseId;
}

const compareAs = async (eventId: string, who: Person) => respond(compareLoader(await routeArgs(`/events/${eventId}/responses/compare`, { cookie: who.cookie, params: { eventId } })));
const allReads = () => t.db.selectFrom("eventResponseReads").select(["responseId", "readerName", "part", "partLabel", "outcome"]).orderBy("at").orderBy("id").execute();

const organisationOf = async (who: Person) => (await t.db.selectFrom("memberships").select("organisationId").where("userId", "=", who.id).executeTakeFirstOrThrow()).organisationId;

describe("comparing vendors' answers side by side", () => {
  it("shows the team every answer (secret reads logged), other members the mark, and outsiders nothing (404)", async () => {
    const { eventId, ownKey } = await rfiWithQuestions(bergvik.id);
    const nordlysResponse = await submitAnswers(viktor, nordlys.id, eventId, {
      fhir_versions: { value: ["r4", "r5"] },
      helseid: { value: true, comment: "Fra versjon 4.2", confidential: true, confidentialReason: "Avtale under forhandling" },
      [ownKey]: { value: 12 },
    });
    const konkurrentResponse = await submitAnswers(kari, (await organisationOf(kari)), eventId, { fhir_versions: { value: ["r4"] }, helseid: { value: false } });
    const before = (await allReads()).length;

    // Bjarne (a member, not on the team): the secret answer is a mark, nothing logged.
    const asMember = await compareAs(eventId, bjarne);
    expect(asMember.status).toBe(200);
    const member = await asMember.json();
    expect(member.isTeam).toBe(false);
    expect(member.vendors.map((v: { name: string }) => v.name)).toEqual(["Konkurrent AS", "Nordlys Helse AS"]);
    expect(member.rows.map((r: { item: { bankKey: string | null }; cells: unknown[] }) => [r.item.bankKey, r.cells])).toEqual([
      ["fhir_versions", [{ value: ["r4"], comment: null }, { value: ["r4", "r5"], comment: null }]],
      ["helseid", [{ value: false, comment: null }, "secret"]],
      [null, [null, { value: 12, comment: null }]],
    ]);
    expect(JSON.stringify(member)).not.toContain("Fra versjon 4.2");
    expect((await allReads()).length).toBe(before);

    // Berit (admin: the default team) reads the secret answer; the read is logged as an answer read.
    const team = await (await compareAs(eventId, berit)).json();
    expect(team.isTeam).toBe(true);
    expect(team.rows[1].cells).toEqual([
      { value: false, comment: null },
      { value: true, comment: "Fra versjon 4.2" },
    ]);
    expect((await allReads()).slice(before)).toEqual([{ responseId: nordlysResponse, readerName: "Berit Innkjøp", part: "answer", partLabel: "helseid", outcome: "read" }]);

    // Another vendor (even one that responded) and another buyer: 404, nothing logged.
    for (const who of [kari, hanne]) expect((await compareAs(eventId, who)).status).toBe(404);
    expect((await allReads()).length).toBe(before + 1);
    expect(konkurrentResponse).not.toBe(nordlysResponse);
  });

  it("shows a wholly secret response's answers as marks to a member outside the team", async () => {
    const { eventId } = await rfiWithQuestions(bergvik.id);
    const saved = await saveResponse(t.db, viktor, nordlys.id, eventId, {
      input: { text: "", textConfidential: false, confidential: true, confidentialReason: "Alt er fortrolig" },
      uploads: [],
      answers: { fhir_versions: { value: ["r5"] } },
      submit: true,
    }, { baseUrl: "http://localhost" });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const member = await (await compareAs(eventId, bjarne)).json();
    expect(member.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual([["secret"], [null], [null]]);
    const team = await (await compareAs(eventId, berit)).json();
    expect(team.rows[0].cells).toEqual([{ value: ["r5"], comment: null }]);
    expect(await t.db.selectFrom("eventResponseReads").select(["part", "partLabel"]).where("responseId", "=", saved.value.responseId).execute()).toEqual([{ part: "answer", partLabel: "fhir_versions" }]);
  });
});

describe("authorization", () => {
  /** Organisation A's RFI with Otto's (the outsider's vendor) submitted response; the arguments for `path`. */
  const withResponse = (path: (eventId: string, responseId: string, documentId: string) => string) => async (world: { organisation: { id: string }; people: { outsider: Person } }, cookie: string | undefined) => {
    const { eventId, responseId, documentId } = await rfiWithResponse(t.db, world);
    return routeArgs(path(eventId, responseId, documentId), { cookie, params: { eventId, responseId, documentId, id: responseId } });
  };
  authorizationMatrix(() => t.db, [
    {
      // The outsider is the vendor that responded; the admin is on the default team, the member is not.
      route: "GET /responses/:responseId/documents/:documentId (a secret document)",
      call: downloadLoader,
      request: withResponse((_e, r, d) => `/responses/${r}/documents/${d}`),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: 404 },
    },
    {
      route: "GET /events/:eventId/responses (organisation A's RFI)",
      call: tableLoader,
      request: withResponse((e) => `/events/${e}/responses`),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/responses.csv",
      call: csvLoader,
      request: withResponse((e) => `/events/${e}/responses.csv`),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/responses/:responseId",
      call: vendorViewLoader,
      request: withResponse((e, r) => `/events/${e}/responses/${r}`),
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      // Organisation A's RFI; the admin is on the default team, the member is not; everyone outside A gets 404.
      route: "GET /events/:eventId/responses/compare",
      call: compareLoader,
      request: async (world, cookie) => {
        const { eventId } = await rfiWithQuestions(world.organisation.id);
        return routeArgs(`/events/${eventId}/responses/compare`, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "GET /events/:eventId/team",
      call: teamLoader,
      request: withResponse((e) => `/events/${e}/team`),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/response (the vendor's page)",
      call: responseLoader,
      request: withResponse((e) => `/events/${e}/response`),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: 403, operator: "register" },
    },
  ]);
});

describe("a document from the answer profile", () => {
  it("is offered and prefilled for a document question, travels with the response as its document, and the buyer downloads it by the secrecy rules", async () => {
    const eventId = await rfi();
    const key = "data_processing_agreement_template";
    await t.db.insertInto("questionnaireItems").values({ eventId, position: 1, bankKey: key, required: true }).execute();
    const fileId = await t.db.transaction().execute(async (trx) => {
      const stored = await storeFile(trx, { organisationId: nordlys.id, userId: viktor.id }, { name: "databehandleravtale.pdf", bytes: SAMPLE_FILES.pdf });
      if (!stored.ok) throw new Error(JSON.stringify(stored));
      return stored.value.id;
    });
    await t.db.insertInto("answerProfileEntries").values({ organisationId: nordlys.id, bankKey: key, answer: jsonb({ value: fileId }), updatedBy: viktor.id }).execute();

    const page = await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json();
    expect(page.profileDocuments).toEqual([{ fileId, name: "databehandleravtale.pdf" }]);
    expect(page.answerValues[`answers.${key}`]).toBe(fileId);

    // Submitted as the form sends it: the profile's document chosen, the answer a secret; no new file stored.
    const files = await count("storedFiles");
    const saved = await post(eventId, { intent: "submit", text: "", [`answers.${key}`]: fileId, [`answers.${key}.confidential`]: "on", [`answers.${key}.confidentialReason`]: "Våre avtalevilkår" });
    expect(saved.status).toBe(302);
    expect(await count("storedFiles")).toBe(files);
    const response = await t.db.selectFrom("eventResponses").select("id").where("eventId", "=", eventId).executeTakeFirstOrThrow();
    const [document, ...more] = await t.db
      .selectFrom("eventResponseDocuments as d")
      .innerJoin("eventResponseVersions as v", "v.id", "d.versionId")
      .select(["d.id", "d.fileId", "d.confidentialReason"])
      .where("v.responseId", "=", response.id)
      .execute();
    expect(more).toEqual([]);
    expect(document).toMatchObject({ fileId, confidentialReason: "Våre avtalevilkår" });

    // The team downloads it (logged), a member off the team is refused (403, logged), other organisations 404.
    const path = `/responses/${response.id}/documents/${document!.id}`;
    const params = { responseId: response.id, documentId: document!.id };
    const download = await get(downloadLoader, path, params, berit);
    expect(download.status).toBe(200);
    expect(sha256Hex(new Uint8Array(await download.arrayBuffer()))).toBe(sha256Hex(SAMPLE_FILES.pdf));
    expect((await get(downloadLoader, path, params, bjarne)).status).toBe(403);
    for (const who of [hanne, kari]) expect((await get(downloadLoader, path, params, who)).status).toBe(404);
    const reads = await t.db.selectFrom("eventResponseReads").select(["readerName", "part", "outcome"]).where("responseId", "=", response.id).orderBy("at").orderBy("id").execute();
    expect(reads).toEqual([
      { readerName: "Berit Innkjøp", part: "document", outcome: "read" },
      { readerName: "Bjarne Medlem", part: "document", outcome: "refused" },
    ]);

    // An amendment keeps the document once, still secret: taking the mark off the answer does not open a document marked secret.
    const amended = await post(eventId, { intent: "submit", text: "Med svar.", [`answers.${key}`]: fileId });
    expect(amended.status).toBe(302);
    const latest = await t.db
      .selectFrom("eventResponseDocuments as d")
      .innerJoin("eventResponseVersions as v", "v.id", "d.versionId")
      .select(["d.fileId", "d.confidentialReason", "v.version"])
      .where("v.responseId", "=", response.id)
      .where("v.version", "=", 2)
      .execute();
    expect(latest).toEqual([{ fileId, confidentialReason: "Våre avtalevilkår", version: 2 }]);
  });
});
