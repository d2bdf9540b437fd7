import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { action as responseAction, loader as responseLoader } from "~/routes/effort-requests.$id_.response/route";
import { loader as tableLoader } from "~/routes/effort-requests.$id_.responses/route";
import { loader as vendorViewLoader } from "~/routes/effort-requests.$id_.responses_.$responseId/route";
import { loader as requestLoader } from "~/routes/effort-requests.$id";
import { action as documentsAction, loader as documentsLoader } from "~/routes/effort-requests.$id_.documents";
import { loader as requestDocumentLoader } from "~/routes/effort-requests.$id_.documents_.$documentId";
import { loader as downloadLoader } from "~/routes/responses.$responseId.documents.$documentId";
import { loader as accessLogLoader } from "~/routes/api.v1.responses.$id.access-log";
import { action as apiAction, loader as apiLoader } from "~/routes/api.v1.effort-requests.$id.responses";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as demandCsv } from "~/routes/demand[.]csv";
import { loader as demandApi } from "~/routes/api.v1.demand";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { loader as buyerAtom } from "~/routes/organisations.$slug[.atom]";
import { createApiToken } from "~/models/api-tokens.server";
import { sha256Hex } from "~/models/stored-files.server";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { createPerson, respond, type Person } from "../fixtures/people";
import { createResponsePeople, effortRequestWithResponse, insertEffortRequest } from "../fixtures/response-people";
import { jsonRequest, routeArgs } from "../fixtures/requests";

// Responses to an effort request (issue 17) through the routes and the real database: the same
// response as to an RFI (drafts, submissions and amendments in versions, documents, business
// secrets with reasons, the read log), answered by the vendors the request was sent to, before
// its deadline; the request's team (its sender with the admins or the event's team) reads the
// secrets, other members of the buyer see the mark, anyone else 404; nothing stored when refused.

const t = setupTestDatabase();
const DAY = 86_400_000;

let berit: Person; // Bergvik kommune, admin (on the team: the admins, with the sender)
let bjarne: Person; // Bergvik kommune, member (not on the team)
let sigrid: Person; // Bergvik kommune, member who sends the requests (on the team)
let hanne: Person; // another buyer
let viktor: Person; // Nordlys Helse AS, a recipient
let kari: Person; // Konkurrent AS, not a recipient
let bergvik: { id: string; slug: string };
let nordlys: { id: string };

const request = (values: { deadline?: Date; eventId?: string | null; title?: string } = {}) => insertEffortRequest(t.db, { buyerId: bergvik.id, requestedBy: sigrid.id, recipients: [nordlys.id], ...values });

function responseForm(requestId: string, values: Record<string, string>, file: { name: string; bytes: Uint8Array } | null = null, who: Person = viktor) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name));
  return routeArgs(`/effort-requests/${requestId}/response`, { method: "POST", body: form, cookie: who.cookie, params: { id: requestId } });
}
const post = async (...args: Parameters<typeof responseForm>) => respond(responseAction(await responseForm(...args)));
const counts = async () =>
  Promise.all(
    (["eventResponses", "eventResponseVersions", "eventResponseDocuments", "storedFiles"] as const).map(async (table) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)),
  );
const get = async (loader: (args: never) => unknown, path: string, params: Record<string, string>, who?: Person) => respond(loader((await routeArgs(path, { cookie: who?.cookie, params })) as never));
const readsOf = (responseId: string) => t.db.selectFrom("eventResponseReads").select(["readerName", "part", "outcome", "partLabel"]).where("responseId", "=", responseId).orderBy("at").orderBy("id").execute();

/** Viktor submits a response with a secret text and a secret document; its ids. */
async function submitted(requestId: string) {
  const saved = await post(requestId, { intent: "submit", text: "Hemmelig arbeidsflyt: dobbeltkontroll i tre trinn.", textConfidential: "on", textConfidentialReason: "Arbeidsflyt under patentering", documentConfidential: "on", documentConfidentialReason: "Arkitektur" }, { name: "flyt.pdf", bytes: SAMPLE_FILES.pdf });
  expect(saved.status).toBe(302);
  const response = await t.db.selectFrom("eventResponses").select("id").where("effortRequestId", "=", requestId).where("organisationId", "=", nordlys.id).executeTakeFirstOrThrow();
  const document = await t.db.selectFrom("eventResponseDocuments as d").innerJoin("eventResponseVersions as v", "v.id", "d.versionId").select("d.id").where("v.responseId", "=", response.id).orderBy("v.version", "desc").executeTakeFirstOrThrow();
  return { responseId: response.id, documentId: document.id };
}

beforeAll(async () => {
  ({ berit, bjarne, hanne, viktor, kari, bergvik, nordlys } = await createResponsePeople(t.db));
  sigrid = await createPerson(t.db, { name: "Sigrid Sender" });
  await t.db.insertInto("memberships").values({ userId: sigrid.id, organisationId: bergvik.id, role: "member" }).execute();
});

describe("a vendor's response to an effort request", () => {
  it("saves a draft, submits it with a document, and keeps each amendment as a version of its own", async () => {
    const requestId = await request();
    expect((await post(requestId, { intent: "save", text: "Første utkast." })).headers.get("Location")).toBe(`/effort-requests/${requestId}/response?organisationId=${nordlys.id}&saved=1`);
    expect((await post(requestId, { intent: "submit", text: "Vi bruker strekkode ved utdeling." }, { name: "innspill.pdf", bytes: SAMPLE_FILES.pdf })).headers.get("Location")).toContain("submitted=1");
    expect((await post(requestId, { intent: "submit", text: "Vi bruker strekkode og e-resept." })).headers.get("Location")).toContain("submitted=2");
    const page = await (await get(responseLoader, `/effort-requests/${requestId}/response`, { id: requestId }, viktor)).json();
    expect(page.request).toMatchObject({ id: requestId, buyerName: "Bergvik kommune" });
    expect(page.refusal).toBeNull();
    expect(page.response.draft).toBeNull();
    expect(page.response.submitted.map((v: { version: number; text: string; documents: unknown[] }) => [v.version, v.text, v.documents.length])).toEqual([
      [2, "Vi bruker strekkode og e-resept.", 1],
      [1, "Vi bruker strekkode ved utdeling.", 1],
    ]);
    // The buyer's member sees the latest version; the request page leads there with the count.
    const table = await (await get(tableLoader, `/effort-requests/${requestId}/responses`, { id: requestId }, bjarne)).json();
    expect(table.responses).toMatchObject([{ organisation: { name: "Nordlys Helse AS" }, version: 2, text: "Vi bruker strekkode og e-resept.", earlier: [{ version: 1 }] }]);
    expect((await (await get(requestLoader, `/effort-requests/${requestId}`, { id: requestId }, bjarne)).json()).responseCount).toBe(1);
    expect((await (await get(requestLoader, `/effort-requests/${requestId}`, { id: requestId }, viktor)).json()).responseCount).toBeNull();
    // Each submission (not the draft) is vendor activity the buyer's admins hear of at once.
    expect(await t.db.selectFrom("vendorActivity").select("kind").where("effortRequestId", "=", requestId).orderBy("at").execute()).toEqual([
      { kind: "effort_responded" },
      { kind: "effort_responded" },
    ]);
    const notices = await t.db.selectFrom("outbox").select("text").where("toAddress", "=", berit.email).where("template", "=", "vendor-activity").where("text", "like", `%/effort-requests/${requestId}/responses%`).execute();
    expect(notices).toHaveLength(2);
    expect(notices[0]!.text).toContain("sendte svar på forespørselen");
  });

  it("refuses an empty submission, a secret without a reason and a file that lies about itself, by their fields (nothing stored)", async () => {
    const requestId = await request();
    const before = await counts();
    const empty = await post(requestId, { intent: "submit", text: " " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ text: ["response_empty"] });
    const unexplained = await post(requestId, { intent: "submit", text: "Svar.", textConfidential: "on" });
    expect((await unexplained.json()).errors).toEqual({ textConfidentialReason: ["confidential_reason_required"] });
    const lying = await post(requestId, { intent: "submit", text: "Svar." }, { name: "svar.pdf", bytes: SAMPLE_FILES.exe });
    expect((await lying.json()).errors).toEqual({ file: ["file_type_not_allowed"] });
    expect(await counts()).toEqual(before);
  });

  it("refuses a response after the deadline (409) and from a vendor that declined (422), nothing stored, and says so on the page", async () => {
    const late = await request({ deadline: new Date(Date.now() - DAY) });
    const before = await counts();
    const refused = await post(late, { intent: "submit", text: "For sent." }, { name: "sent.pdf", bytes: SAMPLE_FILES.pdf });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors).toEqual({ form: ["response_deadline_passed"] });
    expect((await (await get(responseLoader, `/effort-requests/${late}/response`, { id: late }, viktor)).json()).refusal).toBe("response_deadline_passed");

    const declined = await request();
    await t.db.updateTable("effortRequestRecipients").set({ status: "declined", respondedAt: new Date(), declineReason: "Ikke kapasitet" }).where("requestId", "=", declined).execute();
    const no = await post(declined, { intent: "submit", text: "Likevel." });
    expect(no.status).toBe(422);
    expect((await no.json()).errors).toEqual({ form: ["request_declined"] });
    expect(await counts()).toEqual(before);
  });

  it("answers 404 to a vendor the request was not sent to and 403 to a member of the buyer, nothing stored", async () => {
    const requestId = await request();
    const before = await counts();
    expect((await get(responseLoader, `/effort-requests/${requestId}/response`, { id: requestId }, kari)).status).toBe(404);
    expect((await post(requestId, { intent: "submit", text: "Uoppfordret." }, null, kari)).status).toBe(404);
    expect((await post(requestId, { intent: "submit", text: "Fra kjøper." }, null, bjarne)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("takes a response only from a recipient, and of one thing only, in the database too", async () => {
    const requestId = await request();
    const kariOrg = (await t.db.selectFrom("memberships").select("organisationId").where("userId", "=", kari.id).executeTakeFirstOrThrow()).organisationId;
    await expect(t.db.insertInto("eventResponses").values({ effortRequestId: requestId, eventId: null, organisationId: kariOrg }).execute()).rejects.toThrow(/event_responses_from_a_recipient/);
    const event = await t.db.insertInto("events").values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI", description: "", effortLevel: "none", ...ipTermsColumns() }).returning("id").executeTakeFirstOrThrow();
    await expect(t.db.insertInto("eventResponses").values({ effortRequestId: requestId, eventId: event.id, organisationId: nordlys.id }).execute()).rejects.toThrow(/event_responses_answer_one_thing/);
    await expect(sql`insert into event_responses (organisation_id) values (${nordlys.id})`.execute(t.db)).rejects.toThrow(/event_responses_answer_one_thing/);
  });
});

describe("business secrets in a response to an effort request", () => {
  it("lets the team (the sender, the admins) read them, logged and shown to the vendor; refuses other members (403, logged); 404 for everyone else", async () => {
    const requestId = await request();
    const { responseId, documentId } = await submitted(requestId);
    const view = (who: Person) => get(vendorViewLoader, `/effort-requests/${requestId}/responses/${responseId}`, { id: requestId, responseId }, who);
    const download = (who: Person) => get(downloadLoader, `/responses/${responseId}/documents/${documentId}`, { responseId, documentId }, who);

    // Bjarne, a member outside the team: the table and the view show the marks, not the secrets; the download is refused and logged.
    const table = await (await get(tableLoader, `/effort-requests/${requestId}/responses`, { id: requestId }, bjarne)).json();
    expect(table.isTeam).toBe(false);
    expect(table.responses[0]).toMatchObject({ text: null, textConfidentialReason: "Arbeidsflyt under patentering", documents: [{ name: null, confidential: true }] });
    const asMember = await (await view(bjarne)).json();
    expect(asMember.response.text).toBeNull();
    expect(JSON.stringify(asMember)).not.toContain("dobbeltkontroll");
    expect((await download(bjarne)).status).toBe(403);
    expect(await readsOf(responseId)).toEqual([{ readerName: "Bjarne Medlem", part: "document", outcome: "refused", partLabel: "flyt.pdf" }]);

    // Sigrid sent the request, Berit is an admin: both on the team; each read of a secret logged.
    expect((await (await get(tableLoader, `/effort-requests/${requestId}/responses`, { id: requestId }, sigrid)).json()).isTeam).toBe(true);
    expect((await (await view(sigrid)).json()).response.text).toBe("Hemmelig arbeidsflyt: dobbeltkontroll i tre trinn.");
    const file = await download(berit);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain("attachment");
    expect(sha256Hex(new Uint8Array(await file.arrayBuffer()))).toBe(sha256Hex(SAMPLE_FILES.pdf));
    expect((await readsOf(responseId)).slice(1)).toEqual([
      { readerName: "Sigrid Sender", part: "text", outcome: "read", partLabel: "" },
      { readerName: "Berit Innkjøp", part: "document", outcome: "read", partLabel: "flyt.pdf" },
    ]);

    // Another vendor and another buyer: 404 for the table, the response and its document, nothing logged.
    const logged = (await readsOf(responseId)).length;
    for (const who of [kari, hanne]) {
      expect((await get(tableLoader, `/effort-requests/${requestId}/responses`, { id: requestId }, who)).status).toBe(404);
      expect((await view(who)).status).toBe(404);
      expect((await download(who)).status).toBe(404);
    }
    // The vendor itself reads its own through its page, not the buyer's view.
    expect((await view(viktor)).status).toBe(404);
    expect((await readsOf(responseId)).length).toBe(logged);

    // The vendor's page and the API show who read what.
    const page = await (await get(responseLoader, `/effort-requests/${requestId}/response`, { id: requestId }, viktor)).json();
    expect(page.response.reads.map((r: { readerName: string; outcome: string }) => [r.readerName, r.outcome])).toEqual([
      ["Berit Innkjøp", "read"],
      ["Sigrid Sender", "read"],
      ["Bjarne Medlem", "refused"],
    ]);
    const token = (await createApiToken(t.db, viktor.id, "logg")).token;
    const log = await respond(accessLogLoader(await jsonRequest(`/api/v1/responses/${responseId}/access-log`, "GET", undefined, token, { id: responseId })));
    expect((await log.json()).items).toHaveLength(3);
  });

  it("follows the linked event's named team (with the sender), and refuses a wholly secret response to a member outside it (403, logged)", async () => {
    const event = await t.db.insertInto("events").values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI om legemidler", description: "", effortLevel: "none", ...ipTermsColumns() }).returning("id").executeTakeFirstOrThrow();
    await t.db.insertInto("registrations").values({ eventId: event.id, organisationId: nordlys.id, status: "registered" }).execute();
    await t.db.insertInto("eventTeamMembers").values({ eventId: event.id, userId: bjarne.id }).execute();
    const requestId = await request({ eventId: event.id });
    expect((await post(requestId, { intent: "submit", text: "Alt er fortrolig.", confidential: "on", confidentialReason: "Hele løsningen" })).status).toBe(302);
    const { id: responseId } = await t.db.selectFrom("eventResponses").select("id").where("effortRequestId", "=", requestId).executeTakeFirstOrThrow();
    const view = (who: Person) => get(vendorViewLoader, `/effort-requests/${requestId}/responses/${responseId}`, { id: requestId, responseId }, who);
    // Berit, an admin outside the event's named team, is refused; Bjarne (named) and Sigrid (the sender) read.
    expect((await view(berit)).status).toBe(403);
    expect((await view(bjarne)).status).toBe(200);
    expect((await view(sigrid)).status).toBe(200);
    expect(await readsOf(responseId)).toEqual([
      { readerName: "Berit Innkjøp", part: "response", outcome: "refused", partLabel: "" },
      { readerName: "Bjarne Medlem", part: "response", outcome: "read", partLabel: "" },
      { readerName: "Sigrid Sender", part: "response", outcome: "read", partLabel: "" },
    ]);
    // The table lists it for everyone of the buyer, its text left out.
    expect((await (await get(tableLoader, `/effort-requests/${requestId}/responses`, { id: requestId }, berit)).json()).responses[0]).toMatchObject({ confidentialReason: "Hele løsningen", text: null });
  });

  it("never puts a secret in the request page, the feeds, open data, search or e-mail", async () => {
    const requestId = await request({ title: "Innspill om velferdsteknologi" });
    await submitted(requestId);
    const secret = "dobbeltkontroll";
    const reads = [
      await get(requestLoader, `/effort-requests/${requestId}`, { id: requestId }, berit),
      await get(demandAtom, "/demand.atom", {}),
      await get(demandCsv, "/demand.csv?q=velferdsteknologi", {}),
      await get(demandApi, "/api/v1/demand?q=arbeidsflyt", {}),
      await get(ocdsReleases, "/api/v1/ocds/releases", {}),
      await get(buyerAtom, `/organisations/${bergvik.slug}.atom`, { slug: bergvik.slug }),
    ];
    for (const response of reads) {
      expect(response.status).toBeLessThan(400);
      const text = await response.text();
      expect(text).not.toContain(secret);
      expect(text).not.toContain("flyt.pdf");
    }
    const mail = await t.db.selectFrom("outbox").select(["text", "html", "subject"]).execute();
    for (const m of mail) expect(`${m.subject}${m.text}${m.html}`).not.toContain(secret);
  });
});

describe("documents on an effort request", () => {
  function documentForm(requestId: string, values: Record<string, string>, file: { name: string; bytes: Uint8Array } | null, who: Person) {
    const form = new FormData();
    for (const [name, value] of Object.entries(values)) form.append(name, value);
    if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name));
    return routeArgs(`/effort-requests/${requestId}/documents`, { method: "POST", body: form, cookie: who.cookie, params: { id: requestId } });
  }
  const attach = async (...args: Parameters<typeof documentForm>) => respond(documentsAction(await documentForm(...args)));
  const documentCount = async () => Number((await t.db.selectFrom("effortRequestDocuments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("lets the buyer's members attach documents in versions, and the buyer and the recipients (only) read and download them", async () => {
    const requestId = await request();
    expect((await attach(requestId, { documentType: "questionnaire", title: "Spørsmål om legemidler" }, { name: "sporsmal.pdf", bytes: SAMPLE_FILES.pdf }, bjarne)).headers.get("Location")).toBe(`/effort-requests/${requestId}/documents?saved=1`);
    const [first] = await (await (await get(documentsLoader, `/effort-requests/${requestId}/documents`, { id: requestId }, bjarne)).json()).documents;
    // A new version says what changed, and keeps the document's kind.
    const before = [await documentCount(), ...(await counts())];
    const unexplained = await attach(requestId, { documentType: "minutes", title: "Spørsmål, rettet", replaces: first.current.id }, { name: "sporsmal2.pdf", bytes: SAMPLE_FILES.pdf }, bjarne);
    expect(unexplained.status).toBe(400);
    expect((await unexplained.json()).errors).toEqual({ changeNote: ["change_note_required"] });
    const lying = await attach(requestId, { documentType: "questionnaire", title: "Program" }, { name: "program.pdf", bytes: SAMPLE_FILES.exe }, bjarne);
    expect((await lying.json()).errors).toEqual({ file: ["file_type_not_allowed"] });
    // A recipient may read the documents, not attach them (403); another vendor is told nothing is here (404).
    expect((await attach(requestId, { documentType: "questionnaire", title: "Fra leverandør" }, { name: "l.pdf", bytes: SAMPLE_FILES.pdf }, viktor)).status).toBe(403);
    expect((await attach(requestId, { documentType: "questionnaire", title: "Fra en annen" }, { name: "k.pdf", bytes: SAMPLE_FILES.pdf }, kari)).status).toBe(404);
    expect([await documentCount(), ...(await counts())]).toEqual(before);
    const mailBefore = await t.db.selectFrom("outbox").select("id").where("template", "=", "effort-request-document").execute();
    expect((await attach(requestId, { documentType: "minutes", title: "Spørsmål, rettet", replaces: first.current.id, changeNote: "Spørsmål 3 var uklart." }, { name: "sporsmal2.txt", bytes: SAMPLE_FILES.txt }, berit)).status).toBe(302);
    // The new version reaches the recipient's admins by e-mail, with what changed.
    const mail = await t.db.selectFrom("outbox").select(["id", "text"]).where("template", "=", "effort-request-document").execute();
    expect(mail.length - mailBefore.length).toBe(1);
    expect(mail.at(-1)!.text).toContain("Spørsmål 3 var uklart.");

    const page = await (await get(requestLoader, `/effort-requests/${requestId}`, { id: requestId }, viktor)).json();
    expect(page.documents).toMatchObject([{ documentType: "questionnaire", current: { version: 2, title: "Spørsmål, rettet", changeNote: "Spørsmål 3 var uklart.", file: { name: "sporsmal2.txt" } }, earlier: [{ version: 1 }] }]);
    const documentId = page.documents[0].current.id;
    const file = await get(requestDocumentLoader, `/effort-requests/${requestId}/documents/${documentId}`, { id: requestId, documentId }, viktor);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain("attachment");
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    expect(sha256Hex(new Uint8Array(await file.arrayBuffer()))).toBe(sha256Hex(SAMPLE_FILES.txt));
    for (const who of [kari, hanne]) expect((await get(requestDocumentLoader, `/effort-requests/${requestId}/documents/${documentId}`, { id: requestId, documentId }, who)).status).toBe(404);
    // A document of another request is not found by this one's address.
    const other = await request();
    expect((await get(requestDocumentLoader, `/effort-requests/${other}/documents/${documentId}`, { id: other, documentId }, viktor)).status).toBe(404);
  });
});

describe("the API", () => {
  const apiGet = async (requestId: string, token: string) => respond(apiLoader(await jsonRequest(`/api/v1/effort-requests/${requestId}/responses`, "GET", undefined, token, { id: requestId })));
  const apiPost = async (requestId: string, body: unknown, token: string) => respond(apiAction(await jsonRequest(`/api/v1/effort-requests/${requestId}/responses`, "POST", body, token, { id: requestId })));

  it("takes a response by multipart (201) and by JSON with an upload id, lists it for the team (reads logged) and the vendor, and marks the secrets for a member off the team", async () => {
    const requestId = await request();
    const vendorToken = (await createApiToken(t.db, viktor.id, "svar")).token;
    const form = new FormData();
    const fields = { text: "Hemmelig arbeidsflyt.", textConfidential: "true", textConfidentialReason: "Under patentering", intent: "submit", documentConfidential: "true", documentConfidentialReason: "Arkitektur" };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new File([new Uint8Array(SAMPLE_FILES.pdf)], "flyt.pdf"));
    const created = await respond(apiAction(await routeArgs(`/api/v1/effort-requests/${requestId}/responses`, { method: "POST", body: form, headers: { Authorization: `Bearer ${vendorToken}` }, params: { id: requestId } })));
    expect(created.status).toBe(201);
    const { id: responseId, url } = await created.json();
    expect(url).toBe(`/effort-requests/${requestId}/response`);

    const mine = await (await apiGet(requestId, vendorToken)).json();
    expect(mine.role).toBe("vendor");
    expect(mine.items).toMatchObject([{ id: responseId, versions: [{ version: 1, status: "submitted", text: "Hemmelig arbeidsflyt." }] }]);
    const uploadId = mine.items[0].versions[0].documents[0].fileId;
    const amended = await apiPost(requestId, { text: "Versjon 2.", textConfidential: true, textConfidentialReason: "Under patentering", submit: true, documents: [{ uploadId, confidential: true, confidentialReason: "Arkitektur" }] }, vendorToken);
    expect(amended.status).toBe(201);
    expect(await amended.json()).toMatchObject({ id: responseId, version: 2, status: "submitted" });
    const draft = await apiPost(requestId, { text: "Utkast til versjon 3." }, vendorToken);
    expect(await draft.json()).toMatchObject({ version: 3, status: "draft" });

    // The sender is on the request's team: every part, each secret read logged once.
    const sigridToken = (await createApiToken(t.db, sigrid.id, "svar")).token;
    const all = await (await apiGet(requestId, sigridToken)).json();
    expect(all).toMatchObject({ role: "buyer", items: [{ id: responseId, version: 2, text: "Versjon 2.", documents: [{ name: "flyt.pdf", confidential: true }] }] });
    expect(all.items[0].documents[0].url).toBe(`/responses/${responseId}/documents/${all.items[0].documents[0].id}`);
    expect(await readsOf(responseId)).toEqual([{ readerName: "Sigrid Sender", part: "text", outcome: "read", partLabel: "" }]);

    // A member off the team sees the marks and reasons, not the secrets, and nothing is logged.
    const bjarneToken = (await createApiToken(t.db, bjarne.id, "svar")).token;
    const marked = await (await apiGet(requestId, bjarneToken)).json();
    expect(marked.items).toMatchObject([{ text: null, textConfidentialReason: "Under patentering", documents: [{ name: null, confidential: true }] }]);
    expect(await readsOf(responseId)).toHaveLength(1);

    const log = await respond(accessLogLoader(await jsonRequest(`/api/v1/responses/${responseId}/access-log`, "GET", undefined, vendorToken, { id: responseId })));
    expect((await log.json()).items).toMatchObject([{ readerName: "Sigrid Sender", part: "text", outcome: "read" }]);
  });

  it("answers 404 to a vendor the request was not sent to and another buyer, 403 to the buyer posting, 409 after the deadline, 422 after declining: nothing stored", async () => {
    const requestId = await request();
    const tokenOf = async (p: Person) => (await createApiToken(t.db, p.id, "svar")).token;
    const [kariToken, hanneToken, bjarneToken, viktorToken] = [await tokenOf(kari), await tokenOf(hanne), await tokenOf(bjarne), await tokenOf(viktor)];
    const before = await counts();
    for (const token of [kariToken, hanneToken]) {
      expect((await apiGet(requestId, token)).status).toBe(404);
      expect((await apiPost(requestId, { text: "Uoppfordret.", submit: true }, token)).status).toBe(token === kariToken ? 404 : 403);
    }
    expect((await apiPost(requestId, { text: "Fra kjøper.", submit: true }, bjarneToken)).status).toBe(403);
    expect((await apiGet(crypto.randomUUID(), viktorToken)).status).toBe(404);
    expect((await apiGet("ikke-en-id", viktorToken)).status).toBe(404);

    const late = await request({ deadline: new Date(Date.now() - DAY) });
    const refused = await apiPost(late, { text: "For sent.", submit: true }, viktorToken);
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors).toMatchObject([{ code: "response_deadline_passed" }]);
    const declined = await request();
    await t.db.updateTable("effortRequestRecipients").set({ status: "declined", respondedAt: new Date(), declineReason: "Ikke kapasitet" }).where("requestId", "=", declined).execute();
    const no = await apiPost(declined, { text: "Likevel.", submit: true }, viktorToken);
    expect(no.status).toBe(422);
    expect((await no.json()).errors).toMatchObject([{ code: "request_declined" }]);
    expect(await counts()).toEqual(before);
  });
});

describe("authorization", () => {
  /** Organisation A's effort request (sent by its admin) to the outsider's vendor, with its submitted response; the arguments for `path`. */
  const withResponse = (path: (requestId: string, responseId: string, documentId: string) => string) => async (world: Parameters<typeof effortRequestWithResponse>[1], cookie: string | undefined) => {
    const { requestId, responseId, documentId } = await effortRequestWithResponse(t.db, world);
    return routeArgs(path(requestId, responseId, documentId), { cookie, params: { id: requestId, responseId, documentId } });
  };
  authorizationMatrix(() => t.db, [
    {
      // The outsider is the vendor the request went to (its own response); the buyer's members list them; the operator is no one here.
      route: "GET /api/v1/effort-requests/:id/responses",
      call: apiLoader,
      request: withResponse((q) => `/api/v1/effort-requests/${q}/responses`),
      expect: { anonymous: 401, outsider: "ok", member: "ok", admin: "ok", operator: 404 },
    },
    {
      // The outsider is the vendor the request went to; the admin sent it (the team), the member is not on the team.
      route: "GET /effort-requests/:id/response (the vendor's page)",
      call: responseLoader,
      request: withResponse((q) => `/effort-requests/${q}/response`),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: 403, operator: "register" },
    },
    {
      route: "GET /effort-requests/:id/responses (organisation A's request)",
      call: tableLoader,
      request: withResponse((q) => `/effort-requests/${q}/responses`),
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "GET /effort-requests/:id/responses/:responseId",
      call: vendorViewLoader,
      request: withResponse((q, r) => `/effort-requests/${q}/responses/${r}`),
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "GET /responses/:responseId/documents/:documentId (a secret document of an effort request's response)",
      call: downloadLoader,
      request: withResponse((_q, r, d) => `/responses/${r}/documents/${d}`),
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: "ok", operator: 404 },
    },
    {
      route: "GET /effort-requests/:id/documents (the buyer's documents page)",
      call: documentsLoader,
      request: withResponse((q) => `/effort-requests/${q}/documents`),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /effort-requests/:id/documents/:documentId",
      call: requestDocumentLoader,
      request: async (world, cookie) => {
        const { requestId } = await effortRequestWithResponse(t.db, world);
        const stored = await t.db.insertInto("storedFiles").values({ organisationId: world.organisation.id, name: "a.txt", kind: "txt", mediaType: "text/plain", sizeBytes: 2, sha256: "0".repeat(64) }).returning("id").executeTakeFirstOrThrow();
        await t.db.insertInto("fileContents").values({ fileId: stored.id, bytes: new Uint8Array([104, 105]) }).execute();
        const documentId = crypto.randomUUID();
        await t.db.insertInto("effortRequestDocuments").values({ id: documentId, requestId, seriesId: documentId, version: 1, documentType: "minutes", title: "Referat", changeNote: null, fileId: stored.id, uploadedBy: null }).execute();
        return routeArgs(`/effort-requests/${requestId}/documents/${documentId}`, { cookie, params: { id: requestId, documentId } });
      },
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: 404 },
    },
  ]);
});
