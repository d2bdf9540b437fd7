import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { sha256Hex } from "~/models/stored-files.server";
import { action as documentsAction, loader as documentsLoader } from "~/routes/events.$eventId_.documents";
import { loader as downloadLoader } from "~/routes/events.$eventId_.documents_.$documentId";
import { loader as eventLoader } from "~/routes/events.$eventId/route";
import { action as apiAction, loader as apiLoader } from "~/routes/api.v1.events.$eventId.documents";
import { createApiToken } from "~/models/api-tokens.server";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";
import { routeArgs } from "../fixtures/requests";

// Event documents (issue 17) through the routes and the real database: the buyer's members
// attach them, a new version of a published event's document is an amendment told to the
// vendors taking part, downloads follow the event's visibility, and hostile files are
// refused with nothing stored.

const t = setupTestDatabase();

let berit: Person; // Bergvik kommune, admin
let bjarne: Person; // Bergvik kommune, member
let hanne: Person; // another buyer's admin
let viktor: Person; // vendor taking part
let bergvik: { id: string };
let vendor: { id: string };

const fields = { documentType: "questionnaire", title: "Spørreskjema for RFI", changeNote: "" };

function upload(eventId: string, file: { name: string; bytes: Uint8Array } | null, values: Record<string, string> = fields, who: Person | undefined = berit) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: "application/octet-stream" }));
  return routeArgs(`/events/${eventId}/documents`, { method: "POST", body: form, cookie: who?.cookie, params: { eventId } });
}

const post = async (...args: Parameters<typeof upload>) => respond(documentsAction(await upload(...args)));
const documentsOf = (eventId: string) => t.db.selectFrom("eventDocuments").selectAll().where("eventId", "=", eventId).orderBy("version").execute();
const download = async (eventId: string, documentId: string, who?: Person) =>
  respond(downloadLoader(await routeArgs(`/events/${eventId}/documents/${documentId}`, { cookie: who?.cookie, params: { eventId, documentId } })));

async function draftEvent() {
  const id = await insertPilot(t.db, bergvik.id, { title: "Utkast: sengesensorer" });
  await t.db.updateTable("events").set({ status: "draft", publishedAt: null }).where("id", "=", id).execute();
  return id;
}

beforeAll(async () => {
  [berit, bjarne, hanne, viktor] = await Promise.all([
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Bjarne Medlem" }),
    createPerson(t.db, { name: "Hanne HF" }),
    createPerson(t.db, { name: "Viktor Leverandør" }),
  ]);
  bergvik = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }, { person: bjarne, role: "member" }], { verified: true, name: "Bergvik kommune" });
  await createOrganisationWith(t.db, [{ person: hanne, role: "admin" }], { verified: true, name: "Helse Fjord HF" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
});

describe("attaching documents", () => {
  it("stores a document a member attaches, lists it on the event page, and serves it as an attachment of its type", async () => {
    const eventId = await insertPilot(t.db, bergvik.id);
    const saved = await post(eventId, { name: "Spørreskjema.docx", bytes: SAMPLE_FILES.docx }, fields, bjarne);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/events/${eventId}/documents?saved=1`);
    const [document] = await documentsOf(eventId);
    expect(document).toMatchObject({ version: 1, documentType: "questionnaire", title: "Spørreskjema for RFI", amendmentId: null });

    const page = await respond(eventLoader(await routeArgs(`/events/${eventId}`, { params: { eventId } })));
    const data = await page.json();
    expect(data.documents).toMatchObject([{ documentType: "questionnaire", current: { id: document!.id, version: 1, file: { name: "Spørreskjema.docx", kind: "docx" } }, earlier: [] }]);

    const file = await download(eventId, document!.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file.headers.get("Content-Disposition")).toBe(`attachment; filename="Sporreskjema.docx"; filename*=UTF-8''Sp%C3%B8rreskjema.docx`);
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(sha256Hex(new Uint8Array(await file.arrayBuffer()))).toBe(sha256Hex(SAMPLE_FILES.docx));
  });

  it("makes a new version of a published event's document an amendment, told to the vendors taking part", async () => {
    const eventId = await insertPilot(t.db, bergvik.id);
    await t.db.insertInto("registrations").values({ eventId, organisationId: vendor.id, status: "registered" }).execute();
    await post(eventId, { name: "skjema.pdf", bytes: SAMPLE_FILES.pdf });
    const [first] = await documentsOf(eventId);

    // A new version must say what changed.
    const unexplained = await post(eventId, { name: "skjema-v2.pdf", bytes: SAMPLE_FILES.pdf }, { ...fields, replaces: first!.id });
    expect(unexplained.status).toBe(400);
    expect((await unexplained.json()).errors).toEqual({ changeNote: ["change_note_required"] });

    const amended = await post(eventId, { name: "skjema-v2.pdf", bytes: SAMPLE_FILES.pdf }, { ...fields, documentType: "minutes", replaces: first!.id, changeNote: "Nytt spørsmål om HelseID." });
    expect(amended.headers.get("Location")).toBe(`/events/${eventId}/documents?amended=1`);
    const versions = await documentsOf(eventId);
    expect(versions.map((v) => [v.version, v.seriesId, v.documentType])).toEqual([
      [1, first!.id, "questionnaire"],
      [2, first!.id, "questionnaire"],
    ]);
    const amendment = await t.db.selectFrom("eventAmendments").select(["id", "reason", "changes"]).where("eventId", "=", eventId).executeTakeFirstOrThrow();
    expect(amendment).toMatchObject({
      id: versions[1]!.amendmentId,
      reason: "Nytt spørsmål om HelseID.",
      changes: [{ field: "documents.questionnaire", before: "Spørreskjema for RFI · v1 · skjema.pdf", after: "Spørreskjema for RFI · v2 · skjema-v2.pdf" }],
    });
    const mail = await t.db.selectFrom("outbox").select(["template", "text"]).where("toAddress", "=", viktor.email).where("template", "=", "event-amended").executeTakeFirstOrThrow();
    expect(mail.text).toContain("Nytt spørsmål om HelseID.");
    expect(mail.text).toContain("skjema-v2.pdf");
  });

  it("attaches new versions of a draft's document without an amendment", async () => {
    const eventId = await draftEvent();
    await post(eventId, { name: "behov.odt", bytes: SAMPLE_FILES.odt }, { ...fields, documentType: "needs_description" });
    const [first] = await documentsOf(eventId);
    await post(eventId, { name: "behov.odt", bytes: SAMPLE_FILES.odt }, { ...fields, replaces: first!.id, changeNote: "Rettet skrivefeil." });
    expect((await documentsOf(eventId)).map((d) => [d.version, d.amendmentId])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(await t.db.selectFrom("eventAmendments").select("id").where("eventId", "=", eventId).execute()).toEqual([]);
  });
});

describe("hostile files and people (nothing stored)", () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await insertPilot(t.db, bergvik.id);
  });
  const storedCount = async () => (await t.db.selectFrom("storedFiles").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

  it.each([
    ["a program named as a PDF", { name: "tilbud.pdf", bytes: SAMPLE_FILES.exe }, 400, "file_type_not_allowed"],
    ["a picture named as a PDF", { name: "tilbud.pdf", bytes: SAMPLE_FILES.png }, 400, "file_type_mismatch"],
    ["a plain zip named as a Word document", { name: "svar.docx", bytes: SAMPLE_FILES.zip }, 400, "file_type_not_allowed"],
    ["an empty file", { name: "tom.pdf", bytes: new Uint8Array() }, 400, "file_empty"],
    ["a name with control characters", { name: "svar\u0007.pdf", bytes: SAMPLE_FILES.pdf }, 400, "file_name_invalid"],
    ["a file one byte over the limit", { name: "stor.pdf", bytes: new Uint8Array([...SAMPLE_FILES.pdf, ...new Uint8Array(MAX_FILE_BYTES + 1 - SAMPLE_FILES.pdf.length)]) }, 413, "file_too_large"],
  ] as const)("refuses %s by the file field", async (_name, file, status, code) => {
    const before = await storedCount();
    const refused = await post(eventId, file);
    expect(refused.status).toBe(status);
    expect((await refused.json()).errors).toEqual({ file: [code] });
    expect(await storedCount()).toBe(before);
    expect(await documentsOf(eventId)).toEqual([]);
  });

  it("refuses a form without a file, and one without a title, by their fields", async () => {
    const missing = await post(eventId, null);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual({ file: ["file_missing"] });
    const untitled = await post(eventId, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, { ...fields, title: " \u200b " });
    expect((await untitled.json()).errors).toEqual({ title: ["required"] });
  });

  it("refuses a body far over the limit before reading it (413)", async () => {
    const args = await routeArgs(`/events/${eventId}/documents`, {
      method: "POST",
      body: "x",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(MAX_FILE_BYTES * 2) },
      cookie: berit.cookie,
      params: { eventId },
    });
    expect((await respond(documentsAction(args))).status).toBe(413);
  });

  it("keeps only the last segment of a path-ish name (RFC 7578), never a path", async () => {
    const before = await storedCount();
    for (const name of ["../../etc/passwd.txt", "C:\\Users\\berit\\svar.txt"]) {
      expect((await post(eventId, { name, bytes: SAMPLE_FILES.txt })).status).toBe(302);
    }
    const names = await t.db.selectFrom("storedFiles").select("name").orderBy("createdAt", "desc").limit(2).execute();
    expect(names.map((n) => n.name).sort()).toEqual(["passwd.txt", "svar.txt"]);
    expect(await storedCount()).toBe(before + 2);
  });

  it("refuses another buyer's admin and a vendor (403), and a replaced document from another event", async () => {
    const before = await storedCount();
    expect((await post(eventId, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, fields, hanne)).status).toBe(403);
    expect((await post(eventId, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, fields, viktor)).status).toBe(403);
    const other = await insertPilot(t.db, bergvik.id);
    await post(other, { name: "annen.pdf", bytes: SAMPLE_FILES.pdf });
    const [foreign] = await documentsOf(other);
    const afterOther = await storedCount();
    expect(afterOther).toBe(before + 1);
    const crossed = await post(eventId, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, { ...fields, replaces: foreign!.id, changeNote: "x" });
    expect(crossed.status).toBe(400);
    expect((await crossed.json()).errors).toEqual({ replaces: ["invalid_choice"] });
    expect(await storedCount()).toBe(afterOther);
    // Nor is the other event's document reached through this one's address.
    expect((await download(eventId, foreign!.id)).status).toBe(404);
  });
});

describe("downloads follow the event's visibility", () => {
  it("serves a draft's document to its buyer's members only (404 for anyone else)", async () => {
    const eventId = await draftEvent();
    await post(eventId, { name: "utkast.xlsx", bytes: SAMPLE_FILES.xlsx }, { ...fields, documentType: "draft_tender_documents" });
    const [document] = await documentsOf(eventId);
    const mine = await download(eventId, document!.id, bjarne);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Cache-Control")).toBe("private, no-store");
    for (const who of [undefined, hanne, viktor]) expect((await download(eventId, document!.id, who)).status).toBe(404);
    expect((await download(eventId, "not-a-uuid")).status).toBe(404);
  });
});

describe("authorization", () => {
  const request = (method: "GET" | "POST", draft = false) => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    const eventId = await insertPilot(t.db, world.organisation.id);
    if (draft) await t.db.updateTable("events").set({ status: "draft", publishedAt: null }).where("id", "=", eventId).execute();
    if (method === "GET") return routeArgs(`/events/${eventId}/documents`, { cookie, params: { eventId } });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new File([SAMPLE_FILES.pdf], "skjema.pdf"));
    return routeArgs(`/events/${eventId}/documents`, { method: "POST", body: form, cookie, params: { eventId } });
  };
  const downloadRequest = (draft: boolean) => async (world: { organisation: { id: string } }, cookie: string | undefined) => {
    const eventId = await insertPilot(t.db, world.organisation.id);
    const [admin] = await t.db.selectFrom("memberships").select("userId").where("organisationId", "=", world.organisation.id).where("role", "=", "admin").limit(1).execute();
    const { addEventDocument } = await import("~/models/event-documents.server");
    const added = await addEventDocument(t.db, { id: admin!.userId }, eventId, { documentType: "minutes", title: "Referat", changeNote: null }, { name: "referat.txt", bytes: SAMPLE_FILES.txt }, { baseUrl: "http://localhost" });
    if (!added.ok) throw new Error(JSON.stringify(added));
    if (draft) await t.db.updateTable("events").set({ status: "draft", publishedAt: null }).where("id", "=", eventId).execute();
    return routeArgs(`/events/${eventId}/documents/${added.value.id}`, { cookie, params: { eventId, documentId: added.value.id } });
  };
  authorizationMatrix(() => t.db, [
    {
      route: "GET /events/:eventId/documents (organisation A's published event)",
      call: documentsLoader,
      request: request("GET"),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/documents (organisation A's draft)",
      call: documentsLoader,
      request: request("GET", true),
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "POST /events/:eventId/documents (attach to organisation A's event)",
      call: documentsAction,
      request: request("POST"),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "GET /events/:eventId/documents/:documentId (published event: public)",
      call: downloadLoader,
      request: downloadRequest(false),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /events/:eventId/documents/:documentId (draft: its buyer's members only)",
      call: downloadLoader,
      request: downloadRequest(true),
      expect: { anonymous: 404, outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
  ]);
});

describe("the API: /api/v1/events/{id}/documents", () => {
  const apiPost = async (eventId: string, token: string, file: { name: string; bytes: Uint8Array }, values: Record<string, string> = fields) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(values)) form.append(name, value);
    form.append("file", new File([new Uint8Array(file.bytes)], file.name));
    return respond(apiAction(await routeArgs(`/api/v1/events/${eventId}/documents`, { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` }, params: { eventId } })));
  };

  it("attaches a document by multipart (201) and lists it with its download address; refuses a lying file (400) and an oversize one (413)", async () => {
    const eventId = await insertPilot(t.db, bergvik.id);
    const token = (await createApiToken(t.db, berit.id, "dokumenter")).token;
    const created = await apiPost(eventId, token, { name: "presentasjon.pdf", bytes: SAMPLE_FILES.pdf }, { ...fields, documentType: "presentation", title: "Presentasjon" });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ version: 1, amendmentId: null, url: `/events/${eventId}/documents/${body.id}` });

    const lying = await apiPost(eventId, token, { name: "presentasjon.pdf", bytes: SAMPLE_FILES.exe });
    expect(lying.status).toBe(400);
    expect((await lying.json()).errors).toMatchObject([{ path: "file", code: "file_type_not_allowed" }]);
    const oversize = await apiPost(eventId, token, { name: "stor.pdf", bytes: new Uint8Array(MAX_FILE_BYTES + 1) });
    expect(oversize.status).toBe(413);

    const listed = await respond(apiLoader(await routeArgs(`/api/v1/events/${eventId}/documents`, { params: { eventId } })));
    expect((await listed.json()).items).toMatchObject([{ documentType: "presentation", current: { id: body.id, url: body.url, file: { name: "presentasjon.pdf", kind: "pdf" } }, earlier: [] }]);
  });

  it("refuses another buyer's token (403) and hides a draft's documents from anyone outside it (404)", async () => {
    const eventId = await draftEvent();
    const other = (await createApiToken(t.db, hanne.id, "annen")).token;
    expect((await apiPost(eventId, other, { name: "a.pdf", bytes: SAMPLE_FILES.pdf })).status).toBe(404);
    const published = await insertPilot(t.db, bergvik.id);
    expect((await apiPost(published, other, { name: "a.pdf", bytes: SAMPLE_FILES.pdf })).status).toBe(403);
    expect((await respond(apiLoader(await routeArgs(`/api/v1/events/${eventId}/documents`, { params: { eventId } })))).status).toBe(404);
  });
});
