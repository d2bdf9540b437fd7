import { parseFeed } from "@rowanmanning/feed-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listApi } from "~/routes/api.v1.consultations";
import { loader as ocdsConsultations } from "~/routes/api.v1.ocds.consultations";
import { loader as atomFeed } from "~/routes/consultations[.]atom";
import { loader as icsFeed } from "~/routes/consultations[.]ics";
import { loader as demandPage } from "~/routes/demand._index";
import { loader as demandApi } from "~/routes/api.v1.demand";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";
import { createOrganisationWith, createPerson, respond } from "../fixtures/people";
import { readJson, routeArgs } from "../fixtures/requests";

// Consultations as open data (issue 18): the public list in the API and OCDS planning releases
// with a `consultation` engagement milestone, valid against the OCDS 1.1 schema, and never a
// response, neither before the deadline (its author's alone) nor after.

const t = setupTestDatabase();
const validate = ocdsPackageValidator();
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const SECRET = "HEMMELIG-UTKAST-FØR-FRISTEN";
const PUBLISHED = "PUBLISERT-SVAR-ETTER-FRISTEN";

let openId: string;
let closedId: string;
let operatorsId: string;

beforeAll(async () => {
  const [buyerPerson, vendorPerson] = await Promise.all([createPerson(t.db, { name: "Berit Innkjøp" }), createPerson(t.db, { name: "Viktor Leverandør" })]);
  const buyer = await createOrganisationWith(t.db, [{ person: buyerPerson, role: "admin" }], { isBuyer: true, verified: true, name: "Helse Vestfjord HF" });
  const vendor = await createOrganisationWith(t.db, [{ person: vendorPerson, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  const consultation = (organiserId: string | null, deadline: Date, extra: { usageSummary?: string; usageSummaryAt?: Date; documentLinks?: string[] } = {}) =>
    t.db
      .insertInto("consultations")
      .values({ organiserId, caseNumber: "26/17", title: "Veikart for FHIR", summary: "Vi vil kreve FHIR R4.", subject: "standards_roadmap", questions: ["Er tidspunktet realistisk?"], deadline, effortLevel: "light", hoursPerResponder: 3, ...extra })
      .returning("id")
      .executeTakeFirstOrThrow();
  openId = (await consultation(buyer.id, days(20), { documentLinks: ["https://example.org/veikart.pdf"] })).id;
  closedId = (await consultation(buyer.id, days(-5), { usageSummary: "Vi utsetter kravet.", usageSummaryAt: days(-1) })).id;
  operatorsId = (await consultation(null, days(10))).id;
  for (const [consultationId, status, text] of [
    [openId, "submitted", SECRET],
    [openId, "draft", `${SECRET}-2`],
    [closedId, "submitted", PUBLISHED],
  ] as const) {
    const organisationId = status === "draft" ? buyer.id : vendor.id;
    const response = await t.db
      .insertInto("consultationResponses")
      .values({ consultationId, organisationId, status, submittedAt: status === "submitted" ? days(-6) : null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("consultationResponseParts").values({ responseId: response.id, position: 0, text }).execute();
  }
});

describe("GET /api/v1/ocds/consultations", () => {
  it("answers a valid OCDS 1.1 package: one planning release per consultation with a consultation milestone at the deadline", async () => {
    const response = await respond(ocdsConsultations(await routeArgs("/api/v1/ocds/consultations")));
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(validate(body)).toEqual([]);
    const byOcid = new Map(body.releases.map((r: { ocid: string }) => [r.ocid, r]));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const open = byOcid.get(`ocds-markedsdialog-consultation-${openId}`) as any;
    expect(open).toMatchObject({ tag: ["planning"], buyer: { name: "Helse Vestfjord HF" }, tender: { status: "planning", title: "Veikart for FHIR" } });
    expect(open.tender.milestones).toEqual([expect.objectContaining({ id: "consultation", type: "engagement", code: "consultation", status: "scheduled" })]);
    expect(open.tender.documents.map((d: { id: string }) => d.id)).toEqual(["consultation-page", "document-1"]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const closed = byOcid.get(`ocds-markedsdialog-consultation-${closedId}`) as any;
    expect(closed.tender.milestones[0]).toMatchObject({ status: "met" });
    expect(closed.tender.documents.map((d: { id: string }) => d.id)).toContain("usage-summary");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const operators = byOcid.get(`ocds-markedsdialog-consultation-${operatorsId}`) as any;
    expect(operators).not.toHaveProperty("buyer");
    expect(operators.tender.procuringEntity.id).toBe("markedsdialog");
  });

  it("carries no response, before the deadline or after", async () => {
    const text = await (await respond(ocdsConsultations(await routeArgs("/api/v1/ocds/consultations")))).text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(PUBLISHED);
  });
});

describe("GET /api/v1/consultations", () => {
  it("lists every consultation publicly, telling how many responded only after the deadline, and never a response", async () => {
    const response = await respond(listApi());
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(PUBLISHED);
    const { items } = await readJson(response);
    const byId = new Map(items.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(openId)).toMatchObject({ state: "open", responses: null, url: `/consultations/${openId}` });
    expect(byId.get(closedId)).toMatchObject({ state: "concluded", responses: 1 });
  });
});

describe("the Atom and iCalendar feeds", () => {
  it("list every consultation and its deadline, and never a response", async () => {
    const atom = await respond(atomFeed(await routeArgs("/consultations.atom")));
    expect(atom.headers.get("Content-Type")).toContain("application/atom+xml");
    const xml = await atom.text();
    expect(xml).toContain(`urn:uuid:${openId}`);
    expect(xml).toContain(`/consultations/${closedId}`);
    expect(xml).toContain("Endring i standardveikart");
    const ics = await respond(icsFeed(await routeArgs("/consultations.ics")));
    expect(ics.headers.get("Content-Type")).toContain("text/calendar");
    const calendar = await ics.text();
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar).toContain(`UID:${openId}-consultation@`);
    expect(calendar).toContain("Høringsfrist: Veikart for FHIR");
    for (const text of [xml, calendar]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(PUBLISHED);
    }
  });
});

describe("/demand", () => {
  it("shows the open consultations, nearest deadline first, and not the closed one", async () => {
    const page = await readJson(await respond(demandPage(await routeArgs("/demand?kind=consultation"))));
    const ids = page.items.map((c: { id: string; kind: string }) => c.id);
    expect(ids).toEqual([operatorsId, openId]);
    expect(page.items.every((c: { kind: string }) => c.kind === "consultation")).toBe(true);
  });

  it("finds no response through search, on the page, in the API or in /demand.atom, and shows none", async () => {
    for (const q of [SECRET, PUBLISHED, "HEMMELIG", `${SECRET}&kind=consultation`]) {
      const query = `?q=${encodeURIComponent(q).replace("%26kind%3D", "&kind=")}`;
      // The query is echoed in the filter; what was found is not a response.
      const page = await readJson(await respond(demandPage(await routeArgs(`/demand${query}`))));
      expect(page.items).toEqual([]);
      const api = await readJson(await respond(demandApi(await routeArgs(`/api/v1/demand${query}`))));
      expect(api.items).toEqual([]);
      // The feed echoes the query in its own address; its entries are what was found.
      const atom = JSON.stringify(parseFeed(await (await demandAtom(await routeArgs(`/demand.atom${query}`))).text()).items);
      for (const found of [JSON.stringify(page.items), JSON.stringify(api.items ?? api), atom]) {
        expect(found).not.toContain(SECRET);
        expect(found).not.toContain(PUBLISHED);
      }
    }
  });
});

describe("authorization", () => {
  // Open data: everyone reads all four, signed in or not.
  const everyone = { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" } as const;
  authorizationMatrix(
    () => t.db,
    (
      [
        ["/api/v1/consultations", listApi],
        ["/api/v1/ocds/consultations", ocdsConsultations],
        ["/consultations.atom", atomFeed],
        ["/consultations.ics", icsFeed],
      ] as const
    ).map(([path, call]) => ({ route: `GET ${path} (public)`, call, request: (_world: unknown, cookie: string | undefined) => routeArgs(path, { cookie }), expect: everyone })),
  );
});
