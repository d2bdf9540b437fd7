import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "@db/jsonb";
import { seedDemoData } from "@db/seed/demo";
import { action as createEvent } from "~/routes/api.v1.events";
import { action as patchEvent, loader as getEvent } from "~/routes/api.v1.events.$eventId";
import { loader as eventPageLoader } from "~/routes/events.$eventId/route";
import { action as newEventAction } from "~/routes/events.new";
import { loader as editEventLoader } from "~/routes/events.$eventId_.edit";
import { loader as insightsLoader } from "~/routes/insights";
import { loader as ocdsReleases } from "~/routes/api.v1.ocds.releases";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";
import { setupTestDatabase } from "../fixtures/database";
import { createPerson, respond } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs, type RouteArgs } from "../fixtures/requests";

// Who pays and who benefits (issue 19): declared on events through the API and the form,
// checked by the same rule and the database, shown on the event page and counted on /insights.

const t = setupTestDatabase();
const BUYER = "demo-buyer-token"; // Bergvik kommune
const VENDOR = "demo-vendor-token"; // Nordlys Helse AS
const DEMO_EVENT = "00000000-0000-4000-8000-000000000101"; // Bergvik's RFI: Bergvik pays 80 %, Helse Vestfjord 20 %, Helse Vestfjord gains
let ids: Record<"bergvik" | "vestfjord" | "nordlys", string>;

async function call(handler: (args: RouteArgs) => Promise<Response> | Response, args: Promise<RouteArgs>): Promise<Response> {
  return respond(handler(await args));
}
const post = (body: unknown, token = BUYER) => call(createEvent, jsonRequest("/api/v1/events", "POST", body, token));
const patch = (id: string, body: unknown, token = BUYER) => call(patchEvent, jsonRequest(`/api/v1/events/${id}`, "PATCH", body, token, { eventId: id }));
const get = (id: string) => call(getEvent, routeArgs(`/api/v1/events/${id}`, { params: { eventId: id } }));
const stored = async (id: string) => (await t.db.selectFrom("events").select("costBenefit").where("id", "=", id).executeTakeFirstOrThrow()).costBenefit;

beforeAll(async () => {
  await seedDemoData(t.db);
  const orgs = await t.db.selectFrom("organisations").select(["id", "slug"]).execute();
  const id = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  ids = {
    bergvik: id("bergvik-kommune"),
    vestfjord: id("helse-vestfjord-hf"),
    nordlys: id("nordlys-helse-as"),
  };
});

const draft = (costBenefit: unknown) => ({
  kind: "demand_notice",
  title: "Behovsmelding: utskrivningsklare pasienter",
  costBenefit,
});

describe("the demo event with different cost and benefit owners", () => {
  it("carries costBenefit as declared and the parties with names in the API body", async () => {
    const body = (await readJson(await get(DEMO_EVENT))) as Record<string, unknown>;
    expect(body.costBenefit).toEqual({
      costOwners: [
        { organisationId: ids.bergvik, sector: null, sharePercent: 80 },
        { organisationId: ids.vestfjord, sector: null, sharePercent: 20 },
      ],
      benefitOwners: [{ organisationId: ids.vestfjord, sector: null }],
    });
    expect(body.costBenefitParties).toMatchObject({
      ownersDiffer: true,
      costOwners: [
        { name: "Bergvik kommune", sharePercent: 80 },
        { name: "Helse Vestfjord HF", sharePercent: 20 },
      ],
      benefitOwners: [{ name: "Helse Vestfjord HF", slug: "helse-vestfjord-hf" }],
    });
  });

  it("is on the event page, and /insights counts the municipality's event as one whose benefit lands elsewhere", async () => {
    const page = (await readJson(
      await respond(
        eventPageLoader(
          await routeArgs(`/events/${DEMO_EVENT}`, {
            params: { eventId: DEMO_EVENT },
          }),
        ),
      ),
    )) as {
      event: { costBenefitParties: { ownersDiffer: boolean } };
    };
    expect(page.event.costBenefitParties.ownersDiffer).toBe(true);
    const insights = (await readJson(await respond(insightsLoader(await routeArgs("/insights"))))) as {
      costBenefit: { sector: string; events: number; differ: number }[];
    };
    expect(insights.costBenefit).toEqual(
      expect.arrayContaining([
        { sector: "municipality", events: 1, differ: 1 },
        { sector: "health_trust", events: 1, differ: 1 },
      ]),
    );
  });
});

describe("cost and benefit in the open data", () => {
  it("tells who pays and who benefits as a feasibility-study document, by name, and the package still validates", async () => {
    const body = await readJson(await call(ocdsReleases, routeArgs("/api/v1/ocds/releases")));
    expect(ocdsPackageValidator()(body)).toEqual([]);
    const release = body.releases.find((r: { ocid: string }) => r.ocid === `ocds-markedsdialog-${DEMO_EVENT}`);
    const document = (release.tender.documents as { id: string }[]).find((d) => d.id === "cost-benefit");
    expect(document).toMatchObject({
      documentType: "feasibilityStudy",
      description: "Kostnaden bæres av: Bergvik kommune (80 %), Helse Vestfjord HF (20 %). Gevinsten forventes hos: Helse Vestfjord HF.",
      url: expect.stringMatching(new RegExp(`/events/${DEMO_EVENT}#cost-benefit-title$`)),
    });
    // Named, not made parties: a payer is not a buyer of the tender.
    expect((release.parties as { roles: string[]; name: string }[]).filter((p) => p.name === "Helse Vestfjord HF")).toEqual([]);
    // Events that declare nothing carry no such document.
    const others = (body.releases as { ocid: string; tender: { documents: { id: string }[] } }[]).filter((r) => r.ocid !== `ocds-markedsdialog-${DEMO_EVENT}`);
    expect(others.some((r) => r.tender.documents.some((d) => d.id === "cost-benefit"))).toBe(false);
  });
});

describe("declaring cost and benefit through the API", () => {
  it("stores a sector and an organisation as parties, and clears the declaration with null", async () => {
    const cb = {
      costOwners: [{ sector: "municipality" }],
      benefitOwners: [{ organisationId: ids.vestfjord }],
    };
    const created = await post(draft(cb));
    expect(created.status).toBe(201);
    const { id } = (await readJson(created)) as { id: string };
    expect(await stored(id)).toEqual({
      costOwners: [{ organisationId: null, sector: "municipality", sharePercent: null }],
      benefitOwners: [{ organisationId: ids.vestfjord, sector: null }],
    });
    expect((await patch(id, { costBenefit: null })).status).toBe(200);
    expect(await stored(id)).toBeNull();
  });

  it.each([
    [
      "shares that do not sum to 100",
      {
        costOwners: [
          { sector: "municipality", sharePercent: 80 },
          { sector: "health_trust", sharePercent: 30 },
        ],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners",
      "shares_must_sum_to_100",
    ],
    [
      "a second payer without a share",
      {
        costOwners: [{ sector: "municipality", sharePercent: 80 }, { sector: "health_trust" }],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners.1.sharePercent",
      "share_required",
    ],
    [
      "a share above 100",
      {
        costOwners: [{ sector: "municipality", sharePercent: 120 }],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners.0.sharePercent",
      "too_large",
    ],
    [
      "a party that is both",
      {
        costOwners: [
          {
            sector: "municipality",
            organisationId: "11111111-1111-4111-8111-111111111111",
          },
        ],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners.0.sector",
      "party_ambiguous",
    ],
    ["no benefit owner", { costOwners: [{ sector: "municipality" }], benefitOwners: [] }, "costBenefit.benefitOwners", "benefit_owner_required"],
    [
      "an unknown sector",
      {
        costOwners: [{ sector: "church" }],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners.0.sector",
      "invalid_choice",
    ],
    [
      "an organisation that does not exist",
      {
        costOwners: [{ organisationId: "11111111-1111-4111-8111-111111111111" }],
        benefitOwners: [{ sector: "health_trust" }],
      },
      "costBenefit.costOwners.0.organisationId",
      "unknown_organisation",
    ],
  ])("refuses %s by the field, storing nothing", async (_name, costBenefit, path, code) => {
    const created = await post(draft(null));
    const { id } = (await readJson(created)) as { id: string };
    const response = await patch(id, { costBenefit });
    expect(response.status).toBe(400);
    const body = (await readJson(response)) as {
      errors: { path: string; code: string; message: string }[];
    };
    expect(body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(body.errors.every((e) => e.message && e.message !== e.code)).toBe(true);
    expect(await stored(id)).toBeNull();
    // A new draft with it is not created either.
    const before = await t.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect((await post(draft(costBenefit))).status).toBe(400);
    expect(
      await t.db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  it("refuses a vendor organisation as cost or benefit owner", async () => {
    const response = await post(
      draft({
        costOwners: [{ sector: "municipality" }],
        benefitOwners: [{ organisationId: ids.nordlys }],
      }),
    );
    expect(response.status).toBe(400);
    expect(((await readJson(response)) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({
        path: "costBenefit.benefitOwners.0.organisationId",
        code: "party_not_a_buyer",
      }),
    );
  });

  it("lets only the buyer change it: a vendor is refused and an anonymous caller must authenticate", async () => {
    const cb = {
      costOwners: [{ sector: "municipality" }],
      benefitOwners: [{ sector: "health_trust" }],
    };
    const vendor = await patch(DEMO_EVENT, { costBenefit: cb, reason: "Ny fordeling" }, VENDOR);
    expect([403, 404]).toContain(vendor.status);
    const anonymous = await call(patchEvent, jsonRequest(`/api/v1/events/${DEMO_EVENT}`, "PATCH", { costBenefit: cb }, undefined, { eventId: DEMO_EVENT }));
    expect(anonymous.status).toBe(401);
    expect((await stored(DEMO_EVENT))?.costOwners).toHaveLength(2);
  });

  it("records a change after publishing as an amendment", async () => {
    const id = (await readJson(await post(draft(null)))) as { id: string };
    await t.db.updateTable("events").set({ status: "published", publishedAt: new Date() }).where("id", "=", id.id).execute();
    const response = await patch(id.id, {
      costBenefit: {
        costOwners: [{ sector: "municipality" }],
        benefitOwners: [{ sector: "health_trust" }],
      },
      reason: "Gevinsten er sykehusets",
    });
    expect(response.status).toBe(200);
    const body = (await readJson(response)) as {
      amendment: { changes: { field: string }[] };
    };
    expect(body.amendment.changes.map((c) => c.field).sort()).toEqual(["costBenefit.benefitOwners", "costBenefit.costOwners"]);
  });
});

describe("the event form's cost and benefit step", () => {
  it("stores the rows, and refuses shares not summing to 100 by the field without creating the draft", async () => {
    const buyer = await createPerson(t.db, { name: "Berit Skjema" });
    await t.db
      .insertInto("memberships")
      .values({
        userId: buyer.id,
        organisationId: ids.bergvik,
        role: "admin",
        commercialRole: null,
      })
      .execute();
    await t.db.updateTable("users").set({ activeOrganisationId: ids.bergvik }).where("id", "=", buyer.id).execute();
    const fields = {
      intent: "save",
      kind: "demand_notice",
      title: "Behovsmelding: medisinsk avstandsoppfølging",
      "costBenefit.costOwners.0.party": "sector:municipality",
      "costBenefit.costOwners.0.sharePercent": "70",
      "costBenefit.costOwners.1.party": `organisation:${ids.vestfjord}`,
      "costBenefit.costOwners.1.sharePercent": "20",
      "costBenefit.benefitOwners.0.party": "sector:health_trust",
    };
    const count = () =>
      t.db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
    const before = await count();
    const refused = await respond(newEventAction(await formRequest("/events/new", fields, { cookie: buyer.cookie })));
    expect(refused.status).toBe(400);
    const data = (await readJson(refused)) as {
      errors: Record<string, string[]>;
    };
    expect(data.errors["costBenefit.costOwners"]).toEqual(["shares_must_sum_to_100"]);
    expect(await count()).toEqual(before);

    const saved = await respond(
      newEventAction(await formRequest("/events/new", { ...fields, "costBenefit.costOwners.0.sharePercent": "80" }, { cookie: buyer.cookie })),
    );
    expect(saved.status).toBe(302);
    const id = (saved.headers.get("Location") ?? "").split("/events/")[1]!.split(/[/?]/)[0]!;
    expect(await stored(id)).toEqual({
      costOwners: [
        { organisationId: null, sector: "municipality", sharePercent: 80 },
        { organisationId: ids.vestfjord, sector: null, sharePercent: 20 },
      ],
      benefitOwners: [{ organisationId: null, sector: "health_trust" }],
    });
    // The editor shows the rows again.
    const edit = await readJson(await respond(editEventLoader(await routeArgs(`/events/${id}/edit`, { cookie: buyer.cookie, params: { eventId: id } }))));
    expect(edit.values).toMatchObject({
      "costBenefit.costOwners.0.party": "sector:municipality",
      "costBenefit.costOwners.0.sharePercent": "80",
      "costBenefit.costOwners.1.party": `organisation:${ids.vestfjord}`,
      "costBenefit.benefitOwners.0.party": "sector:health_trust",
    });
  });
});

describe("the database's own check (events_cost_benefit_valid)", () => {
  it.each([
    [
      "shares summing to 90",
      {
        costOwners: [
          { organisationId: null, sector: "municipality", sharePercent: 60 },
          { organisationId: null, sector: "county", sharePercent: 30 },
        ],
        benefitOwners: [{ organisationId: null, sector: "health_trust" }],
      },
    ],
    [
      "two payers without shares",
      {
        costOwners: [
          { organisationId: null, sector: "municipality" },
          { organisationId: null, sector: "county" },
        ],
        benefitOwners: [{ organisationId: null, sector: "health_trust" }],
      },
    ],
    [
      "a party with neither organisation nor sector",
      {
        costOwners: [{ organisationId: null, sector: null }],
        benefitOwners: [{ organisationId: null, sector: "health_trust" }],
      },
    ],
    [
      "an empty side",
      {
        costOwners: [{ organisationId: null, sector: "municipality" }],
        benefitOwners: [],
      },
    ],
    [
      "a share on a benefit owner",
      {
        costOwners: [{ organisationId: null, sector: "municipality" }],
        benefitOwners: [{ organisationId: null, sector: "health_trust", sharePercent: 100 }],
      },
    ],
  ])("refuses %s", async (_name, cb) => {
    await expect(sql`update events set cost_benefit = ${jsonb(cb)} where id = ${DEMO_EVENT}`.execute(t.db)).rejects.toThrow(/events_cost_benefit_valid/);
  });
});
