import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "~/models/event-responses.server";
import { loader as responseLoader } from "~/routes/events.$eventId_.response/route";
import { loader as downloadLoader } from "~/routes/responses.$responseId.documents.$documentId";
import { loader as vendorViewLoader } from "~/routes/events.$eventId_.responses_.$responseId/route";
import { loader as apiLoader } from "~/routes/api.v1.events.$eventId.responses";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { respond, type Person } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";
import { createResponsePeople } from "../fixtures/response-people";

// The read log of secret parts (issue 17, ADR 0036) records who read what on which days, not
// every page view: the same person reading the same part of the same version is logged once
// per day in Oslo, a refused attempt likewise; the vendor sees the first read of each day.

const t = setupTestDatabase();

let berit: Person; // Bergvik kommune, admin: the team while none is named
let bjarne: Person; // Bergvik kommune, member outside the team
let viktor: Person; // Nordlys Helse AS
let bergvik: { id: string };
let nordlys: { id: string };

beforeAll(async () => {
  ({ berit, bjarne, viktor, bergvik, nordlys } = await createResponsePeople(t.db));
});

const get = async (loader: (args: never) => unknown, path: string, params: Record<string, string>, who: Person) => respond(loader((await routeArgs(path, { cookie: who.cookie, params })) as never));

async function secretResponse() {
  const { id: eventId } = await t.db
    .insertInto("events")
    .values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI om lesing", description: "", responseDeadline: new Date(Date.now() + 86_400_000), effortLevel: "none", ...ipTermsColumns() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const saved = await saveResponse(t.db, viktor, nordlys.id, eventId, {
    input: { text: "Prisen er 12 kr per pasient.", textConfidential: true, textConfidentialReason: "Prismodell", confidential: false },
    uploads: [{ upload: { name: "pris.pdf", bytes: SAMPLE_FILES.pdf }, confidential: true, confidentialReason: "Prismodell" }],
    submit: true,
  }, { baseUrl: "http://localhost" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const document = await t.db.selectFrom("eventResponseDocuments as d").innerJoin("eventResponseVersions as v", "v.id", "d.versionId").select("d.id").where("v.responseId", "=", saved.value.responseId).executeTakeFirstOrThrow();
  return { eventId, responseId: saved.value.responseId, documentId: document.id };
}

const readsOf = (responseId: string) =>
  t.db.selectFrom("eventResponseReads").select(["readerName", "part", "partLabel", "outcome", "at"]).where("responseId", "=", responseId).orderBy("at").orderBy("partLabel").orderBy("readerName").execute();

describe("the read log of secret parts", () => {
  it("logs a person's reads of a part once a day, however often the page is opened, and again the next day", async () => {
    const { eventId, responseId, documentId } = await secretResponse();
    const view = () => get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit);
    const download = (who: Person) => get(downloadLoader, `/responses/${responseId}/documents/${documentId}`, { responseId, documentId }, who);

    // Berit (the team) opens the per-vendor view three times, the API once, and downloads the document twice.
    for (let i = 0; i < 3; i++) expect((await view()).status).toBe(200);
    expect((await get(apiLoader, `/api/v1/events/${eventId}/responses`, { eventId }, berit)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await download(berit)).status).toBe(200);
    // Bjarne (outside the team) is refused the document twice.
    for (let i = 0; i < 2; i++) expect((await download(bjarne)).status).toBe(403);
    const today = await readsOf(responseId);
    expect(today.map(({ at: _, ...r }) => r)).toEqual([
      { readerName: "Berit Innkjøp", part: "text", partLabel: "", outcome: "read" },
      { readerName: "Berit Innkjøp", part: "document", partLabel: "pris.pdf", outcome: "read" },
      { readerName: "Bjarne Medlem", part: "document", partLabel: "pris.pdf", outcome: "refused" },
    ]);

    // The vendor sees each of them once, with the time of the first read.
    const page = await (await get(responseLoader, `/events/${eventId}/response`, { eventId }, viktor)).json();
    expect(page.response.reads.map((r: { readerName: string; part: string; outcome: string; at: string }) => [r.readerName, r.part, r.outcome, new Date(r.at).getTime()])).toEqual(
      [...today].reverse().map((r) => [r.readerName, r.part, r.outcome, r.at.getTime()]),
    );

    // A day later (the rows moved back a day): the same reads are logged again, once.
    await t.db
      .updateTable("eventResponseReads")
      .set({ at: sql`at - interval '1 day'` })
      .where("responseId", "=", responseId)
      .execute();
    for (let i = 0; i < 2; i++) expect((await view()).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await download(bjarne)).status).toBe(403);
    const later = (await readsOf(responseId)).slice(3);
    expect(later.map((r) => [r.readerName, r.part, r.outcome])).toEqual([
      ["Berit Innkjøp", "text", "read"],
      ["Bjarne Medlem", "document", "refused"],
    ]);
  });

  it("logs a read of a new version apart from the version before it", async () => {
    const { eventId, responseId } = await secretResponse();
    expect((await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit)).status).toBe(200);
    const amended = await saveResponse(t.db, viktor, nordlys.id, eventId, {
      input: { text: "Prisen er 11 kr per pasient.", textConfidential: true, textConfidentialReason: "Prismodell", confidential: false },
      uploads: [],
      submit: true,
    }, { baseUrl: "http://localhost" });
    expect(amended.ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await get(vendorViewLoader, `/events/${eventId}/responses/${responseId}`, { eventId, responseId }, berit)).status).toBe(200);
    const reads = await t.db.selectFrom("eventResponseReads").select(["version", "part"]).where("responseId", "=", responseId).orderBy("version").execute();
    expect(reads).toEqual([
      { version: 1, part: "text" },
      { version: 2, part: "text" },
    ]);
  });
});
