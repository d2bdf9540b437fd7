import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONDUCT_CONSULTATION_ID } from "@db/seed/demo-consultations";
import { seedDemoData } from "@db/seed/demo";
import { createApiToken } from "~/models/api-tokens.server";
import { action as apiCreate } from "~/routes/api.v1.consultations";
import { action as apiRespond, loader as apiResponses } from "~/routes/api.v1.consultations.$id.responses";
import { loader as versionLoader } from "~/routes/conduct.versions.$number";
import { loader as atomFeed } from "~/routes/consultations[.]atom";
import { loader as pageLoader } from "~/routes/consultations.$id/route";
import { loader as demandPage } from "~/routes/demand._index";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { signIn } from "../fixtures/users";

// Issue 18's acceptance on the demo data: the operators consult on version 2 of the code of
// conduct; the demo vendor and the demo buyer respond, neither seeing the other's response
// before the deadline (pages, API, feeds, search); after it both are published; the version
// page (a draft while out for consultation) links to the consultation and its summary.

const t = setupTestDatabase();
// The whole demo takes a while on a loaded machine.
beforeAll(() => seedDemoData(t.db), 300_000);

const userId = (email: string) => t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow().then((u) => u.id);
const tokenOf = async (email: string) => (await createApiToken(t.db, await userId(email), "acceptance")).token;
const pageOf = async (id: string, cookie?: string) => readJson(await respond(pageLoader(await routeArgs(`/consultations/${id}`, { cookie, params: { id } }))));
const responsesOf = async (id: string, token?: string) => respond(apiResponses(await jsonRequest(`/api/v1/consultations/${id}/responses`, "GET", undefined, token, { id })));

describe("the operators' consultation on code-of-conduct version 2", () => {
  it("in the demo is concluded: both responses published with the organisation's name, the withheld part left out", async () => {
    const page = await pageOf(DEMO_CONDUCT_CONSULTATION_ID);
    expect(page.responses.published.map((r: { organisationName: string }) => r.organisationName).sort()).toEqual(["Bergvik kommune", "Nordlys Helse AS"]);
    expect(JSON.stringify(page)).not.toMatch(/intern sak om en leverandør|personalsak/);
    const api = await readJson(await responsesOf(DEMO_CONDUCT_CONSULTATION_ID));
    expect(api.items).toHaveLength(2);
    expect(JSON.stringify(api)).not.toMatch(/intern sak om en leverandør|personalsak/);
  });

  it("is linked, with its summary, from /conduct/versions/2, which anyone reads while it is out for consultation", async () => {
    const version = await readJson(await respond(versionLoader(await routeArgs("/conduct/versions/2", { params: { number: "2" } }))));
    expect(version.version.number).toBe(2);
    expect(version.version.publishedAt).toBeNull();
    expect(version.consultations).toEqual([expect.objectContaining({ id: DEMO_CONDUCT_CONSULTATION_ID, state: "concluded", usageSummary: expect.stringContaining("Vi fikk to høringssvar") })]);
  });

  it("opened again by the demo operator: the demo vendor and buyer respond, neither sees the other's before the deadline, both are published after", async () => {
    const [operator, vendor, buyer] = await Promise.all([tokenOf("admin@demo.test"), tokenOf("vendor@demo.test"), tokenOf("buyer@demo.test")]);
    const created = await respond(
      apiCreate(
        await jsonRequest(
          "/api/v1/consultations",
          "POST",
          {
            caseNumber: "MD 26/9",
            title: "Samspillsnormer versjon 2, ny runde",
            summary: "Andre runde om utkastet til versjon 2.",
            subject: "conduct_version",
            conductVersion: 2,
            questions: ["Er klausulen om mandat tydelig?"],
            deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
            effortLevel: "light",
            hoursPerResponder: 2,
          },
          operator,
        ),
      ),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const id = (await readJson(created)).id as string;

    const VENDOR_TEXT = "NORDLYS-SVAR-UNDER-HØRINGEN";
    const BUYER_TEXT = "BERGVIK-SVAR-UNDER-HØRINGEN";
    for (const [token, text] of [[vendor, VENDOR_TEXT], [buyer, BUYER_TEXT]] as const) {
      const response = await respond(apiRespond(await jsonRequest(`/api/v1/consultations/${id}/responses`, "POST", { answers: [{ text }], submit: true }, token, { id })));
      expect(response.status, await response.clone().text()).toBe(201);
    }

    // Before the deadline: each sees its own only, through the page and the API; no one else sees either.
    const [vendorCookie, buyerCookie, kamCookie] = await Promise.all([signIn(await userId("vendor@demo.test")), signIn(await userId("buyer@demo.test")), signIn(await userId("kam@demo.test"))]);
    const vendorPage = JSON.stringify(await pageOf(id, vendorCookie));
    expect(vendorPage).toContain(VENDOR_TEXT);
    expect(vendorPage).not.toContain(BUYER_TEXT);
    const buyerPage = JSON.stringify(await pageOf(id, buyerCookie));
    expect(buyerPage).toContain(BUYER_TEXT);
    expect(buyerPage).not.toContain(VENDOR_TEXT);
    for (const cookie of [kamCookie, undefined]) expect(JSON.stringify(await pageOf(id, cookie))).not.toMatch(/SVAR-UNDER-HØRINGEN/);
    const vendorApi = JSON.stringify(await readJson(await responsesOf(id, vendor)));
    expect(vendorApi).toContain(VENDOR_TEXT);
    expect(vendorApi).not.toContain(BUYER_TEXT);
    const buyerApi = JSON.stringify(await readJson(await responsesOf(id, buyer)));
    expect(buyerApi).toContain(BUYER_TEXT);
    expect(buyerApi).not.toContain(VENDOR_TEXT);
    for (const token of [operator, undefined]) expect((await responsesOf(id, token)).status).toBe(404);
    // Feeds and search.
    expect(await (await atomFeed(await routeArgs("/consultations.atom"))).text()).not.toMatch(/SVAR-UNDER-HØRINGEN/);
    for (const q of [VENDOR_TEXT, BUYER_TEXT]) {
      const demand = await readJson(await respond(demandPage(await routeArgs(`/demand?q=${encodeURIComponent(q)}`))));
      expect(demand.items).toEqual([]);
    }
    const found = await readJson(await respond(demandPage(await routeArgs("/demand?kind=consultation&q=samspillsnormer"))));
    expect(found.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(parseFeed(await (await atomFeed(await routeArgs("/consultations.atom"))).text()).items.map((i) => i.url)).toContain(`http://localhost/consultations/${id}`);

    // After the deadline: both published, with the organisations' names, to anyone.
    await t.db.updateTable("consultations").set({ deadline: new Date(Date.now() - 60_000) }).where("id", "=", id).execute();
    const published = await readJson(await responsesOf(id));
    expect(published.items.map((r: { organisation: { name: string } }) => r.organisation.name).sort()).toEqual(["Bergvik kommune", "Nordlys Helse AS"]);
    expect(JSON.stringify(published)).toContain(VENDOR_TEXT);
    expect(JSON.stringify(published)).toContain(BUYER_TEXT);
    const version = await readJson(await respond(versionLoader(await routeArgs("/conduct/versions/2", { params: { number: "2" } }))));
    expect(version.consultations.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([id, DEMO_CONDUCT_CONSULTATION_ID]));
  });
});
