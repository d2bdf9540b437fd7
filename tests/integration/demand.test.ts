import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { DEMO_ROADMAP_CONSULTATION_ID } from "@db/seed/demo-consultations";
import { parseDemandFilter, type DemandFilter } from "~/domain/demand-filter";
import { demandPipeline, listDemand, type DemandEventItem, type DemandItem } from "~/models/demand.server";
import { loader as apiDemand } from "~/routes/api.v1.demand";
import { loader as csvDemand } from "~/routes/demand[.]csv";
import { loader as demandPage } from "~/routes/demand._index";
import { loader as pipelinePage } from "~/routes/demand.pipeline";
import { setupTestDatabase } from "../fixtures/database";
import { readJson, routeArgs, thrown } from "../fixtures/requests";

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

const E = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
// 111: the state agency's RFI in an area where it delivers itself (issue 19).
const PUBLISHED = [101, 102, 103, 104, 105, 106, 107, 111].map(E);
// Helse Vestfjord HF's open consultation (issue 18) is listed with them; the operators' is concluded.
const LISTED = [...PUBLISHED, DEMO_ROADMAP_CONSULTATION_ID];

const filterOf = (query: string): DemandFilter => parseDemandFilter(new URLSearchParams(query)).filter;
const ids = (items: DemandItem[]) => items.map((item) => item.id);

async function search(query: string): Promise<string[]> {
  return ids((await listDemand(t.db, filterOf(query))).items);
}

/** Every page of a listing, following the cursor, as one list. */
async function allPages(query: string): Promise<string[]> {
  const filter = filterOf(query);
  const seen: string[] = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const page = await listDemand(t.db, { ...filter, cursor });
    seen.push(...ids(page.items));
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error("pagination did not end");
}

describe("the upcoming-demand list", () => {
  it("lists published events, demand notices and open consultations, never drafts, closed events or concluded consultations", async () => {
    const found = await search("");
    expect(found.sort()).toEqual([...LISTED].sort());
  });

  it("carries each event's standards, in name order", async () => {
    const item = (await listDemand(t.db, filterOf("buyer=bergvik-kommune&kind=rfi"))).items[0] as DemandEventItem;
    expect(item.standards.map((s) => s.code)).toEqual(["hl7-fhir-r4", "no-basis-fhir", "helseid", "normen"]);
    expect(item.standards[0]).toEqual({ code: "hl7-fhir-r4", name: "HL7 FHIR R4", level: "required" });
  });

  it("finds events by Norwegian full text over title, description and buyer name, with stemming", async () => {
    expect(await search("q=hjemmeoppfølging")).toContain(E(101));
    // "trygghetsalarm" finds "trygghetsalarmer" through the Norwegian stemmer.
    expect(await search("q=trygghetsalarm")).toEqual([E(103)]);
    // The buyer's name is part of the document.
    expect((await search("q=Innlandsdal")).sort()).toEqual([E(105)]);
    expect(await search("q=kvantedatamaskin")).toEqual([]);
  });

  it("answers odd search text with a list, never an error: stop words only, operators, quotes", async () => {
    expect(await search("q=og")).toEqual([]);
    expect(Array.isArray(await search(`q=${encodeURIComponent(`:*&|!( "digital' <->`)}`))).toBe(true);
    const withoutWord = await search(`q=${encodeURIComponent("digital -hjemmeoppfølging")}`);
    expect(withoutWord).not.toContain(E(101));
    expect(withoutWord.length).toBeGreaterThan(0);
    expect(await search(`q=${encodeURIComponent('"digital hjemmeoppfølging"')}`)).toEqual([E(101)]);
  });

  it("finds an event by its buyer's new name after the buyer is renamed", async () => {
    await t.db.updateTable("organisations").set({ name: "Midtfjell helseregion RHF" }).where("slug", "=", "helse-midtnord-rhf").execute();
    expect(await search("q=Midtfjell")).toEqual([E(104)]);
    await t.db.updateTable("organisations").set({ name: "Helse Midtnord RHF" }).where("slug", "=", "helse-midtnord-rhf").execute();
    expect(await search("q=Midtfjell")).toEqual([]);
  });

  it("ranks title matches above description matches when sorted by relevance", async () => {
    // "løsning" is in the titles of 102 and 104, and only in 101's description ("løsninger");
    // 103's description has it inside a compound ("journalløsninger"), which ranks last.
    const found = await search("q=løsning");
    expect(found).toHaveLength(4);
    expect(found.slice(0, 2).sort()).toEqual([E(102), E(104)]);
    expect(found.slice(2)).toEqual([E(101), E(103)]);
  });

  it("selects a CPV subtree by its prefix and combines it with region", async () => {
    expect((await search("cpv=48")).sort()).toEqual([E(101), E(102)].sort());
    expect((await search("cpv=48&region=vestland")).sort()).toEqual([E(101), E(102)]);
    expect(await search("cpv=48814400-1")).toEqual([E(102)]);
    expect(await search("cpv=48&region=trondelag")).toEqual([]);
    expect((await search("cpv=48&cpv=33196")).sort()).toEqual([E(101), E(102), E(103)]);
  });

  it("combines kind, buyer, buyer sector, standard, expectation status and the open-for-registration filter", async () => {
    expect(await search("kind=demand_notice")).toEqual([E(104)]);
    expect((await search("kind=rfi&kind=rfp")).sort()).toEqual([E(101), E(107), E(111)]);
    expect((await search("buyer=bergvik-kommune")).sort()).toEqual([E(101), E(107)]);
    // Part of the name, as people type it; LIKE wildcards are taken literally.
    expect((await search("buyer=bergvik")).sort()).toEqual([E(101), E(107)]);
    expect(await search("buyer=%25")).toEqual([]);
    // Helse Vestfjord HF (a health trust) holds the open consultation.
    expect((await search("sector=health_trust")).sort()).toEqual([E(102), E(105), DEMO_ROADMAP_CONSULTATION_ID]);
    expect((await search("standard=e-resept")).sort()).toEqual([E(102), E(106)]);
    expect((await search("standard=helseid&region=trondelag")).sort()).toEqual([E(104)]);
    expect((await search("expectation=committed")).sort()).toEqual([E(102), E(106), E(107)]);
    const open = await search("open=1");
    expect(open).not.toContain(E(104)); // a demand notice has no registration
    expect(open).toContain(E(101));
  });

  it("filters on background IP staying with the vendor (issue 17): only events whose terms say so", async () => {
    // The demo's RFI, RFP, pilot and R&D partnership state it; the conference, meetings and the notice state no terms.
    expect((await search("backgroundIp=1")).sort()).toEqual([101, 105, 106, 107, 111].map(E));
    expect((await search("backgroundIp=1&kind=rfi")).sort()).toEqual([E(101), E(111)]);
    expect(await search("backgroundIp=0")).toEqual(await search(""));
    expect(parseDemandFilter(new URLSearchParams("backgroundIp=kanskje")).ignored).toEqual([{ param: "backgroundIp", value: "kanskje", code: "invalid_value" }]);
    const api = await readJson(await apiDemand(await routeArgs("/api/v1/demand?backgroundIp=1&kind=rfi&region=vestland")));
    expect(api.items.map((i: { id: string }) => i.id)).toEqual([E(101)]);
    expect(api.items[0].intellectualProperty).toEqual({ backgroundStaysWithVendor: true });
    expect(api.filter.backgroundIp).toBe(true);
    const csv = (await (await csvDemand(await routeArgs("/demand.csv?backgroundIp=1"))).text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = csv.trimEnd().split("\r\n").map((line) => line.split(";"));
    const column = header!.indexOf("Bakgrunnsrettigheter hos leverandøren");
    expect(column).toBeGreaterThan(-1);
    expect(rows.map((r) => r[column])).toEqual(["ja", "ja", "ja", "ja", "ja"]);
  });

  it("filters by overlapping budget frame in MNOK and by expected tender quarter range", async () => {
    // 101 is 4–6 MNOK, 103 is 0.8–1.5 MNOK: a 1–5 range overlaps both.
    const inRange = await search("budgetFrom=1&budgetTo=5");
    expect(inRange).toEqual(expect.arrayContaining([E(101), E(103), E(107)]));
    expect(inRange).not.toContain(E(104)); // 60–90 MNOK
    expect(await search("budgetFrom=55")).toEqual([E(104)]);

    // The seed declares quarters relative to today; compare with what it stored.
    const rows = await t.db.selectFrom("events").select(["id", "expectedTenderQuarter"]).where("id", "in", PUBLISHED).execute();
    const quarterOf = (n: number) => rows.find((r) => r.id === E(n))!.expectedTenderQuarter!;
    expect(await search(`quarterFrom=${quarterOf(104)}`)).toEqual([E(104)]);
    const [from, to] = [quarterOf(102), quarterOf(103)]; // one and three quarters ahead
    const within = rows
      .filter((r) => r.expectedTenderQuarter !== null && r.expectedTenderQuarter >= from && r.expectedTenderQuarter <= to)
      .map((r) => r.id)
      .sort();
    expect(within).toEqual(expect.arrayContaining([E(102), E(103), E(106)]));
    expect((await search(`quarterFrom=${from}&quarterTo=${to.toLowerCase()}`)).sort()).toEqual(within);
  });

  it.each(["deadline", "tender", "budget"])("sorts by %s and pages through every event and consultation exactly once", async (sort) => {
    const single = await search(`sort=${sort}&limit=100`);
    const paged = await allPages(`sort=${sort}&limit=2`);
    expect(paged).toEqual(single);
    expect(new Set(paged).size).toBe(LISTED.length);
  });

  it("pages a relevance-sorted search the same as one long page", async () => {
    const single = await search("q=kommune&limit=100");
    expect(single.length).toBeGreaterThan(2);
    expect(await allPages("q=kommune&limit=1")).toEqual(single);
  });

  it("sorts by budget from the largest frame down, events without a budget last", async () => {
    const found = await search("sort=budget");
    expect(found[0]).toBe(E(104));
    const items = (await listDemand(t.db, filterOf("sort=budget&limit=100"))).items;
    const maxima = items.map((i) => (i.kind === "consultation" ? -1 : (i.budgetMaxNok ?? -1)));
    expect(maxima).toEqual([...maxima].sort((a, b) => b - a));
  });

  it("sums declared budgets per expected tender quarter for the same filter", async () => {
    const pipeline = await demandPipeline(t.db, filterOf("region=vestland"));
    const total = pipeline.reduce((sum, q) => sum + q.events, 0);
    expect(total).toBe(3); // 101, 102, 107
    expect(pipeline.reduce((sum, q) => sum + q.budgetMaxNok, 0)).toBe(6_000_000 + 50_000_000 + 3_500_000);
    const quarters = pipeline.map((q) => q.quarter);
    expect(quarters).toEqual([...quarters].sort());
  });
});

describe("GET /api/v1/demand", () => {
  it("answers the same filtered list as JSON, with a next link that continues it", async () => {
    const response = await apiDemand(await routeArgs("/api/v1/demand?cpv=48&region=vestland&limit=1"));
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: expect.any(String), buyer: { slug: expect.any(String) }, url: expect.stringMatching(/\/events\//) });
    expect(body.filter).toMatchObject({ cpv: ["48"], regions: ["vestland"] });
    expect(body.next).toMatch(/^\/api\/v1\/demand\?/);

    const second = await readJson(await apiDemand(await routeArgs(body.next)));
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect([body.items[0].id, second.items[0].id].sort()).toEqual([E(101), E(102)]);
  });

  it("ignores parameters it cannot read, says which, and still answers 200", async () => {
    const cursor = Buffer.from(JSON.stringify(["deadline", "'; drop table events; --", E(101)])).toString("base64url");
    const response = await apiDemand(await routeArgs(`/api/v1/demand?kind=bogus&region=atlantis&cpv=99&budgetFrom=lots&quarterFrom=2027-Q7&sort=random&cursor=${cursor}&limit=0`));
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.items).toHaveLength(LISTED.length);
    expect(body.ignored.map((i: { param: string }) => i.param).sort()).toEqual(
      ["budgetFrom", "cpv", "cursor", "kind", "limit", "quarterFrom", "region", "sort"].sort(),
    );
    expect(body.ignored.find((i: { param: string }) => i.param === "cpv")).toMatchObject({ code: "unknown_cpv" });
  });
});

describe("the /demand page, the pipeline and the CSV export", () => {
  it("lays the same filter out by quarter, and links back to the list with it", async () => {
    const data = await readJson(await pipelinePage(await routeArgs("/demand/pipeline?cpv=48&region=vestland&kind=bogus")));
    expect(data.quarters.reduce((n: number, q: { events: number }) => n + q.events, 0)).toBe(2);
    expect(data.quarters.reduce((n: number, q: { budgetMaxNok: number }) => n + q.budgetMaxNok, 0)).toBe(56_000_000);
    expect(data.listHref).toBe("/demand?cpv=48&region=vestland");
    expect(data.ignored).toEqual([{ param: "kind", value: "bogus", code: "invalid_value" }]);
  });

  it("leaves consultations out of the pipeline, which sums purchases, and says so", async () => {
    const all = await readJson(await pipelinePage(await routeArgs("/demand/pipeline")));
    expect(all.quarters.reduce((n: number, q: { events: number }) => n + q.events, 0)).toBe(PUBLISHED.length);
    const consultations = await readJson(await pipelinePage(await routeArgs("/demand/pipeline?kind=consultation")));
    expect(consultations.quarters).toEqual([]);
  });

  it("takes empty parameters (a GET form's 'any') as no filter, and sends the reader to the URL without them", async () => {
    const empty = "cpv=&region=&q=&kind=&sector=&standard=&expectation=&budgetFrom=&budgetTo=&quarterFrom=&quarterTo=&open=&sort=&buyer=";
    const page = await thrown(demandPage(await routeArgs(`/demand?${empty}`)));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/demand");
    const kept = await thrown(demandPage(await routeArgs("/demand?q=journal&cpv=&region=vestland&region=&kind=bogus")));
    expect(kept.headers.get("Location")).toBe("/demand?q=journal&region=vestland&kind=bogus");
    const pipeline = await thrown(pipelinePage(await routeArgs(`/demand/pipeline?${empty}`)));
    expect(pipeline.headers.get("Location")).toBe("/demand/pipeline");
    // Read without the redirect (the API and the CSV answer at once), empty means no filter and no complaint.
    const api = await readJson(await apiDemand(await routeArgs(`/api/v1/demand?${empty}`)));
    const all = await readJson(await apiDemand(await routeArgs("/api/v1/demand")));
    expect(api.ignored).toEqual([]);
    expect(api.items.map((i: { id: string }) => i.id)).toEqual(all.items.map((i: { id: string }) => i.id));
    expect((await csvDemand(await routeArgs(`/demand.csv?${empty}`))).status).toBe(200);
  });

  it("reads the filter from the URL and links to the next page by cursor", async () => {
    const response = await demandPage(await routeArgs("/demand?limit=3"));
    const data = await readJson(response);
    expect(data.items).toHaveLength(3);
    expect(data.nextHref).toMatch(/^\/demand\?.*cursor=/);
  });

  it("exports the filtered list as UTF-8 CSV with a BOM, semicolon-separated, for Norwegian Excel", async () => {
    const response = await csvDemand(await routeArgs("/demand.csv?region=vestland"));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="ettersporsel.csv"; filename*=UTF-8''${encodeURIComponent("etterspørsel.csv")}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 3);
    expect(lines[0]!.split(";")[0]).toBe("ID");
    expect(text).toContain("Digital hjemmeoppfølging for personer med kroniske sykdommer");
    expect(lines.slice(1).every((line) => line.split(";").length >= lines[0]!.split(";").length)).toBe(true);
  });

  it("writes deadlines in Oslo time and standards by name, as a reader wants them in a spreadsheet", async () => {
    const text = (await (await csvDemand(await routeArgs("/demand.csv?region=vestland"))).text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n").map((line) => line.split(";"));
    const column = (name: string) => header!.indexOf(name);
    expect(column("Påmeldingsfrist (norsk tid)")).toBeGreaterThan(-1);
    expect(column("Svarfrist (norsk tid)")).toBeGreaterThan(-1);
    const conference = rows.find((r) => r[column("ID")] === E(102))!;
    // The seed sets the deadline relative to today; the CSV shows that instant as a clock in Oslo reads it
    // (a UTC instant of 14:00 in winter is 15:00), written as "YYYY-MM-DD HH:MM".
    const { registrationDeadline } = await t.db
      .selectFrom("events")
      .select("registrationDeadline")
      .where("id", "=", E(102))
      .executeTakeFirstOrThrow();
    const oslo = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });
    expect(conference[column("Påmeldingsfrist (norsk tid)")]).toBe(oslo.format(registrationDeadline!));
    expect(conference[column("Standarder")]).toContain("HL7 FHIR R4");
    expect(conference[column("Standarder")]).not.toContain("hl7-fhir-r4");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
