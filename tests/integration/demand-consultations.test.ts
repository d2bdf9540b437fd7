import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { runWatchDigests } from "~/models/watches.server";
import { loader as apiDemand } from "~/routes/api.v1.demand";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { loader as demandPage } from "~/routes/demand._index";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as demandCsv } from "~/routes/demand[.]csv";
import { loader as organisationAtom } from "~/routes/organisations.$slug[.atom]";
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

type Listed = { id: string; kind: string };
/** /demand's loader, its list split by kind: `items` are the events, `consultations` the consultations. */
async function page(query: string) {
  const data = await readJson(await respond(demandPage(await routeArgs(`/demand${query}`))));
  const listed = data.items as Listed[];
  return { ...data, listed, items: listed.filter((i) => i.kind !== "consultation"), consultations: listed.filter((i) => i.kind === "consultation") };
}
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

  it("lists events and consultations as one list in the sort, and pages through both by one cursor", async () => {
    await t.db
      .insertInto("events")
      .values({ buyerId: organiser.id, kind: "demand_notice", status: "published", title: "Behov nummer to", description: "To.", cpvCodes: [], publishedAt: new Date() })
      .execute();
    const whole = await page("?limit=100&kind=demand_notice&kind=consultation");
    expect(whole.consultations.length).toBeGreaterThan(1);
    expect(whole.items.length).toBeGreaterThan(1);
    // "N treff" counts what is listed: events and consultations.
    expect(whole.total).toEqual({ count: whole.listed.length, more: false });
    const seen: string[] = [];
    let next = "?limit=1&kind=demand_notice&kind=consultation";
    for (let n = 0; next && n < 50; n++) {
      const one = await page(next.replace("/demand", ""));
      expect(one.listed).toHaveLength(1);
      expect(one.total).toEqual(whole.total);
      seen.push(...idsOf(one.listed));
      next = one.nextHref;
    }
    expect(seen).toEqual(idsOf(whole.listed));
    // The same by relevance, where each kind is ranked by its own search document.
    const searched = await page("?q=veikart%20eller%20behov&limit=100");
    expect(searched.consultations.length).toBeGreaterThan(0);
    expect(searched.total).toEqual({ count: searched.listed.length, more: false });
    const pagedSearch: string[] = [];
    next = "?q=veikart%20eller%20behov&limit=2";
    for (let n = 0; next && n < 50; n++) {
      const two = await page(next.replace("/demand", ""));
      expect(two.total).toEqual(searched.total);
      pagedSearch.push(...idsOf(two.listed));
      next = two.nextHref;
    }
    expect(pagedSearch).toEqual(idsOf(searched.listed));
  });

  it("counts consultations in the total, and only consultations for kind=consultation", async () => {
    const only = await page("?kind=consultation");
    expect(only.total).toEqual({ count: only.consultations.length, more: false });
    expect((await page("?kind=demand_notice")).total.count).toBe((await page("?kind=demand_notice")).items.length);
    expect((await page("?q=meldingsutveksling")).total).toEqual({ count: 2, more: false }); // the consultation and the event
  });

  it("answers consultations in GET /api/v1/demand with kind, case number, deadline and link, never a response", async () => {
    const response = await apiDemand(await routeArgs("/api/v1/demand?kind=consultation&limit=100"));
    const text = await response.clone().text();
    const body = await readJson(response);
    const item = body.items.find((i: Listed) => i.id === fhirId);
    expect(item).toMatchObject({
      kind: "consultation",
      url: `/consultations/${fhirId}`,
      title: "Veikart for meldingsutveksling",
      caseNumber: "26/301",
      subject: "standards_roadmap",
      buyer: { name: "Fjellby kommune", slug: organiser.slug, sector: "municipality" },
      effort: { level: "light", hoursPerResponder: 2 },
    });
    expect(new Date(item.deadline).getTime()).toBeGreaterThan(Date.now());
    expect(body.items.every((i: Listed) => i.kind === "consultation")).toBe(true);
    expect(body.total).toEqual({ count: body.items.length, more: false });
    expect(text).not.toContain(RESPONSE);
    // By default with the events, as on the page; another kind leaves them out.
    expect(idsOf((await readJson(await apiDemand(await routeArgs("/api/v1/demand?limit=100")))).items)).toEqual(expect.arrayContaining([fhirId, eventId]));
    expect(idsOf((await readJson(await apiDemand(await routeArgs("/api/v1/demand?kind=demand_notice&limit=100")))).items)).not.toContain(fhirId);
    expect((await readJson(await apiDemand(await routeArgs(`/api/v1/demand?q=${RESPONSE}`)))).items).toEqual([]);
    // The API follows its own `next` through both kinds.
    const seen: string[] = [];
    let next: string | null = "/api/v1/demand?limit=1&kind=demand_notice&kind=consultation";
    for (let n = 0; next && n < 50; n++) {
      const one = await readJson(await apiDemand(await routeArgs(next)));
      seen.push(...idsOf(one.items));
      next = one.next;
    }
    expect(seen).toEqual(idsOf((await page("?limit=100&kind=demand_notice&kind=consultation")).listed));
  });

  it("exports consultations in /demand.csv as rows of kind Høring linking to the consultation, never a response", async () => {
    const text = await (await demandCsv(await routeArgs("/demand.csv?kind=consultation"))).text();
    const [header, ...rows] = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((line) => line.split(";"));
    const row = rows.find((r) => r[0] === fhirId)!;
    expect(row[header!.indexOf("Type")]).toBe("Høring");
    expect(row[header!.indexOf("Lenke")]).toBe(`http://localhost/consultations/${fhirId}`);
    expect(row[header!.indexOf("Oppdragsgiver")]).toBe("Fjellby kommune");
    expect(row[header!.indexOf("Svarfrist (norsk tid)")]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[header!.indexOf("Forventet innkjøp")]).toBe("");
    expect(rows.every((r) => r[header!.indexOf("Type")] === "Høring")).toBe(true);
    expect(text).not.toContain(RESPONSE);
    const both = await (await demandCsv(await routeArgs("/demand.csv"))).text();
    expect(both).toContain(fhirId);
    expect(both).toContain(eventId);
  });

  it("keeps the OCDS releases to events: a consultation is in its own package", async () => {
    const text = await (await respond(ocdsReleases(await routeArgs("/api/v1/ocds/releases?limit=100")))).text();
    expect(text).toContain(eventId);
    expect(text).not.toContain(fhirId);
    expect(text).not.toContain(RESPONSE);
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

describe("the organisation's feed", () => {
  it("carries the organisation's open consultations beside its events, not another organiser's, never a response", async () => {
    const admin = await createPerson(t.db);
    const other = await createOrganisationWith(t.db, [{ person: admin, role: "admin" }], { name: "Havby kommune", verified: true });
    const elsewhere = await consult("Høring hos Havby", { organiserId: other.id });
    const feedOf = async (slug: string) => (await organisationAtom(await routeArgs(`/organisations/${slug}.atom`, { params: { slug } }))).text();
    const text = await feedOf(organiser.slug);
    const urls = parseFeed(text).items.map((i) => i.url);
    expect(urls).toContain(`http://localhost/consultations/${fhirId}`);
    expect(urls).toContain(`http://localhost/events/${eventId}`);
    expect(urls).not.toContain(`http://localhost/consultations/${closedId}`);
    expect(urls).not.toContain(`http://localhost/consultations/${elsewhere}`);
    expect(text).not.toContain(RESPONSE);
    expect(parseFeed(await feedOf(other.slug)).items.map((i) => i.url)).toEqual([`http://localhost/consultations/${elsewhere}`]);
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
