import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { recordPilotExit } from "~/models/pilot-exits.server";
import { listPilotRegister, pilotRegisterCounts } from "~/models/pilot-register.server";
import { EMPTY_REGISTER_FILTER, REGISTER_OUTCOMES, REGISTER_PAGE_SIZE, type PilotRegisterFilter } from "~/domain/pilot-register";
import { loader as registerApi } from "~/routes/api.v1.pilots";
import { loader as registerLoader } from "~/routes/pilots._index";
import { loader as registerCsv } from "~/routes/pilots[.]csv";
import { loader as registerAtom } from "~/routes/pilots[.]atom";
import { loader as workspaceLoader } from "~/routes/workspace.events";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";
import { readJson, routeArgs } from "../fixtures/requests";
import { ipTermsColumns } from "../fixtures/ip-terms";

// The pilot register through the database: every published pilot and R&D partnership with
// how it ended, filtered by CPV, buyer, result and decision.

const t = setupTestDatabase();
let berit: Person;
let buyer: { id: string; slug: string };
let other: { id: string; slug: string };
const ids = {} as Record<"metNotBought" | "bought" | "missing" | "running" | "rnd", string>;

beforeAll(async () => {
  berit = await createPerson(t.db, { name: "Berit" });
  buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { name: "Bergvik kommune" });
  other = await createOrganisationWith(t.db, [], { name: "Fjordby kommune" });
  ids.metNotBought = await insertPilot(t.db, buyer.id, { title: "Fallsensorer" });
  ids.bought = await insertPilot(t.db, buyer.id, { title: "Digitalt tilsyn", cpvCodes: ["48000000-8"] });
  ids.missing = await insertPilot(t.db, other.id, { title: "Medisindispenser", endedDaysAgo: 200 });
  ids.running = await insertPilot(t.db, other.id, { title: "Velferdsrobot", endedDaysAgo: -60 });
  ids.rnd = await insertPilot(t.db, other.id, { title: "FoU: sensorplaster", kind: "rnd_partnership", endedDaysAgo: 150 });
  const met = [{ result: "met" as const }, { result: "met" as const }];
  expect((await recordPilotExit(t.db, berit.id, ids.metNotBought, { results: met, decision: "stopped", stopReason: "no_budget" })).ok).toBe(true);
  const procurement = await t.db
    .insertInto("events")
    .values({ buyerId: buyer.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "Anskaffelse: digitalt tilsyn", description: "x", effortLevel: "none", ...ipTermsColumns() })
    .returning("id")
    .executeTakeFirstOrThrow();
  expect((await recordPilotExit(t.db, berit.id, ids.bought, { results: met, decision: "purchase_started", followOnEventId: procurement.id })).ok).toBe(true);
});

describe("the pilot register", () => {
  it("lists every pilot and R&D partnership with its result", async () => {
    const rows = await listPilotRegister(t.db, EMPTY_REGISTER_FILTER);
    expect(Object.fromEntries(rows.map((r) => [r.title, r.outcome]))).toEqual({
      Fallsensorer: "met_not_bought",
      "Digitalt tilsyn": "bought",
      Medisindispenser: "missing",
      Velferdsrobot: "running",
      "FoU: sensorplaster": "missing",
    });
    const bought = rows.find((r) => r.id === ids.bought)!;
    expect(bought.exit?.followOn).toMatchObject({ title: "Anskaffelse: digitalt tilsyn" });
    expect(bought).toMatchObject({ plan: "purchase_option", budget: "not_budgeted", optionMaxPriceNok: 3_000_000 });
  });

  it("filters by CPV, buyer, result and decision", async () => {
    const titles = async (query: Partial<PilotRegisterFilter>) => (await listPilotRegister(t.db, { ...EMPTY_REGISTER_FILTER, ...query })).map((r) => r.title).sort();
    expect(await titles({ cpv: "48" })).toEqual(["Digitalt tilsyn"]);
    expect(await titles({ buyer: buyer.slug })).toEqual(["Digitalt tilsyn", "Fallsensorer"]);
    expect(await titles({ outcome: "met_not_bought" })).toEqual(["Fallsensorer"]);
    expect(await titles({ decision: "purchase_started" })).toEqual(["Digitalt tilsyn"]);
  });

  it("answers the page with the filter from the query and the chart's counts", async () => {
    const response = await respond(registerLoader(await routeArgs("/pilots?outcome=met_not_bought&region=nowhere")));
    const data = await readJson(response);
    expect(data.filter).toMatchObject({ outcome: "met_not_bought", region: null });
    expect(data.pilots.map((p: { title: string }) => p.title)).toEqual(["Fallsensorer"]);
    expect(data.counts).toEqual({ bought: 0, met_not_bought: 1, not_met_not_bought: 0, open: 0, missing: 0 });
    const all = await readJson(await respond(registerLoader(await routeArgs("/pilots"))));
    expect(all.counts).toEqual({ bought: 1, met_not_bought: 1, not_met_not_bought: 0, open: 0, missing: 2 });
    expect(data).toMatchObject({ csvHref: "/pilots.csv?outcome=met_not_bought", atomHref: "/pilots.atom?outcome=met_not_bought", apiHref: "/api/v1/pilots?outcome=met_not_bought" });
  });
});

describe("/pilots.atom", () => {
  const atom = async (query: string) => {
    const response = await respond(registerAtom(await routeArgs(`/pilots.atom${query}`)));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    return response.text();
  };

  it("has an entry per pilot of the filter, the last changed first, with its result and decision", async () => {
    const feed = await atom("?outcome=met_not_bought");
    expect(feed).toMatch(/^<\?xml/);
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain(`<id>urn:uuid:${ids.metNotBought}</id>`);
    expect(feed).toContain("Resultat: Kriteriene oppfylt, ikke kjøpt");
    expect(feed).toMatch(/<link rel="self" href="[^"]*\/pilots\.atom\?outcome=met_not_bought"/);
    const all = await atom("");
    expect(all.match(/<entry>/g)).toHaveLength(5);
    // The two given an exit record changed last.
    const first = [...all.matchAll(/<id>urn:uuid:([0-9a-f-]+)<\/id>/g)].slice(0, 2).map((m) => m[1]).sort();
    expect(first).toEqual([ids.metNotBought, ids.bought].sort());
  });

  it("ignores what it does not know in the query, as the page does", async () => {
    expect((await atom("?cpv=%27%20or%201%3D1--&buyer=%00&outcome=%3Cscript%3E&region=x")).match(/<entry>/g)).toHaveLength(5);
  });
});

describe("/pilots.csv", () => {
  const csv = async (query: string) => {
    const response = await respond(registerCsv(await routeArgs(`/pilots.csv${query}`)));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    return (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  };

  it("has a row per pilot of the filter, with its criteria, results and decision", async () => {
    const [header, ...rows] = await csv("?outcome=met_not_bought");
    expect(header).toContain("Resultat per kriterium");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Fallsensorer");
    expect(rows[0]).toContain("Andel fall oppdaget: Minst 90 % | Fornøyde brukere: Minst 4 av 5");
    expect(rows[0]).toContain("Oppfylt | Oppfylt");
    expect(rows[0]).toContain("Kriteriene oppfylt, ikke kjøpt");
    expect(rows[0]).toContain(`/events/${ids.metNotBought}`);
    expect((await csv("")).length).toBe(1 + 5);
  });

  it("ignores what it does not know in the query, as the page does", async () => {
    expect(await csv("?cpv=%27%20or%201%3D1--&buyer=%00&outcome=%3Cscript%3E&decision=%EF%BF%BD&region=x")).toHaveLength(1 + 5);
  });
});

describe("the buyer's workspace", () => {
  it("names the pilots ended more than 90 days ago without an exit record", async () => {
    const before = await readJson(await respond(workspaceLoader(await routeArgs("/workspace/events", { cookie: berit.cookie }))));
    expect(before.missingExits).toEqual([]);
    const id = await insertPilot(t.db, buyer.id, { title: "Glemt pilot", endedDaysAgo: 91 });
    await insertPilot(t.db, buyer.id, { title: "Nylig avsluttet", endedDaysAgo: 30 });
    const after = await readJson(await respond(workspaceLoader(await routeArgs("/workspace/events", { cookie: berit.cookie }))));
    expect(after.missingExits).toEqual([{ id, title: "Glemt pilot" }]);
  });
});

describe("paging through the register", () => {
  let pager: { id: string; slug: string };
  beforeAll(async () => {
    pager = await createOrganisationWith(t.db, [], { name: "Sidetall kommune" });
    // Enough for two pages of /pilots, some ending at the very same moment and some with no end yet.
    for (let i = 0; i < REGISTER_PAGE_SIZE; i++) await insertPilot(t.db, pager.id, { title: `Pilot ${i}`, endedDaysAgo: i % 7 === 0 ? -30 : 20 + (i % 5) });
    const ids = (await t.db.selectFrom("events").select("id").where("buyerId", "=", pager.id).execute()).map((r) => r.id);
    // Six ending at one moment, two more a microsecond apart from it (below what a JavaScript Date holds).
    await t.db.updateTable("events").set({ endsAt: sql<Date>`'2026-10-01T10:00:00.123456Z'::timestamptz` }).where("id", "in", ids.slice(0, 6)).execute();
    await t.db.updateTable("events").set({ endsAt: sql<Date>`'2026-10-01T10:00:00.123457Z'::timestamptz` }).where("id", "=", ids[6]!).execute();
    await t.db.updateTable("events").set({ endsAt: sql<Date>`'2026-10-01T10:00:00.123455Z'::timestamptz` }).where("id", "=", ids[7]!).execute();
  });

  const allPublished = async () => (await t.db.selectFrom("events").select("id").where("status", "<>", "draft").where("kind", "in", ["pilot", "rnd_partnership"]).execute()).map((r) => r.id).sort();

  /** Follows `next` from `path` to the end; every item's id, in order. */
  async function walkApi(path: string) {
    const seen: string[] = [];
    let url: string | null = path;
    for (let pages = 0; url && pages < 100; pages++) {
      const body = await readJson(await respond(registerApi(await routeArgs(url.replace(/^https?:\/\/[^/]+/, "")))));
      seen.push(...body.items.map((p: { id: string }) => p.id));
      expect(body.next === null).toBe(body.nextCursor === null);
      url = body.next;
    }
    return seen;
  }

  it("reaches every pilot exactly once through the API's next links, ties and running pilots included", async () => {
    const seen = await walkApi("/api/v1/pilots?limit=4");
    expect(seen.length).toBeGreaterThan(4 * 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(await allPublished());
  });

  it("keeps the filter from page to page", async () => {
    const seen = await walkApi(`/api/v1/pilots?buyer=${pager.slug}&outcome=awaiting&limit=3`);
    const expected = (await listPilotRegister(t.db, { ...EMPTY_REGISTER_FILTER, buyer: pager.slug })).filter((p) => p.outcome === "awaiting").map((p) => p.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(seen).toEqual(expected);
  });

  it("starts at the first page for a cursor not its own, and the default for a limit out of range", async () => {
    const first = await readJson(await respond(registerApi(await routeArgs("/api/v1/pilots?limit=5"))));
    for (const cursor of ["garbage", "WyJ4IiwieSJd", "%00", first.nextCursor.slice(0, -2)]) {
      const forged = await readJson(await respond(registerApi(await routeArgs(`/api/v1/pilots?limit=5&cursor=${cursor}`))));
      expect(forged.items.map((p: { id: string }) => p.id), cursor).toEqual(first.items.map((p: { id: string }) => p.id));
    }
    for (const limit of ["0", "501", "-1", "abc"]) expect((await readJson(await respond(registerApi(await routeArgs(`/api/v1/pilots?limit=${limit}`))))).items.length).toBe(Math.min(100, (await allPublished()).length));
  });

  it("pages /pilots by links that carry the filter, with the count and chart of all that match", async () => {
    const first = await readJson(await respond(registerLoader(await routeArgs("/pilots?cpv=33"))));
    expect(first.pilots).toHaveLength(REGISTER_PAGE_SIZE);
    expect(first.firstHref).toBeNull();
    expect(first.nextHref).toMatch(/^\/pilots\?cpv=33&cursor=/);
    const second = await readJson(await respond(registerLoader(await routeArgs(first.nextHref))));
    expect(second.firstHref).toBe("/pilots?cpv=33");
    const ids = [...first.pilots, ...second.pilots].map((p: { id: string }) => p.id);
    expect(second.total).toBe(first.total);
    expect(ids).toHaveLength(first.total);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.nextHref).toBeNull();
  });

  it("counts and filters each outcome in the database as the domain derives it", async () => {
    const all = await listPilotRegister(t.db, EMPTY_REGISTER_FILTER);
    const counts = await pilotRegisterCounts(t.db, EMPTY_REGISTER_FILTER);
    for (const outcome of REGISTER_OUTCOMES) {
      const filtered = await listPilotRegister(t.db, { ...EMPTY_REGISTER_FILTER, outcome });
      expect(filtered.map((p) => p.id), outcome).toEqual(all.filter((p) => p.outcome === outcome).map((p) => p.id));
      expect(counts[outcome], outcome).toBe(filtered.length);
    }
  });

  it("exports every pilot that matches as CSV, not one page", async () => {
    const response = await respond(registerCsv(await routeArgs("/pilots.csv")));
    const rows = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows.length - 1).toBe((await allPublished()).length);
  });
});

describe("authorization", () => {
  authorizationMatrix(() => t.db, [
    {
      route: "GET /pilots (public)",
      call: registerLoader,
      request: async (_world, cookie) => routeArgs("/pilots?cpv=33", { cookie }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /pilots.atom (public)",
      call: registerAtom,
      request: async (_world, cookie) => routeArgs("/pilots.atom?cpv=33", { cookie }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /pilots.csv (public)",
      call: registerCsv,
      request: async (_world, cookie) => routeArgs("/pilots.csv?cpv=33", { cookie }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
  ]);
});
