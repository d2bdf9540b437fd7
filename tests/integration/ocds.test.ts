import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { loader as releases } from "~/routes/api.v1.ocds.releases";
import { setupTestDatabase } from "../fixtures/database";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";
import { readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));
const validate = ocdsPackageValidator();

const get = async (query = "") => releases(await routeArgs(`/api/v1/ocds/releases${query}`));

describe("GET /api/v1/ocds/releases", () => {
  it("answers a release package for every published event and every procured one, with zero schema errors", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(validate(body)).toEqual([]);
    const published = await t.db
      .selectFrom("events")
      .select("id")
      .where((eb) => eb.or([eb("status", "=", "published"), eb("outcome", "=", "procured")]))
      .execute();
    expect(body.releases.map((r: { ocid: string }) => r.ocid).sort()).toEqual(published.map((e) => `ocds-markedsdialog-${e.id}`).sort());
    expect(body.version).toBe("1.1");

    for (const release of body.releases) {
      expect(release.buyer.id).toMatch(/^NO-BRC-\d{9}$/);
      expect(release.tender.status).toMatch(/^(planning|planned|complete)$/);
      for (const m of release.tender.milestones ?? []) expect(m.type).toBe("engagement");
    }
    const notice = body.releases.find((r: { ocid: string }) => r.ocid.endsWith("104"));
    expect(notice.tender.status).toBe("planned");
    const rfi = body.releases.find((r: { ocid: string }) => r.ocid.endsWith("101"));
    expect(rfi.planning.budget.amount).toEqual({ amount: 6_000_000, currency: "NOK" });
    expect(rfi.tender.minValue).toEqual({ amount: 4_000_000, currency: "NOK" });
    expect(rfi.tender.milestones.map((m: { code: string }) => m.code)).toEqual(["registration", "response"]);
    // The IP terms and the buyer's undertaking (issue 17), as a document of the tender.
    const terms = rfi.tender.documents.find((d: { id: string }) => d.id === "ip-terms");
    expect(terms).toMatchObject({ documentType: "otherParticipationRequirements", format: "text/html", language: "nb" });
    expect(terms.description).toContain("Bakgrunnsrettigheter forblir hos leverandøren: ja.");
    expect(terms.description).toContain("gitt av Berit Innkjøp");
    expect(terms.description).toContain("vil ikke bruke leverandørenes informasjon i egen forretningsdrift");
    expect(terms.url).toMatch(/\/events\/00000000-0000-4000-8000-000000000101#ip-title$/);
    // An event that states no terms has no such document.
    expect(notice.tender.documents.map((d: { id: string }) => d.id)).toEqual(["event-page"]);
  });

  it("pages by last change, every page a valid package, and filters by ?since=", async () => {
    const inFeed = (await t.db.selectFrom("events").select("id").where((eb) => eb.or([eb("status", "=", "published"), eb("outcome", "=", "procured")])).execute()).length;
    const seen: string[] = [];
    let url: string | null = "?limit=3";
    while (url) {
      const response = await get(url.startsWith("?") ? url : new URL(url).search);
      const body = await readJson(response);
      expect(validate(body)).toEqual([]);
      seen.push(...body.releases.map((r: { ocid: string }) => r.ocid));
      expect(body).not.toHaveProperty("links");
      url = /^<([^>]+)>; rel="next"$/.exec(response.headers.get("Link") ?? "")?.[1] ?? null;
    }
    expect(seen).toHaveLength(inFeed);
    expect(new Set(seen).size).toBe(inFeed);

    // One event changes: only it is newer than a moment ago.
    const marker = new Date(Date.now() + 60_000);
    await t.db.updateTable("events").set({ updatedAt: new Date(marker.getTime() + 1000) }).where("id", "=", "00000000-0000-4000-8000-000000000103").execute();
    const recent = await readJson(await get(`?since=${marker.toISOString()}`));
    expect(recent.releases.map((r: { ocid: string }) => r.ocid)).toEqual(["ocds-markedsdialog-00000000-0000-4000-8000-000000000103"]);
    expect(validate(recent)).toEqual([]);
    expect((await readJson(await get("?since=2000-01-01"))).releases).toHaveLength(inFeed);
  });

  it("tells a procured event's award, its contract and the call-offs as transactions (issue 15)", async () => {
    const body = await readJson(await get());
    const release = body.releases.find((r: { ocid: string }) => r.ocid.endsWith("109"));
    expect(release.tag).toEqual(["planning", "award", "contract", "implementation"]);
    expect(release.tender.status).toBe("complete");
    expect(release.awards[0]).toMatchObject({ value: { amount: 1_650_000, currency: "NOK" }, suppliers: [{ name: "CareSoft Nordic AB" }] });
    expect(release.parties.find((p: { name: string }) => p.name === "CareSoft Nordic AB").roles).toEqual(["supplier", "payee"]);
    const [contract] = release.contracts;
    expect(contract).toMatchObject({ awardID: release.awards[0].id, title: "Elektronisk medisineringsstøtte på sykehjem", value: { amount: 550_000, currency: "NOK" } });
    expect(contract.implementation.transactions).toHaveLength(1);
    expect(contract.implementation.transactions[0].value).toEqual({ amount: 550_000, currency: "NOK" });
  });

  it("refuses an unreadable since, cursor or limit with 400 and says which", async () => {
    const response = await get("?since=yesterday&cursor=x&limit=500");
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors.map((e: { path: string }) => e.path)).toEqual(["since", "cursor", "limit"]);
  });
});
