import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { createApiToken } from "~/models/api-tokens.server";
import { getEvent } from "~/models/event-reads.server";
import { buyerScorecard } from "~/models/scorecard.server";
import { action as profileAction, loader as profileLoader } from "~/routes/organisation._index/route";
import { loader as demandApi } from "~/routes/api.v1.demand";
import { loader as eventApi } from "~/routes/api.v1.events.$eventId";
import { action as publishApi } from "~/routes/api.v1.events.$eventId.publish";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";

// Issue 19: own delivery on the buyer's profile, the notice on events in its areas, the
// sourcing step it requires before publishing, the /demand filter and the scorecard share.

const t = setupTestDatabase();
const DEMO_RFI = "00000000-0000-4000-8000-000000000111";

let agency: { id: string };
let admin: Person;
let token: string;

beforeAll(async () => {
  await seedDemoData(t.db);
  agency = await t.db.selectFrom("organisations").select("id").where("slug", "=", "statens-helsedataetat").executeTakeFirstOrThrow();
  admin = await createPerson(t.db, { name: "Sverre Holm" });
  await t.db.insertInto("memberships").values({ userId: admin.id, organisationId: agency.id, role: "admin", commercialRole: null }).execute();
  await t.db.updateTable("users").set({ activeOrganisationId: agency.id }).where("id", "=", admin.id).execute();
  token = (await createApiToken(t.db, admin.id, "test")).token;
}, 120_000);

const rfiDraft = async (fields: Record<string, unknown> = {}) =>
  (
    await t.db
      .insertInto("events")
      .values({
        buyerId: agency.id,
        kind: "rfi",
        status: "draft",
        title: "Forespørsel om informasjon: programmering av ny timebok",
        description: "Innspill om løsninger.",
        cpvCodes: ["72212000-4"],
        registrationDeadline: new Date(Date.now() + 20 * 86_400_000),
        effortLevel: "none",
        ipBackgroundStaysWithVendor: true,
        ipForegroundOwner: "vendor",
        ipExistingProductsNotTransferred: true,
        ipInputUse: "this_procurement",
        nonUseUndertakingName: "Sverre Holm",
        nonUseUndertakingAt: new Date(),
        ...fields,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

const publish = async (id: string) => respond(publishApi(await jsonRequest(`/api/v1/events/${id}/publish`, "POST", undefined, token, { eventId: id })));
const demandIds = async (query: string) =>
  ((await readJson(await respond(demandApi(await routeArgs(`/api/v1/demand?${query}`))))).items as { id: string }[]).map((i) => i.id);

describe("the demo agency's own delivery (acceptance)", () => {
  it("shows the notice on its RFI in CPV 72212000, in the page's data and the API body", async () => {
    const event = await getEvent(t.db, DEMO_RFI, null);
    expect(event?.ownDelivery).toMatchObject({ cpv: ["72200000-7"], activities: ["develops", "operates"] });
    const body = await readJson(await respond(eventApi(await routeArgs(`/api/v1/events/${DEMO_RFI}`, { params: { eventId: DEMO_RFI } }))));
    expect(body.ownDelivery.cpv).toEqual(["72200000-7"]);
    expect(body.sourcing.inHouseCostBasis).toMatch(/årsverk/);
  });

  it("hides it from /demand with ownDelivery=exclude, and keeps the others", async () => {
    const all = await demandIds("limit=100");
    const excluded = await demandIds("limit=100&ownDelivery=exclude");
    expect(all).toContain(DEMO_RFI);
    expect(excluded).not.toContain(DEMO_RFI);
    expect(excluded.length).toBe(all.length - 1);
  });

  it("refuses to publish an RFI in that area without the sourcing step (422 sourcing_required), then asks the in-house cost basis", async () => {
    const id = await rfiDraft();
    const refused = await publish(id);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await readJson(refused))).toContain("sourcing_required");

    // High risk without a lasting outside need: the advice is in-house, so the cost of doing it in-house is asked.
    await t.db.updateTable("events").set({ sourcingRisk: "high", sourcingNeed: "temporary", sourcingAdvice: "in_house" }).where("id", "=", id).execute();
    const noBasis = await publish(id);
    expect(noBasis.status).toBe(422);
    expect(JSON.stringify(await readJson(noBasis))).toContain("in_house_cost_basis_required");

    await t.db.updateTable("events").set({ inHouseCostBasis: "4 årsverk i ett år, om lag 5 mill. kr." }).where("id", "=", id).execute();
    expect((await publish(id)).status).toBe(200);
  });

  it("does not ask the sourcing step of an event outside the area", async () => {
    const id = await rfiDraft({ cpvCodes: ["48814000-7"] });
    expect((await publish(id)).status).toBe(200);
    expect((await getEvent(t.db, id, null))?.ownDelivery).toBeNull();
  });
});

describe("the profile form", () => {
  const save = async (person: Person, fields: Record<string, string | string[]>) =>
    respond(profileAction(await formRequest("/organisation", { intent: "own-delivery", organisationId: agency.id, ...fields }, { cookie: person.cookie })));
  const stored = () =>
    t.db.selectFrom("organisations").select(["ownDeliveryCpv", "ownDeliveryActivities", "ownDeliveryProvider"]).where("id", "=", agency.id).executeTakeFirstOrThrow();

  it("refuses a CPV code that does not exist, by the field, and stores nothing of the form", async () => {
    const before = await stored();
    const response = await save(admin, { ownDeliveryCpv: "72200000-7, 72999999-1", ownDeliveryActivities: "sells", ownDeliveryProvider: "Ny enhet" });
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.result.error.ownDeliveryCpv).toEqual(["cpvUnknown"]);
    expect(await stored()).toEqual(before);
  });

  it("refuses CPV areas without saying what the organisation does there", async () => {
    const response = await save(admin, { ownDeliveryCpv: "72200000-7" });
    expect(response.status).toBe(400);
    expect((await readJson(response)).result.error.ownDeliveryActivities).toEqual(["ownDeliveryActivityRequired"]);
  });

  it("saves CPV areas, activities, provider and standards, normalised, and audits the change", async () => {
    const response = await save(admin, {
      ownDeliveryCpv: "72200000-7\n72300000-8",
      ownDeliveryActivities: ["operates", "develops"],
      ownDeliveryProvider: "  Helsedataetatens driftssenter ",
      ownDeliveryStandards: "",
    });
    expect(response.status).toBe(200);
    expect(await stored()).toEqual({ ownDeliveryCpv: ["72200000-7", "72300000-8"], ownDeliveryActivities: ["develops", "operates"], ownDeliveryProvider: "Helsedataetatens driftssenter" });
    const audit = await t.db.selectFrom("auditLog").select("action").where("organisationId", "=", agency.id).where("action", "=", "own_delivery_updated").execute();
    expect(audit).toHaveLength(1);
    const page = await readJson(await respond(profileLoader(await routeArgs("/organisation", { cookie: admin.cookie }))));
    expect(page.organisation.ownDeliveryCpv).toEqual(["72200000-7", "72300000-8"]);
  });
});

describe("the scorecard share of dialogues that ended in-house", () => {
  it("counts outcomes recorded as not procured because the need was met in-house", async () => {
    const before = (await buyerScorecard(t.db, agency.id, 12)).inHouse;
    const closed = await rfiDraft({ cpvCodes: ["48814000-7"] });
    await t.db
      .updateTable("events")
      .set({ status: "closed", publishedAt: new Date(), closedAt: new Date(), outcome: "not_procured", outcomeNotProcuredReason: "in_house", outcomeRecordedAt: new Date() })
      .where("id", "=", closed)
      .execute();
    const after = (await buyerScorecard(t.db, agency.id, 12)).inHouse;
    expect(after.ended).toBe(before.ended + 1);
    expect(after.inHouse).toBe(before.inHouse + 1);
    expect(after.share).toBe(after.inHouse / after.ended);
  });
});

// Only the buyer's admins edit its own delivery; members, other organisations (a vendor's admin) and operators are refused.
authorizationMatrix(() => t.db, [
  {
    route: "POST /organisation (intent=own-delivery)",
    call: profileAction,
    request: (world: World, cookie) =>
      formRequest(
        "/organisation",
        { intent: "own-delivery", organisationId: world.organisation.id, ownDeliveryCpv: "72200000-7", ownDeliveryActivities: "develops" },
        { cookie },
      ),
    expect: { anonymous: "login", outsider: 403, member: 403, admin: "ok", operator: 403 },
  },
]);
