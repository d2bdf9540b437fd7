import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../fixtures/database";
import { createHostileWorld, tableCounts, type HostileWorld } from "../fixtures/hostile";
import { respond } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { loader as organisationPage } from "~/routes/organisations.$slug";
import { loader as organisationAtom } from "~/routes/organisations.$slug[.atom]";
import { loader as roadmapPage } from "~/routes/standards.roadmaps.$slug";
import { loader as conductVersion } from "~/routes/conduct.versions.$number";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { action as effortRequestsApi } from "~/routes/api.v1.effort-requests";
import { action as interactionsApi } from "~/routes/api.v1.interactions";
import { action as newEffortRequest } from "~/routes/effort-requests.new";

// The 500s issue 14 lists, each a request the portal must answer below 500 and store
// nothing for when it refuses; and text that enters is stored normalised.

const t = setupTestDatabase();
let world: HostileWorld;
beforeAll(async () => {
  world = await createHostileWorld(t.db);
});

/** The answer, below 500; a refusal leaves every table as it was. The body stays readable. */
async function expectHandled(_db: unknown, call: (args: never) => unknown, args: unknown, label: string): Promise<Response> {
  const before = await tableCounts(t.db);
  const response = await respond(call(args as never));
  expect(response.status, label).toBeLessThan(500);
  if (response.status >= 400) expect(await tableCounts(t.db), label).toEqual(before);
  return response;
}

const get = (path: string, params: Record<string, string> = {}) => routeArgs(path, { params });

describe("anonymous GETs with hostile path segments and queries", () => {
  it.each([
    ["/organisations/%00", organisationPage, { slug: "\u0000" }],
    ["/organisations/%00.atom", organisationAtom, { slug: "\u0000" }],
    ["/standards/roadmaps/%00", roadmapPage, { slug: "\u0000" }],
    ["/standards/roadmaps/a%00b", roadmapPage, { slug: "a\u0000b" }],
    ["/organisations/%ED%A0%80", organisationPage, { slug: "\ud800" }],
  ] as const)("%s answers 404", async (path, loader, params) => {
    const response = await expectHandled(t.db, loader as never, await get(path, params), path);
    expect(response.status).toBe(404);
  });

  it.each(["99999999999999999999", "2147483648", "9223372036854775808", "1e3", "-1", "0"])("/conduct/versions/%s answers 404", async (number) => {
    const response = await expectHandled(t.db, conductVersion as never, await get(`/conduct/versions/${number}`, { number }), number);
    expect(response.status).toBe(404);
  });

  it.each(["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01"])("/api/v1/ocds/releases?since=%s answers below 500", async (since) => {
    const response = await expectHandled(t.db, ocdsReleases as never, await get(`/api/v1/ocds/releases?since=${since}`), since);
    expect(response.status).toBeLessThan(500);
  });
});

describe("integers past 2^31", () => {
  it.each([2 ** 31, 2 ** 63])("hoursPerVendor %d is a field error, by API and by form", async (hours) => {
    const body = { title: "Demo", description: "Kort demo.", kindsOfWork: ["demo"], hoursPerVendor: hours, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(), recipients: [world.vendorOrg.id] };
    const api = await expectHandled(t.db, effortRequestsApi as never, await jsonRequest("/api/v1/effort-requests", "POST", body, world.tokens.buyer), "api");
    expect(api.status).toBe(400);
    expect((await readJson(api)).errors).toContainEqual(expect.objectContaining({ path: "hoursPerVendor", code: "too_large" }));
    const form = await expectHandled(
      t.db,
      newEffortRequest as never,
      await formRequest("/effort-requests/new", { ...body, kindsOfWork: "demo", hoursPerVendor: String(hours), recipients: world.vendorOrg.id, deadline: body.deadline.slice(0, 16) }, { cookie: world.buyer.cookie }),
      "form",
    );
    expect(form.status).toBe(400);
  });

  it.each([2 ** 31, 2 ** 63])("an interaction clause %d is a field error", async (clause) => {
    const response = await expectHandled(t.db, interactionsApi as never, await jsonRequest("/api/v1/interactions", "POST", interaction({ clauses: [clause] }), world.tokens.vendor), "clauses");
    expect(response.status).toBe(400);
  });
});

const interaction = (overrides: Record<string, unknown> = {}) => ({
  counterpartId: world.buyerOrg.id,
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  channel: "demo",
  participants: [{ side: "own", userId: world.vendor.id }],
  subject: "Demo",
  summary: "Vi viste modulen.",
  clauses: [],
  assessment: "in_line",
  ...overrides,
});

describe("text that enters is stored normalised", () => {
  it("an interaction subject with NUL, a lone surrogate, CRLF and a decomposed letter", async () => {
    const response = await expectHandled(
      t.db,
      interactionsApi as never,
      await jsonRequest("/api/v1/interactions", "POST", interaction({ subject: "De\u0000mo \ud800 cafe\u0301", summary: "a\r\nb\u0007" }), world.tokens.vendor),
      "subject",
    );
    expect(response.status).toBe(201);
    const { id } = await readJson(response);
    const row = await t.db.selectFrom("interactionEntries").select(["subject", "summary"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ subject: "Demo \ufffd café", summary: "a\nb" });
  });
});
