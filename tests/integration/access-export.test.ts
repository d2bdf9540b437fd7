import { beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "@db/jsonb";
import { readTar } from "~/domain/tar";
import { addEventDocument } from "~/models/event-documents.server";
import { makeAccessExport } from "~/models/access-export.server";
import { saveResponse, saveResponseTo } from "~/models/event-responses.server";
import { sha256Hex } from "~/models/stored-files.server";
import { action as exportAction, loader as exportLoader } from "~/routes/events.$eventId_.access-export";
import { loader as tableLoader } from "~/routes/events.$eventId_.responses/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { respond, type Person } from "../fixtures/people";
import { createResponsePeople, insertEffortRequest, rfiWithResponse } from "../fixtures/response-people";
import { formRequest, routeArgs } from "../fixtures/requests";

// The access export (innsyn, ADR 0037) through the route and the real database: one tar archive
// with an index, the event, amendments, public Q&A, the event's documents and each vendor's latest
// submitted response, every part a vendor marked as a business secret left out and listed with its
// reason; an audit-log entry; each responding vendor's admins told once per export, without who asked
// or any content; the buyer's admins only (403 for its members, 404 for anyone else).

const t = setupTestDatabase();
const DAY = 86_400_000;

let berit: Person; // Bergvik kommune, admin
let bjarne: Person; // Bergvik kommune, member
let hanne: Person; // another buyer
let viktor: Person; // Nordlys Helse AS, admin
let kari: Person; // Konkurrent AS, admin
let bergvik: { id: string };
let nordlys: { id: string };
let konkurrent: { id: string };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function rfi() {
  const row = await t.db
    .insertInto("events")
    .values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI om hjemmeoppfølging", description: "Vi vil høre om løsninger.", responseDeadline: new Date(Date.now() + 20 * DAY), effortLevel: "none", ...ipTermsColumns() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function exportAs(eventId: string, who?: Person) {
  return respond(exportAction((await formRequest(`/events/${eventId}/access-export`, {}, { cookie: who?.cookie, params: { eventId } })) as never));
}

beforeAll(async () => {
  ({ berit, bjarne, hanne, viktor, kari, bergvik, nordlys, konkurrent } = await createResponsePeople(t.db));
});

/** An RFI with a document, an amendment, an answered question, and two responses with secret parts. */
async function fullEvent() {
  const eventId = await rfi();
  const doc = await addEventDocument(t.db, berit, eventId, { documentType: "questionnaire", title: "Spørreskjema", changeNote: "" }, { name: "skjema.pdf", bytes: SAMPLE_FILES.pdf }, { baseUrl: "http://localhost" });
  expect(doc.ok).toBe(true);
  await t.db.insertInto("eventAmendments").values({ eventId, byUserId: berit.id, reason: "Ny frist", changes: jsonb([{ field: "responseDeadline", before: "1. mars", after: "15. mars" }]) }).execute();
  await t.db.insertInto("eventQuestions").values({ eventId, organisationId: nordlys.id, askedBy: viktor.id, originalText: "Hvem spør? Viktor.", publishedText: "Støttes FHIR?", answer: "Ja, R4.", answeredAt: new Date() }).execute();
  const viktors = await saveResponse(t.db, viktor, nordlys.id, eventId, {
    input: { text: "Hemmelig prismodell: 12 kr per pasient.", textConfidential: true, textConfidentialReason: "Prismodellen er vår konkurransefordel", confidential: false },
    uploads: [
      { upload: { name: "arkitektur.pdf", bytes: SAMPLE_FILES.pdf }, confidential: true, confidentialReason: "Viser vår arkitektur" },
      { upload: { name: "brosjyre.txt", bytes: SAMPLE_FILES.txt }, confidential: false, confidentialReason: null },
    ],
    submit: true,
  }, { baseUrl: "http://localhost" });
  expect(viktors.ok).toBe(true);
  const karis = await saveResponse(t.db, kari, konkurrent.id, eventId, {
    input: { text: "Alt her er hemmelig: samarbeid med Hemmelig Partner AS.", textConfidential: false, confidential: true, confidentialReason: "Hele svaret avslører strategien" },
    uploads: [{ upload: { name: "strategi.txt", bytes: new TextEncoder().encode("Strategien vår") }, confidential: false, confidentialReason: null }],
    submit: true,
  }, { baseUrl: "http://localhost" });
  expect(karis.ok).toBe(true);
  return eventId;
}

describe("the access export", () => {
  it("answers one archive with an index, the event's parts and the responses without their secrets, each secret listed with its reason", async () => {
    const eventId = await fullEvent();
    const answer = await exportAs(eventId, berit);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/x-tar");
    expect(answer.headers.get("Content-Disposition")).toContain(`attachment; filename="innsyn-${eventId}.tar"`);
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    const entries = readTar(new Uint8Array(await answer.arrayBuffer()));
    const names = entries.map((e) => e.name);
    // The response's two documents are numbered in stored order (added in one transaction: either way round).
    const brochure = names.find((n) => n.endsWith("-brosjyre.txt"))!;
    const secretNumber = brochure.includes("/01-") ? 2 : 1;
    expect(names).toEqual([
      "index.txt",
      "arrangement.json",
      "endringer.json",
      "sporsmal-og-svar.json",
      "dokumenter/01-v1-skjema.pdf",
      "svar/01-Konkurrent_AS/svar.json",
      "svar/02-Nordlys_Helse_AS/svar.json",
      `svar/02-Nordlys_Helse_AS/0${3 - secretNumber}-brosjyre.txt`,
    ]);
    const byName = (name: string) => entries.find((e) => e.name === name)!.bytes;

    const index = text(byName("index.txt"));
    expect(index).toContain("Innsynsutlevering: RFI om hjemmeoppfølging");
    for (const name of names.slice(1)) expect(index).toContain(`- ${name}: `);
    expect(index).toContain("- Konkurrent AS: hele svaret. Begrunnelse: Hele svaret avslører strategien");
    expect(index).toContain("- Nordlys Helse AS: fritekst. Begrunnelse: Prismodellen er vår konkurransefordel");
    expect(index).toContain(`- Nordlys Helse AS: dokument nr. ${secretNumber}. Begrunnelse: Viser vår arkitektur`);

    const event = JSON.parse(text(byName("arrangement.json")));
    expect(event).toMatchObject({ id: eventId, title: "RFI om hjemmeoppfølging", description: "Vi vil høre om løsninger." });
    expect(Object.keys(event)).not.toContain("searchDocument");
    expect(JSON.parse(text(byName("endringer.json")))).toMatchObject([{ reason: "Ny frist", changes: [{ field: "responseDeadline" }] }]);
    expect(JSON.parse(text(byName("sporsmal-og-svar.json")))).toEqual([{ question: "Støttes FHIR?", answer: "Ja, R4.", answeredAt: expect.any(String) }]);
    expect(sha256Hex(byName("dokumenter/01-v1-skjema.pdf"))).toBe(sha256Hex(SAMPLE_FILES.pdf));
    expect(JSON.parse(text(byName("svar/02-Nordlys_Helse_AS/svar.json")))).toMatchObject({ vendor: { name: "Nordlys Helse AS" }, version: 1, text: null, withheldText: true });
    expect(JSON.parse(text(byName("svar/01-Konkurrent_AS/svar.json")))).toMatchObject({ vendor: { name: "Konkurrent AS" }, text: null });
    expect(text(byName(brochure))).toBe(text(SAMPLE_FILES.txt));

    // No secret, nor the asker of a question, anywhere in the archive.
    const everything = entries.map((e) => text(e.bytes)).join("\n");
    for (const secret of ["12 kr per pasient", "Hemmelig Partner", "Strategien vår", "arkitektur.pdf", "strategi.txt", "Hvem spør"]) expect(everything).not.toContain(secret);
  });

  it("holds the responses to the effort requests in the event, latest submission each, their secrets left out and listed with the request and the reason", async () => {
    const eventId = await rfi();
    const requestId = await insertEffortRequest(t.db, { buyerId: bergvik.id, requestedBy: berit.id, recipients: [nordlys.id, konkurrent.id], eventId, title: "Demo av legemiddelmodulen" });
    // A request outside the event is not part of its export.
    const elsewhere = await insertEffortRequest(t.db, { buyerId: bergvik.id, requestedBy: berit.id, recipients: [nordlys.id], title: "Frittstående forespørsel" });
    const save = async (who: Person, organisationId: string, id: string, change: Omit<Parameters<typeof saveResponseTo>[4], "submit">, submit = true) =>
      expect((await saveResponseTo(t.db, who, organisationId, { kind: "effort_request", id }, { ...change, submit }, { baseUrl: "http://localhost" })).ok).toBe(true);
    await save(viktor, nordlys.id, requestId, { input: { text: "Første versjon.", textConfidential: false, confidential: false }, uploads: [] });
    await save(viktor, nordlys.id, requestId, {
      input: { text: "Hemmelig dosering: trinn 1-2-3.", textConfidential: true, textConfidentialReason: "Doseringslogikken er patentsøkt", confidential: false },
      uploads: [
        { upload: { name: "modul.pdf", bytes: SAMPLE_FILES.pdf }, confidential: true, confidentialReason: "Skjermbilder av uferdig modul" },
        { upload: { name: "demoplan.txt", bytes: SAMPLE_FILES.txt }, confidential: false, confidentialReason: null },
      ],
    });
    // A draft after the submission is the vendor's, not the buyer's.
    await save(viktor, nordlys.id, requestId, { input: { text: "Utkast som ikke er sendt.", textConfidential: false, confidential: false }, uploads: [] }, false);
    await save(kari, konkurrent.id, requestId, { input: { text: "Alt er hemmelig her: Skjult Partner AS.", textConfidential: false, confidential: true, confidentialReason: "Hele svaret er strategisk" }, uploads: [] });
    await save(viktor, nordlys.id, elsewhere, { input: { text: "Svar på en annen forespørsel.", textConfidential: false, confidential: false }, uploads: [] });

    const answer = await exportAs(eventId, berit);
    expect(answer.status).toBe(200);
    const entries = readTar(new Uint8Array(await answer.arrayBuffer()));
    const names = entries.map((e) => e.name);
    expect(names.filter((n) => n.startsWith("foresporsler-om-innsats/"))).toEqual([
      "foresporsler-om-innsats/01-01-Konkurrent_AS/svar.json",
      "foresporsler-om-innsats/01-02-Nordlys_Helse_AS/svar.json",
      expect.stringMatching(/^foresporsler-om-innsats\/01-02-Nordlys_Helse_AS\/0[12]-demoplan\.txt$/),
    ]);
    const byName = (name: string) => entries.find((e) => e.name === name)!.bytes;
    const nordlysResponse = JSON.parse(text(byName("foresporsler-om-innsats/01-02-Nordlys_Helse_AS/svar.json")));
    expect(nordlysResponse).toMatchObject({ vendor: { name: "Nordlys Helse AS" }, effortRequest: { id: requestId, title: "Demo av legemiddelmodulen" }, version: 2, text: null, withheldText: true });
    expect(JSON.parse(text(byName("foresporsler-om-innsats/01-01-Konkurrent_AS/svar.json")))).toMatchObject({ text: null, withheldText: true });
    const plan = names.find((n) => n.endsWith("-demoplan.txt"))!;
    expect(text(byName(plan))).toBe(text(SAMPLE_FILES.txt));
    const secretNumber = plan.endsWith("/01-demoplan.txt") ? 2 : 1;

    const index = text(byName("index.txt"));
    for (const name of names.slice(1)) expect(index).toContain(`- ${name}: `);
    expect(index).toContain("svaret fra Nordlys Helse AS (svar på forespørselen om innsats «Demo av legemiddelmodulen»), versjon 2");
    expect(index).toContain("- Nordlys Helse AS (svar på forespørselen om innsats «Demo av legemiddelmodulen»): fritekst. Begrunnelse: Doseringslogikken er patentsøkt");
    expect(index).toContain(`- Nordlys Helse AS (svar på forespørselen om innsats «Demo av legemiddelmodulen»): dokument nr. ${secretNumber}. Begrunnelse: Skjermbilder av uferdig modul`);
    expect(index).toContain("- Konkurrent AS (svar på forespørselen om innsats «Demo av legemiddelmodulen»): hele svaret. Begrunnelse: Hele svaret er strategisk");
    const everything = entries.map((e) => text(e.bytes)).join("\n");
    for (const left of ["trinn 1-2-3", "modul.pdf", "Skjult Partner", "Utkast som ikke er sendt", "Første versjon", "Frittstående", "annen forespørsel"]) expect(everything).not.toContain(left);

    // In English too; each vendor is told once and led to its response to the request.
    const english = await makeAccessExport(t.db, berit, eventId, "en", "http://localhost");
    if (!english.ok) throw new Error(english.reason);
    const englishIndex = text(readTar(english.value.archive).find((e) => e.name === "index.txt")!.bytes);
    expect(englishIndex).toContain("the response from Nordlys Helse AS (response to the effort request “Demo av legemiddelmodulen”), version 2");
    expect(englishIndex).toContain("- Nordlys Helse AS (response to the effort request “Demo av legemiddelmodulen”): free text. Reason: Doseringslogikken er patentsøkt");
    expect(englishIndex).toContain("- Konkurrent AS (response to the effort request “Demo av legemiddelmodulen”): the whole response. Reason: Hele svaret er strategisk");
    const mails = await t.db.selectFrom("outbox").select(["toAddress", "text"]).where("template", "=", "access-export-made").where("text", "like", `%/effort-requests/${requestId}/response%`).execute();
    expect(mails.map((m) => m.toAddress).sort()).toEqual([kari.email, kari.email, viktor.email, viktor.email].sort());
    const logged = await t.db.selectFrom("auditLog").select("details").where("action", "=", "access_export_made").execute();
    expect(logged.filter((l) => (l.details as { eventId?: string }).eventId === eventId).map((l) => l.details)).toEqual([
      { eventId, responses: 0, requestResponses: 2, withheld: 3 },
      { eventId, responses: 0, requestResponses: 2, withheld: 3 },
    ]);
  });

  it("is logged, and tells each responding vendor's admins once per export, without who asked or any content", async () => {
    const eventId = await fullEvent();
    const before = await t.db.selectFrom("outbox").select("id").where("template", "=", "access-export-made").execute();
    expect((await exportAs(eventId, berit)).status).toBe(200);
    const mails = await t.db.selectFrom("outbox").select(["toAddress", "subject", "text", "html"]).where("template", "=", "access-export-made").where("id", "not in", before.length ? before.map((b) => b.id) : ["00000000-0000-0000-0000-000000000000"]).orderBy("toAddress").execute();
    expect(mails.map((m) => m.toAddress).sort()).toEqual([kari.email, viktor.email].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe("Innsynsutlevering som omfatter svaret deres: RFI om hjemmeoppfølging");
      expect(mail.text).toContain(`/events/${eventId}/response`);
      for (const word of ["Berit", berit.email, "12 kr", "Hemmelig Partner", "Prismodellen"]) {
        expect(mail.text).not.toContain(word);
        expect(mail.html).not.toContain(word);
      }
    }
    const logged = await t.db.selectFrom("auditLog").select(["actorUserId", "organisationId", "details"]).where("action", "=", "access_export_made").where("subject", "=", "RFI om hjemmeoppfølging").execute();
    expect(logged.filter((l) => (l.details as { eventId?: string }).eventId === eventId)).toEqual([
      { actorUserId: berit.id, organisationId: bergvik.id, details: { eventId, responses: 2, requestResponses: 0, withheld: 3 } },
    ]);
  });

  it("is the buyer's admins': its members get 403, other buyers and the vendors 404, nothing logged or sent", async () => {
    const eventId = await fullEvent();
    const outbox = async () => (await t.db.selectFrom("outbox").select("id").where("template", "=", "access-export-made").execute()).length;
    const audits = async () => (await t.db.selectFrom("auditLog").select("id").where("action", "=", "access_export_made").execute()).length;
    const [mailsBefore, auditsBefore] = [await outbox(), await audits()];
    expect((await exportAs(eventId, bjarne)).status).toBe(403);
    expect((await exportAs(eventId, hanne)).status).toBe(404);
    expect((await exportAs(eventId, viktor)).status).toBe(404);
    expect((await exportAs(eventId)).status).toBe(302);
    expect([await outbox(), await audits()]).toEqual([mailsBefore, auditsBefore]);
  });

  it("makes no export on a GET (a link a browser or proxy fetches by itself): it leads to the responses page", async () => {
    const eventId = await fullEvent();
    const count = async () => (await t.db.selectFrom("auditLog").select("id").where("action", "=", "access_export_made").execute()).length;
    const before = await count();
    const answer = await respond(exportLoader((await routeArgs(`/events/${eventId}/access-export`, { cookie: berit.cookie, params: { eventId } })) as never));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/events/${eventId}/responses`);
    expect(await count()).toBe(before);
  });

  it("offers the download to the buyer's admins on the responses page", async () => {
    const eventId = await rfi();
    const page = async (who: Person) => (await respond(tableLoader((await routeArgs(`/events/${eventId}/responses`, { cookie: who.cookie, params: { eventId } })) as never))).json();
    expect((await page(berit)).isAdmin).toBe(true);
    expect((await page(bjarne)).isAdmin).toBe(false);
  });
});

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      // The outsider is a vendor that responded to organisation A's RFI (a secret text and document).
      route: "POST /events/:eventId/access-export",
      call: exportAction,
      request: async (world, cookie) => {
        const { eventId } = await rfiWithResponse(t.db, world);
        return formRequest(`/events/${eventId}/access-export`, {}, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: 403, admin: "ok", operator: 404 },
    },
  ]);
});
