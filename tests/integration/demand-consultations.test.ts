import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { runWatchDigests } from "~/models/watches.server";
import { loader as demandPage } from "~/routes/demand._index";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as watchAtom } from "~/routes/feeds.watches.$token[.atom]";
import { loader as watchIcs } from "~/routes/feeds.watches.$token[.ics]";
import { action as watchesAction, loader as watchesLoader } from "~/routes/watches._index/route";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

// Consultations (issue 18) in /demand's filter and text search, and in watches: their digest
// e-mail and their Atom and iCalendar feeds. A consultation is matched while open, by
// `kind=consultation`, text (title, organiser, case number, summary, questions), the organiser
// as buyer, and a sector (the organiser's or a target group's); never by a response's text.

const t = setupTestDatabase();
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const RESPONSE = "SVARTEKSTSOMIKKESKALFINNES";

let organiser: { id: string; slug: string; name: string };
let fhirId: string;
let closedId: string;
let eventId: string;

async function consult(title: string, { deadline = days(20), createdAt = new Date(), summary = "Vi ber om innspill.", targetSectors = [] as ("state_agency" | "health_trust")[], organiserId = organiser.id as string | null } = {}) {
  const row = await t.db
    .insertInto("consultations")
    .values({ organiserId, caseNumber: "26/301", title, summary, subject: "standards_roadmap", questions: ["Er tidsplanen realistisk?"], deadline, effortLevel: "light", hoursPerResponder: 2, targetSectors, createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  const admin = await createPerson(t.db);
  organiser = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: "Fjellby kommune", verified: true });
  const vendorPerson = await createPerson(t.db);
  const vendor = await createOrganisationWith(t.db, [{ person: vendorPerson, role: "admin" }], { isBuyer: false, isVendor: true });
  fhirId = await consult("Veikart for meldingsutveksling", { summary: "Kommunen vil kreve FHIR-profiler for pasientjournal fra 2028." });
  closedId = await consult("Veikart som er avsluttet", { deadline: days(-3), createdAt: days(-30) });
  const response = await t.db.insertInto("consultationResponses").values({ consultationId: fhirId, organisationId: vendor.id, status: "submitted", submittedAt: new Date() }).returning("id").executeTakeFirstOrThrow();
  await t.db.insertInto("consultationResponseParts").values({ responseId: response.id, position: 0, text: `Vi mener ${RESPONSE} er viktig.` }).execute();
  eventId = (
    await t.db
      .insertInto("events")
      .values({ buyerId: organiser.id, kind: "demand_notice", status: "published", title: "Behov for meldingsutveksling", description: "Journal.", cpvCodes: ["48814000-7"], region: "vestland", publishedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

const page = async (query: string) => readJson(await respond(demandPage(await routeArgs(`/demand${query}`))));
const idsOf = (list: { id: string }[]) => list.map((c) => c.id);

describe("/demand's filter", () => {
  it("offers consultations as a kind: alone they list no event, and another kind lists no consultation", async () => {
    const only = await page("?kind=consultation");
    expect(only.filter.kinds).toEqual(["consultation"]);
    expect(only.items).toEqual([]);
    expect(idsOf(only.consultations)).toContain(fhirId);
    const rfi = await page("?kind=demand_notice");
    expect(idsOf(rfi.items)).toContain(eventId);
    expect(rfi.consultations).toEqual([]);
    const both = await page("?kind=demand_notice&kind=consultation");
    expect(idsOf(both.items)).toContain(eventId);
    expect(idsOf(both.consultations)).toContain(fhirId);
  });

  it("lists a consultation only while it is open", async () => {
    expect(idsOf((await page("?kind=consultation")).consultations)).not.toContain(closedId);
  });

  it("finds consultations by text as it finds events: title, summary, word parts, organiser, never a response", async () => {
    expect(idsOf((await page("?q=meldingsutveksling")).consultations)).toEqual([fhirId]);
    expect(idsOf((await page("?q=pasientjournal")).consultations)).toEqual([fhirId]);
    // Inside a compound, as for events.
    expect(idsOf((await page("?q=journal")).consultations)).toEqual([fhirId]);
    expect(idsOf((await page("?q=Fjellby")).consultations)).toContain(fhirId);
    expect(idsOf((await page("?q=meldingsutveksling -FHIR")).consultations)).toEqual([]);
    const leak = await page(`?q=${RESPONSE}`);
    expect(leak.consultations).toEqual([]);
    expect(leak.items).toEqual([]);
  });

  it("matches the organiser as buyer, and a sector as the organiser's or a target group's", async () => {
    expect(idsOf((await page(`?buyer=${organiser.slug}`)).consultations)).toContain(fhirId);
    expect(idsOf((await page("?buyer=Fjellby")).consultations)).toContain(fhirId);
    expect(idsOf((await page("?buyer=nobody-else")).consultations)).toEqual([]);
    expect(idsOf((await page("?sector=municipality")).consultations)).toContain(fhirId);
    expect(idsOf((await page("?sector=health_trust")).consultations)).not.toContain(fhirId);
    const targeted = await consult("Høring rettet mot helseforetak", { targetSectors: ["health_trust"] });
    expect(idsOf((await page("?sector=health_trust")).consultations)).toContain(targeted);
  });

  it("matches no consultation on what a consultation does not have (CPV, region, expectation, budget)", async () => {
    for (const query of ["?cpv=48814", "?region=vestland", "?expectation=planned", "?budgetFrom=1", "?quarterFrom=2027-Q1"]) {
      expect((await page(query)).consultations, query).toEqual([]);
    }
  });

  it("shows the consultations on the first page of the events only", async () => {
    await t.db
      .insertInto("events")
      .values({ buyerId: organiser.id, kind: "demand_notice", status: "published", title: "Behov nummer to", description: "To.", cpvCodes: [], publishedAt: new Date() })
      .execute();
    const first = await page("?limit=1&kind=demand_notice&kind=consultation");
    expect(first.items).toHaveLength(1);
    expect(first.consultations.length).toBeGreaterThan(0);
    expect(first.nextHref).toBeTruthy();
    const second = await page(first.nextHref.replace("/demand", ""));
    expect(second.items).toHaveLength(1);
    expect(second.consultations).toEqual([]);
  });

  it("puts the matching consultations in the public /demand.atom, never a response", async () => {
    const response = await demandAtom(await routeArgs("/demand.atom?kind=consultation"));
    const text = await response.text();
    const feed = parseFeed(text);
    expect(feed.items.map((i) => i.url)).toContain(`http://localhost/consultations/${fhirId}`);
    expect(feed.items.every((i) => i.url?.includes("/consultations/"))).toBe(true);
    expect(text).not.toContain(RESPONSE);
    const searched = await (await demandAtom(await routeArgs(`/demand.atom?q=${RESPONSE}`))).text();
    expect(parseFeed(searched).items).toEqual([]);
  });
});

describe("watches", () => {
  let person: Person;
  const base = { baseUrl: "https://md.example" };

  beforeAll(async () => {
    person = await createPerson(t.db, { name: "Hanne Høring" });
  });

  async function watch(name: string, query: string, createdAt?: Date) {
    const body = await readJson(await respond(watchesAction(await formRequest("/watches", { intent: "create", frequency: "immediate", name, query }, { cookie: person.cookie }))));
    if (createdAt) await sql`update watches set created_at = ${createdAt} where id = ${body.id}`.execute(t.db);
    return body as { id: string; feed: { atom: string; ics: string } };
  }
  const mails = () => t.db.selectFrom("outbox").select(["subject", "text"]).where("toAddress", "=", person.email).where("template", "=", "watch-digest").orderBy("createdAt").execute();

  it("e-mail a new consultation matching the watch once, and not one that does not match", async () => {
    const saved = new Date("2030-02-01T00:00:00Z");
    await watch("Høringer om journal", "kind=consultation&q=journal", saved);
    const opened = new Date("2030-02-01T01:00:00Z");
    const deadline = new Date("2030-03-01T12:00:00Z");
    const matching = await consult("Høring om journalløsning", { createdAt: opened, deadline });
    await consult("Høring om senger", { createdAt: opened, deadline });
    // A matching event is not a consultation: kind=consultation leaves it out.
    await t.db
      .insertInto("events")
      .values({ buyerId: organiser.id, kind: "demand_notice", status: "published", title: "Journal-behov", description: "Journal.", cpvCodes: ["48814000-7"], region: "vestland", publishedAt: opened })
      .execute();

    await runWatchDigests(t.db, new Date("2030-02-01T01:05:00Z"), base);
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Høringer om journal: 1 nyhet");
    expect(sent[0]!.text).toContain("1 ny høring");
    expect(sent[0]!.text).toContain("Høring om journalløsning");
    expect(sent[0]!.text).toContain(`https://md.example/consultations/${matching}`);
    expect(sent[0]!.text).not.toMatch(/senger|Journal-behov/);

    await runWatchDigests(t.db, new Date("2030-02-01T01:10:00Z"), base);
    await runWatchDigests(t.db, new Date("2030-02-01T01:30:00Z"), base);
    sent = await mails();
    expect(sent).toHaveLength(1);
    const delivered = await t.db.selectFrom("watchDeliveries").select(["consultationId", "eventId", "change"]).where("consultationId", "=", matching).execute();
    expect(delivered).toEqual([{ consultationId: matching, eventId: null, change: "published" }]);
  });

  it("show a consultation watch on /watches in words, with its latest consultations", async () => {
    const saved = await watch("Alle høringer", "kind=consultation");
    const list = await readJson(await respond(watchesLoader(await routeArgs("/watches", { cookie: person.cookie }))));
    const row = list.watches.find((w: { id: string }) => w.id === saved.id);
    expect(row.filterLines).toEqual([{ label: "Type", value: "Høringer" }]);
    expect(row.latest.length).toBeGreaterThan(0);
    expect(row.latest.every((l: { url: string }) => l.url.startsWith("/consultations/"))).toBe(true);
  });

  it("carry matching consultations in the watch's Atom and iCalendar feeds, and never a response", async () => {
    const { feed } = await watch("Meldingsutveksling", "q=meldingsutveksling");
    const token = (url: string) => url.split("/").at(-1)!.replace(/\.(atom|ics)$/, "");
    const atom = await (await watchAtom(await routeArgs(`/feeds/watches/${token(feed.atom)}.atom`, { params: { token: token(feed.atom) } }))).text();
    const entries = parseFeed(atom).items;
    const entry = entries.find((i) => i.url === `http://localhost/consultations/${fhirId}`);
    expect(entry?.title).toBe("Veikart for meldingsutveksling");
    expect(entry?.id).toBe(`urn:uuid:${fhirId}`);
    expect(entries.map((i) => i.title)).not.toContain("Høring om senger");
    expect(atom).not.toContain(RESPONSE);

    const ics = await (await watchIcs(await routeArgs(`/feeds/watches/${token(feed.ics)}.ics`, { params: { token: token(feed.ics) } }))).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const deadline = events.find((e) => e.uid.startsWith(`${fhirId}-consultation@`));
    expect(deadline?.summary).toBe("Høringsfrist: Veikart for meldingsutveksling");
    expect(ics).not.toContain(RESPONSE);

    const { feed: leak } = await watch("Lekkasje", `q=${RESPONSE}`);
    const leakAtom = await (await watchAtom(await routeArgs(`/feeds/watches/${token(leak.atom)}.atom`, { params: { token: token(leak.atom) } }))).text();
    expect(parseFeed(leakAtom).items).toEqual([]);
  });
});
