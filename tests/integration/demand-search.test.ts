import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { parseDemandFilter } from "~/domain/demand-filter";
import { DEMAND_COUNT_CAP, listDemand } from "~/models/demand.server";
import { loader as apiDemand } from "~/routes/api.v1.demand";
import { loader as demandPage } from "~/routes/demand._index";
import { setupTestDatabase } from "../fixtures/database";
import { readJson, routeArgs } from "../fixtures/requests";

// Search that finds Norwegian words (issue 14), through the real database and the demo data:
// 101 says "elektroniske pasientjournal (EPJ)", 102 "legemiddelhåndtering" and
// "journalføring", 103 "journalløsninger".

const t = setupTestDatabase();
const E = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

async function found(query: string) {
  const page = await listDemand(t.db, parseDemandFilter(new URLSearchParams(query)).filter, { total: true });
  return { ids: page.items.map((item) => item.id), titles: page.items.map((item) => item.title), total: page.total };
}

/** A published event of the demo's first buyer with this title and description. */
async function addEvent(title: string, description: string): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into events (buyer_id, kind, status, title, description, effort_level, kinds_of_work, published_at)
    select buyer_id, 'demand_notice', 'published', ${title}, ${description}, 'none', '{}'::text[], now()
    from events where id = ${E(101)}
    returning id`.execute(t.db);
  return row.rows[0]!.id;
}

beforeAll(() => seedDemoData(t.db));

describe("searching Norwegian compounds", () => {
  it("finds pasientjournal, journalføring and journalløsninger for journal", async () => {
    const { ids } = await found("q=journal");
    expect(ids).toEqual(expect.arrayContaining([E(101), E(102), E(103)]));
  });

  it("finds legemiddelhåndtering for legemiddel", async () => {
    const { titles, ids } = await found("q=legemiddel");
    expect(titles).toContain("Leverandørkonferanse: ny løsning for kurve og legemiddelhåndtering");
    expect(ids).toContain(E(102));
  });

  it("reads journal* as journal, not as nothing", async () => {
    expect((await found("q=journal*")).ids.sort()).toEqual((await found("q=journal")).ids.sort());
  });

  it("still stems whole words, and still finds nothing for what no event says", async () => {
    expect((await found("q=trygghetsalarm")).ids).toEqual([E(103)]);
    expect((await found("q=kvantedatamaskin")).ids).toEqual([]);
  });

  it("leaves events out that have an excluded word inside a compound", async () => {
    const { ids } = await found(`q=${encodeURIComponent("kommune -journal")}`);
    expect(ids).not.toContain(E(101));
    expect(ids).not.toContain(E(103));
  });

  it("keeps a buyer's renamed compound name searchable", async () => {
    await t.db.updateTable("organisations").set({ name: "Storfjordkommunen" }).where("slug", "=", "bergvik-kommune").execute();
    expect((await found("q=fjordkommunen")).ids).toContain(E(101));
    await t.db.updateTable("organisations").set({ name: "Bergvik kommune" }).where("slug", "=", "bergvik-kommune").execute();
    expect((await found("q=fjordkommunen")).ids).toEqual([]);
  });
});

describe("synonyms from the field", () => {
  it("finds an event that says EPJ for elektronisk pasientjournal, and the other way", async () => {
    const id = await addEvent("Behovsmelding: ny EPJ for legevakt", "Kort om behovet.");
    expect((await found(`q=${encodeURIComponent('"elektronisk pasientjournal"')}`)).ids).toEqual(expect.arrayContaining([id, E(101)]));
    expect((await found("q=EPJ")).ids).toEqual(expect.arrayContaining([id, E(101)]));
    await t.db.deleteFrom("events").where("id", "=", id).execute();
  });

  it("finds velferdsteknologi under another name", async () => {
    const id = await addEvent("Behovsmelding: omsorgsteknologi i bofellesskap", "Sensorer og varsling.");
    expect((await found("q=velferdsteknologi")).ids).toContain(id);
    await t.db.deleteFrom("events").where("id", "=", id).execute();
  });

  it("finds e-resept written as elektronisk resept", async () => {
    const id = await addEvent("Behovsmelding: elektronisk resept i sykehjem", "Kort om behovet.");
    expect((await found("q=e-resept")).ids).toContain(id);
    await t.db.deleteFrom("events").where("id", "=", id).execute();
  });
});

describe("ranking", () => {
  it("puts the word in a title first, then in a description, then inside a compound, then a synonym", async () => {
    const title = await addEvent("Behovsmelding: samhandlingsjournal", "Kort om behovet.");
    const wholeInTitle = await addEvent("Behovsmelding: ny journal for fysioterapeuter", "Kort om behovet.");
    const inDescription = await addEvent("Behovsmelding: fysioterapi", "Vi trenger en journal for fysioterapeuter.");
    const synonym = await addEvent("Behovsmelding: klinisk informasjonssystem", "Kort om behovet.");
    const { ids } = await found("q=journal");
    const order = [wholeInTitle, title, inDescription, synonym].map((id) => ids.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await t.db.deleteFrom("events").where("id", "in", [title, wholeInTitle, inDescription, synonym]).execute();
  });

  it("pages a compound search by relevance without losing or repeating an event", async () => {
    const filter = { ...parseDemandFilter(new URLSearchParams("q=journal")).filter, limit: 1 };
    const seen: string[] = [];
    let cursor = null;
    for (let i = 0; i < 20; i++) {
      const page = await listDemand(t.db, { ...filter, cursor });
      seen.push(...page.items.map((item) => item.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual((await found("q=journal")).ids);
  });
});

describe("the total", () => {
  it("counts every match, not the page: the same on the first page and after it", async () => {
    const all = await found("q=journal");
    const first = await listDemand(t.db, { ...parseDemandFilter(new URLSearchParams("q=journal")).filter, limit: 1 }, { total: true });
    expect(first.total).toEqual({ count: all.ids.length, more: false });
    const second = await listDemand(t.db, { ...parseDemandFilter(new URLSearchParams("q=journal")).filter, limit: 1, cursor: first.next }, { total: true });
    expect(second.total).toEqual(first.total);
    // Eight events and Helse Vestfjord HF's open consultation.
    expect((await found("")).total).toEqual({ count: 9, more: false });
    expect((await found("q=kvantedatamaskin")).total).toEqual({ count: 0, more: false });
  });

  it("says 'more than' past the cap", async () => {
    await sql`
      insert into events (buyer_id, kind, status, title, description, effort_level, kinds_of_work, published_at)
      select buyer_id, 'demand_notice', 'published', 'Behovsmelding ' || g, 'Journal nummer ' || g, 'none', '{}'::text[], now()
      from events, generate_series(1, ${DEMAND_COUNT_CAP}) g where id = ${E(101)}`.execute(t.db);
    try {
      expect((await found("q=journal")).total).toEqual({ count: DEMAND_COUNT_CAP, more: true });
      expect((await found("")).total).toEqual({ count: DEMAND_COUNT_CAP, more: true });
    } finally {
      await t.db.deleteFrom("events").where("title", "like", "Behovsmelding %").where("description", "like", "Journal nummer %").execute();
    }
  });

  it("reaches the page and the API", async () => {
    const page = await readJson(await demandPage(await routeArgs("/demand?q=journal&limit=1")));
    expect(page.total).toEqual({ count: (await found("q=journal")).ids.length, more: false });
    expect(page.items).toHaveLength(1);
    const api = await readJson(await apiDemand(await routeArgs("/api/v1/demand?q=legemiddel")));
    expect(api.total.count).toBe(api.items.length);
    expect(api.items.map((item: { id: string }) => item.id)).toContain(E(102));
  });
});
