import { beforeAll, describe, expect, it } from "vitest";
import { loader as adminListLoader } from "~/routes/admin.reports";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.reports_.$id";
import { loader as organisationLoader } from "~/routes/organisations.$slug";
import { loader as listLoader } from "~/routes/reports._index";
import { action as pageAction, loader as pageLoader } from "~/routes/reports.$id";
import { action as newAction, loader as newLoader } from "~/routes/reports.new";
import { getCurrentVersion } from "~/models/conduct.server";
import { fileReport } from "~/models/protected-reports.server";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

// The pages of the protected report channel (issue 18): the reporter files and follows its
// report, operators read it without the reporter and reveal the reporter only as a logged
// step, the counterpart never learns who reported, and its public page shows counts only
// once three organisations have reported it.

const t = setupTestDatabase();
const baseUrl = "http://localhost";

let viktor: Person; // Nordlys Helse AS (vendor), member: the reporter
let vera: Person; // Nordlys Helse AS, admin: a colleague who did not report
let berit: Person; // Bergvik kommune (buyer), admin: the counterpart
let olga: Person; // operator
let nordlys: { id: string; slug: string };
let bergvik: { id: string; slug: string };
let clause: number;

const get = async (loader: (args: never) => unknown, path: string, person?: Person, params: Record<string, string> = {}) =>
  respond(loader((await routeArgs(path, { cookie: person?.cookie, params })) as never));
const post = async (action: (args: never) => unknown, path: string, person: Person | undefined, fields: Record<string, string | string[]>, params: Record<string, string> = {}) =>
  respond(action((await formRequest(path, fields, { cookie: person?.cookie, params })) as never));
const idFrom = (response: Response) => (response.headers.get("Location") ?? "").split("/reports/")[1]!.split("?")[0]!;
const countReports = async () => Number((await t.db.selectFrom("protectedReports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  [viktor, vera, berit, olga] = await Promise.all([
    createPerson(t.db, { name: "Viktor Melder" }),
    createPerson(t.db, { name: "Vera Kollega" }),
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Olga Operatør", operator: true }),
  ]);
  nordlys = await createOrganisationWith(t.db, [{ person: viktor, role: "member" }, { person: vera, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  bergvik = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  clause = (await getCurrentVersion(t.db))!.clauses[0]!.number;
});

describe("filing a report through /reports/new", () => {
  it("offers counterparts of the other side and the current clauses, and preselects the one asked for", async () => {
    const page = await readJson(await get(newLoader, `/reports/new?counterpartId=${bergvik.id}`, viktor));
    expect(page.counterparts.map((c: { id: string }) => c.id)).toContain(bergvik.id);
    expect(page.counterparts.map((c: { id: string }) => c.id)).not.toContain(nordlys.id);
    expect(page.values).toEqual({ counterpartId: bergvik.id });
    expect(page.version.clauses.length).toBeGreaterThan(0);
  });

  it("refuses bad input with a message by each field and stores nothing", async () => {
    const before = await countReports();
    const response = await post(newAction, "/reports/new", viktor, { counterpartId: nordlys.id, clauses: ["1e3", "abc"], account: "\u200b" });
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.errors).toEqual({ counterpartId: ["report_own_organisation"], clauses: ["report_clause_unknown"], account: ["required"] });
    expect(body.values.clauses).toEqual(["1e3", "abc"]);
    expect(await countReports()).toBe(before);
  });

  it("files the report and takes the reporter to it; the list shows it to the reporter only", async () => {
    const response = await post(newAction, "/reports/new", viktor, { counterpartId: bergvik.id, clauses: [String(clause)], account: "Vi ble bedt om å holde kritikken for oss selv." });
    expect(response.status).toBe(302);
    const id = idFrom(response);
    const page = await readJson(await get(pageLoader, `/reports/${id}`, viktor, { id }));
    expect(page.report).toMatchObject({ counterpartName: "Bergvik kommune", account: "Vi ble bedt om å holde kritikken for oss selv.", status: "open" });
    expect(page.clauses.map((c: { number: number }) => c.number)).toEqual([clause]);
    expect((await readJson(await get(listLoader, "/reports", viktor))).reports.map((r: { id: string }) => r.id)).toContain(id);
    expect((await readJson(await get(listLoader, "/reports", vera))).reports).toEqual([]);
    expect((await readJson(await get(listLoader, "/reports", berit))).reports).toEqual([]);
  });
});

describe("the counterpart never learns who reported", () => {
  let id: string;
  beforeAll(async () => {
    const filed = await fileReport(t.db, { user: { id: viktor.id }, organisation: { id: nordlys.id } }, { counterpartId: bergvik.id, clauses: [clause], account: "Innkjøperen truet oss." }, { baseUrl });
    if (!filed.ok) throw new Error("not filed");
    id = filed.value.id;
  });

  it("answers 404 to the counterpart and to a colleague, reading or writing, and 403 on the operators' pages", async () => {
    for (const person of [berit, vera]) {
      expect((await get(pageLoader, `/reports/${id}`, person, { id })).status).toBe(404);
      expect((await post(pageAction, `/reports/${id}`, person, { text: "Hvem er du?" }, { id })).status).toBe(404);
    }
    expect((await get(adminLoader, `/admin/reports/${id}`, berit, { id })).status).toBe(403);
    expect((await post(adminAction, `/admin/reports/${id}`, berit, { intent: "reveal" }, { id })).status).toBe(403);
    expect((await get(adminListLoader, "/admin/reports", berit)).status).toBe(403);
    const reads = await t.db.selectFrom("auditLog").select("id").where("action", "=", "protected_report_reporter_read").where("subject", "=", id).execute();
    expect(reads).toEqual([]);
  });

  it("names neither the reporter nor its organisation on the counterpart's pages", async () => {
    const pages = [
      await get(organisationLoader, `/organisations/${bergvik.slug}`, undefined, { slug: bergvik.slug }),
      await get(organisationLoader, `/organisations/${bergvik.slug}`, berit, { slug: bergvik.slug }),
      await get(listLoader, "/reports", berit),
      await get(newLoader, "/reports/new", berit),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const body = await page.text();
      expect(body).not.toContain("Viktor");
      expect(body).not.toContain(viktor.id);
      expect(body).not.toContain("truet oss");
    }
  });
});

describe("operators", () => {
  let id: string;
  beforeAll(async () => {
    const filed = await fileReport(t.db, { user: { id: viktor.id }, organisation: { id: nordlys.id } }, { counterpartId: bergvik.id, clauses: [clause], account: "Vi fikk ikke svar som andre fikk." }, { baseUrl });
    if (!filed.ok) throw new Error("not filed");
    id = filed.value.id;
  });

  it("list and read the report without the reporter", async () => {
    for (const response of [await get(adminListLoader, "/admin/reports", olga), await get(adminLoader, `/admin/reports/${id}`, olga, { id })]) {
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain("Bergvik kommune");
      expect(body).not.toContain("Nordlys");
      expect(body).not.toContain("Viktor");
    }
  });

  it("read the reporter only by asking for it, and every read is in the audit log", async () => {
    const reads = () => t.db.selectFrom("auditLog").select(["actorUserId"]).where("action", "=", "protected_report_reporter_read").where("subject", "=", id).execute();
    expect(await reads()).toEqual([]);
    const response = await post(adminAction, `/admin/reports/${id}`, olga, { intent: "reveal" }, { id });
    expect(response.status).toBe(200);
    expect((await readJson(response)).reporter).toMatchObject({ organisationName: "Nordlys Helse AS", userName: "Viktor Melder" });
    expect(await reads()).toEqual([{ actorUserId: olga.id }]);
    expect((await post(adminAction, "/admin/reports/00000000-0000-4000-8000-000000000000", olga, { intent: "reveal" }, { id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });

  it("ask questions the reporter answers, and record the outcome the reporter reads", async () => {
    const empty = await post(adminAction, `/admin/reports/${id}`, olga, { intent: "ask", text: " " }, { id });
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).errors).toEqual({ text: ["required"] });
    expect((await post(adminAction, `/admin/reports/${id}`, olga, { intent: "ask", text: "Hvilket møte gjaldt det?" }, { id })).headers.get("Location")).toBe(`/admin/reports/${id}?done=asked`);
    expect((await post(pageAction, `/reports/${id}`, viktor, { text: "" }, { id })).status).toBe(400);
    expect((await post(pageAction, `/reports/${id}`, viktor, { text: "Dialogmøtet 3. desember." }, { id })).status).toBe(302);
    const badOutcome = await post(adminAction, `/admin/reports/${id}`, olga, { intent: "outcome", outcome: "guilty", note: "" }, { id });
    expect(badOutcome.status).toBe(400);
    expect((await readJson(badOutcome)).errors).toEqual({ outcome: ["required"] });
    expect((await post(adminAction, `/admin/reports/${id}`, olga, { intent: "outcome", outcome: "upheld", note: "Bekreftet av referatet." }, { id })).status).toBe(302);
    const page = await readJson(await get(pageLoader, `/reports/${id}`, viktor, { id }));
    expect(page.report).toMatchObject({ status: "closed", outcome: "upheld", outcomeNote: "Bekreftet av referatet." });
    expect(page.report.messages.map((m: { author: string; text: string }) => [m.author, m.text])).toEqual([
      ["operator", "Hvilket møte gjaldt det?"],
      ["reporter", "Dialogmøtet 3. desember."],
    ]);
    expect(JSON.stringify(page)).not.toContain(olga.id);
    expect(JSON.stringify(page)).not.toContain("Olga");
    const closed = await post(pageAction, `/reports/${id}`, viktor, { text: "Noe mer." }, { id });
    expect(closed.status).toBe(409);
    expect((await readJson(closed)).errors).toEqual({ text: ["report_closed"] });
  });
});

describe("counts on the counterpart's public page", () => {
  it("shows nothing until three organisations have reported it, then counts by clause and outcome without names", async () => {
    const target = await createOrganisationWith(t.db, [], { isBuyer: true, name: "Fjellvik kommune" });
    const reporters = await Promise.all(
      ["Alfa", "Beta", "Gamma"].map(async (name) => {
        const person = await createPerson(t.db, { name: `${name} Melder` });
        const organisation = await createOrganisationWith(t.db, [{ person, role: "member" }], { isBuyer: false, isVendor: true, name: `${name} Leverandør AS` });
        return { user: { id: person.id }, organisation: { id: organisation.id } };
      }),
    );
    const file = async (who: (typeof reporters)[number]) => {
      const filed = await fileReport(t.db, who, { counterpartId: target.id, clauses: [clause], account: "Brudd på normene." }, { baseUrl });
      expect(filed.ok).toBe(true);
    };
    const page = async () => readJson(await get(organisationLoader, `/organisations/${target.slug}`, undefined, { slug: target.slug }));
    await file(reporters[0]!);
    await file(reporters[0]!);
    await file(reporters[1]!);
    // Three reports, two organisations: still nothing, or the count would point at them.
    expect((await page()).reports).toBeNull();
    await file(reporters[2]!);
    const shown = await page();
    expect(shown.reports).toEqual({ total: 4, byClause: [{ conductVersion: expect.any(Number), clause, count: 4 }], byOutcome: [{ outcome: "open", count: 4 }] });
    const body = JSON.stringify(shown);
    for (const name of ["Alfa", "Beta", "Gamma", "Brudd på normene"]) expect(body).not.toContain(name);
  });
});

describe("authorization", () => {
  // A's member reports the outsider's organisation (a vendor; A is a buyer): the outsider is the counterpart.
  const outsiderOrganisation = async (world: World) =>
    (await t.db.selectFrom("memberships").select("organisationId").where("userId", "=", world.people.outsider.id).executeTakeFirstOrThrow()).organisationId;
  const worldReport = async (world: World) => {
    const filed = await fileReport(
      t.db,
      { user: { id: world.people.member.id }, organisation: { id: world.organisation.id } },
      { counterpartId: await outsiderOrganisation(world), clauses: [clause], account: "Leverandøren ga oss en gave før konkurransen." },
      { baseUrl },
    );
    if (!filed.ok) throw new Error("not filed");
    return filed.value.id;
  };

  authorizationMatrix(() => t.db, [
    {
      route: "GET /reports (the person's own)",
      call: listLoader,
      request: (_world, cookie) => routeArgs("/reports", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /reports/new (members of an organisation)",
      call: newLoader,
      request: (_world, cookie) => routeArgs("/reports/new", { cookie }),
      expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "POST /reports/new (about the outsider: its own members are refused)",
      call: newAction,
      request: async (world, cookie) => formRequest("/reports/new", { counterpartId: await outsiderOrganisation(world), clauses: String(clause), account: "Gave før konkurransen." }, { cookie }),
      expect: { anonymous: "login", outsider: 400, member: "ok", admin: "ok", operator: "register" },
    },
    {
      route: "GET /reports/:id (the reporter only; 404 to the counterpart and colleagues)",
      call: pageLoader,
      request: async (world, cookie) => {
        const id = await worldReport(world);
        return routeArgs(`/reports/${id}`, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: 404, operator: 404 },
    },
    {
      route: "POST /reports/:id (the reporter answers)",
      call: pageAction,
      request: async (world, cookie) => {
        const id = await worldReport(world);
        return formRequest(`/reports/${id}`, { text: "Det var på dialogmøtet." }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: 404, operator: 404 },
    },
    {
      route: "GET /admin/reports (operators)",
      call: adminListLoader,
      request: (_world, cookie) => routeArgs("/admin/reports", { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "GET /admin/reports/:id (operators)",
      call: adminLoader,
      request: async (world, cookie) => {
        const id = await worldReport(world);
        return routeArgs(`/admin/reports/${id}`, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "POST /admin/reports/:id (ask)",
      call: adminAction,
      request: async (world, cookie) => {
        const id = await worldReport(world);
        return formRequest(`/admin/reports/${id}`, { intent: "ask", text: "Når var det?" }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
    {
      route: "POST /admin/reports/:id (reveal the reporter, logged)",
      call: adminAction,
      request: async (world, cookie) => {
        const id = await worldReport(world);
        return formRequest(`/admin/reports/${id}`, { intent: "reveal" }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
  ]);
});
