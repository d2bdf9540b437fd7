import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/organisation.audit";
import { loader as adminAuditLoader } from "~/routes/admin.audit";
import { loader as adminOutboxLoader } from "~/routes/admin.outbox";
import { loader as apiDemandLoader } from "~/routes/api.v1.demand";
import { loader as apiInteractionsLoader } from "~/routes/api.v1.interactions";
import { loader as ocdsLoader } from "~/routes/api.v1.ocds.releases";
import { loader as csvLoader } from "~/routes/demand[.]csv";
import { loader as demandLoader } from "~/routes/demand._index";
import { loader as pipelineLoader } from "~/routes/demand.pipeline";
import { loader as organisationsLoader } from "~/routes/organisations._index";
import { setupTestDatabase } from "../fixtures/database";
import { createHostileWorld, tableCounts, type HostileWorld } from "../fixtures/hostile";
import { respond } from "../fixtures/people";
import { routeArgs, type RouteArgs } from "../fixtures/requests";
import { ipTermsColumns } from "../fixtures/ip-terms";

// SQL injection through every filter and search parameter: each payload must give the
// same answer (status and results) as a harmless value in the same place, and leave
// every table as it was.
const t = setupTestDatabase();

export const INJECTIONS = [
  "' OR 1=1--",
  "' OR '1'='1",
  "1' OR '1'='1' /*",
  "'; DROP TABLE events;--",
  "\"; DROP TABLE organisations;--",
  "%' UNION SELECT id, email, password_hash FROM users--",
  "') UNION SELECT NULL,NULL--",
  "1; SELECT pg_sleep(2)--",
  "' AND (SELECT count(*) FROM users) > 0--",
  "foo & | !",
  "!!(foo",
  ":*",
  "a:* & b:*",
  "<->",
  "\\",
  "\\'",
  "%",
  "_",
  "%%%%",
  "$$; select 1; $$",
  "\u0000' OR 1=1",
];
// Not a valid slug, so list parameters ignore it just as they ignore a payload.
const HARMLESS = "zzz harmless!";

interface Endpoint {
  name: string;
  path: string;
  params: string[];
  call: (args: RouteArgs) => unknown;
  /** What the answer returns, without echoes of the query (filters, links). */
  results: (response: Response) => Promise<unknown>;
  who?: (w: HostileWorld) => { cookie?: string };
}

const ids = (key: string) => async (response: Response) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body: any = await response.json();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (body[key] ?? body.errors ?? null)?.map?.((item: any) => item.id ?? item.path ?? item.quarter ?? item) ?? body;
};
const DEMAND_PARAMS = ["q", "kind", "cpv", "buyer", "sector", "region", "standard", "expectation", "budgetFrom", "budgetTo", "quarterFrom", "quarterTo", "open", "sort", "cursor", "limit"];

const ENDPOINTS: Endpoint[] = [
  { name: "/demand", path: "/demand", params: DEMAND_PARAMS, call: demandLoader, results: ids("items") },
  { name: "/api/v1/demand", path: "/api/v1/demand", params: DEMAND_PARAMS, call: apiDemandLoader, results: ids("items") },
  {
    name: "/demand.csv",
    path: "/demand.csv",
    params: DEMAND_PARAMS,
    call: csvLoader,
    results: async (r) => (await r.text()).split("\n").map((line) => line.split(";")[0]),
  },
  {
    name: "/demand/pipeline",
    path: "/demand/pipeline",
    params: DEMAND_PARAMS,
    call: pipelineLoader,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    results: async (r) => ((await r.json()) as any).quarters.map(({ href: _href, ...q }: { href: unknown }) => q),
  },
  { name: "/api/v1/ocds/releases", path: "/api/v1/ocds/releases", params: ["since", "cursor", "limit"], call: ocdsLoader, results: ids("releases") },
  { name: "/organisations", path: "/organisations", params: ["role", "page"], call: organisationsLoader, results: ids("organisations") },
  { name: "/admin/outbox", path: "/admin/outbox", params: ["status", "after"], call: adminOutboxLoader, results: ids("messages"), who: (w) => w.operator },
  { name: "/admin/audit", path: "/admin/audit", params: ["before"], call: adminAuditLoader, results: ids("entries"), who: (w) => w.operator },
  { name: "/organisation/audit", path: "/organisation/audit", params: ["before"], call: auditLoader, results: ids("entries"), who: (w) => w.buyer },
  {
    name: "/api/v1/interactions",
    path: "/api/v1/interactions",
    params: ["counterpart", "organisation"],
    call: apiInteractionsLoader,
    results: ids("interactions"),
    who: (w) => w.vendor,
  },
];

let world: HostileWorld;
beforeAll(async () => {
  world = await createHostileWorld(t.db);
  // A second published event, so a query that matched everything would show.
  await t.db
    .insertInto("events")
    .values({
      buyerId: world.buyerOrg.id,
      kind: "rfi",
      status: "published",
      publishedAt: new Date(),
      ...ipTermsColumns(),
      title: "Forespørsel om digitalt tilsyn",
      description: "Kameratilsyn om natten.",
      registrationDeadline: new Date(Date.now() + 5 * 86_400_000),
      effortLevel: "none",
    })
    .execute();
});

async function answer(endpoint: Endpoint, param: string, value: string) {
  const query = new URLSearchParams({ [param]: value });
  const response = await respond(endpoint.call(await routeArgs(`${endpoint.path}?${query}`, { cookie: endpoint.who?.(world).cookie })));
  return { status: response.status, results: response.status < 300 ? await endpoint.results(response) : await response.text().then(() => null) };
}

describe.each(ENDPOINTS)("SQL injection into $name", (endpoint) => {
  it.each(endpoint.params)("parameter %s: same answer as a harmless value, nothing changed", async (param) => {
    const before = await tableCounts(t.db);
    const harmless = await answer(endpoint, param, HARMLESS);
    expect([200, 400, 403, 422]).toContain(harmless.status);
    const absent = await answer(endpoint, "unused", HARMLESS);
    for (const payload of INJECTIONS) {
      const hostile = await answer(endpoint, param, payload);
      expect([200, 400, 403, 422], `${param}=${payload}`).toContain(hostile.status);
      // A value with a NUL character is refused like the harmless one, or ignored (named back) as if absent.
      if (payload.includes("\u0000")) expect([harmless, absent], `${param}=${payload}`).toContainEqual(hostile);
      else expect(hostile, `${param}=${payload}`).toEqual(harmless);
    }
    expect(await tableCounts(t.db)).toEqual(before);
    const tables = await sql<{ ok: boolean }>`select to_regclass('public.events') is not null and to_regclass('public.organisations') is not null as ok`.execute(t.db);
    expect(tables.rows[0]?.ok).toBe(true);
  });
});

describe("the injection check can tell results apart", () => {
  it("finds the published events by a real word, and none by the harmless value", async () => {
    // The dialogue meeting and the RFI with a response (issue 17) are both about trygghetsalarmer.
    const real = await answer(ENDPOINTS[1]!, "q", "trygghetsalarmer");
    expect((real.results as string[]).length).toBe(2);
    expect((await answer(ENDPOINTS[1]!, "q", HARMLESS)).results).toEqual([]);
    // Everything the world lists: the dialogue meeting, the pilot, issue 17's two RFIs (one with a questionnaire, one with a response), and its open consultation.
    const all = await answer(ENDPOINTS[1]!, "kind", HARMLESS);
    expect((all.results as string[]).length).toBe(6);
  });
});
