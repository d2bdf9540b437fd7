import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { lucia } from "~/auth/lucia.server";
import { createApiToken } from "~/models/api-tokens.server";
import { buyerScorecard } from "~/models/scorecard.server";
import { action as createEvent } from "~/routes/api.v1.events";
import { loader as apiEvent } from "~/routes/api.v1.events.$eventId";
import { action as apiInvite } from "~/routes/api.v1.events.$eventId.co-buyers";
import { action as apiAnswer } from "~/routes/api.v1.events.$eventId.co-buyers.$organisationId.$action";
import { action as apiPublish } from "~/routes/api.v1.events.$eventId.publish";
import { loader as demandPage } from "~/routes/demand._index";
import { action as coBuyersAction, loader as coBuyersLoader } from "~/routes/events.$eventId_.co-buyers";
import { loader as eventPage } from "~/routes/events.$eventId/route";
import { loader as workspaceEvents } from "~/routes/workspace.events";
import { authorizationMatrix, type World } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { IP_TERMS, UNDERTAKING_BODY } from "../fixtures/ip-terms";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";
import { osloDate } from "~/domain/zoned-time";

const t = setupTestDatabase();

const BUYER = "demo-buyer-token"; // buyer@demo.test, admin of Bergvik kommune
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
// The portal's dates are Oslo dates: between 23:00 and 01:00 UTC, UTC's date is yesterday there.
const today = () => osloDate(new Date());

let hfToken: string;
let hfCookie: string;
let beritCookie: string;
let vestfjordId: string;
let bergvikId: string;
let fjordheimId: string;
let vendorOrgId: string;
let nurse: Person; // a member (not admin) of Helse Vestfjord HF
let nurseToken: string;

const orgId = async (slug: string) => (await t.db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
async function demoSession(email: string) {
  const user = await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const session = await lucia.createSession(user.id, { userAgent: null, ip: null });
  return { id: user.id, cookie: `md_session=${session.id}` };
}

const rfi = (title: string) => ({
  kind: "rfi",
  title,
  description: "Felles forespørsel om informasjon om digital hjemmeoppfølging.",
  cpv: ["48814000-7"],
  region: "vestland",
  registrationDeadline: inDays(20),
  responseDeadline: inDays(30),
  effort: { level: "significant", hoursPerVendor: 20, kindsOfWork: ["written_response"] },
  expectation: {
    status: "planned",
    budgetMinNok: 2_000_000,
    budgetMaxNok: 3_000_000,
    fundingSource: "Økonomiplan 2027–2030",
    quantity: 1000,
    unit: "brukere",
    expectedTenderQuarter: `${new Date().getUTCFullYear() + 1}-Q2`,
    expectedContractStart: `${new Date().getUTCFullYear() + 1}-09-01`,
  },
  intellectualProperty: { ...IP_TERMS },
});

async function draft(title = "Felles RFI om hjemmeoppfølging", token = BUYER): Promise<string> {
  const response = await respond(createEvent(await jsonRequest("/api/v1/events", "POST", rfi(title), token)));
  expect(response.status, await response.clone().text()).toBe(201);
  return (await readJson(response)).id;
}
const invite = async (eventId: string, body: unknown, token = BUYER) =>
  respond(apiInvite(await jsonRequest(`/api/v1/events/${eventId}/co-buyers`, "POST", body, token, { eventId })));
const answer = async (eventId: string, organisationId: string, action: "accept" | "decline", body: unknown, token: string) =>
  respond(apiAnswer(await jsonRequest(`/api/v1/events/${eventId}/co-buyers/${organisationId}/${action}`, "POST", body, token, { eventId, organisationId, action })));
const publish = async (eventId: string, token = BUYER) => respond(apiPublish(await jsonRequest(`/api/v1/events/${eventId}/publish`, "POST", UNDERTAKING_BODY, token, { eventId })));
const codes = async (response: Response) => (await readJson(response)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
const rowsOf = (eventId: string) => t.db.selectFrom("eventCoBuyers").selectAll().where("eventId", "=", eventId).orderBy("organisationId").execute();
const form = async (eventId: string, fields: Record<string, string>, cookie: string) =>
  respond(coBuyersAction(await formRequest(`/events/${eventId}/co-buyers`, fields, { cookie, params: { eventId } })));

beforeAll(async () => {
  await seedDemoData(t.db);
  vestfjordId = await orgId("helse-vestfjord-hf");
  bergvikId = await orgId("bergvik-kommune");
  fjordheimId = await orgId("fjordheim-kommune");
  vendorOrgId = await orgId("nordlys-helse-as");
  const hf = await demoSession("hf-buyer@demo.test");
  hfCookie = hf.cookie;
  hfToken = (await createApiToken(t.db, hf.id, "test")).token;
  beritCookie = (await demoSession("buyer@demo.test")).cookie;
  nurse = await createPerson(t.db, { name: "Nina Sykepleier" });
  await t.db.insertInto("memberships").values({ userId: nurse.id, organisationId: vestfjordId, role: "member", commercialRole: null }).execute();
  nurseToken = (await createApiToken(t.db, nurse.id, "test")).token;
});

describe("joint demand with consent (acceptance, issue 19)", () => {
  it("the demo buyer adds Helse Vestfjord HF with 40 %; publishing waits for hf-buyer's consent; then /demand and the scorecard show it", async () => {
    const id = await draft();
    const before = await buyerScorecard(t.db, vestfjordId, 12);

    const invited = await invite(id, { organisationId: vestfjordId, shareKind: "percent", shareValue: 40 });
    expect(invited.status, await invited.clone().text()).toBe(201);
    const mail = await t.db.selectFrom("outbox").select(["subject", "text"]).where("toAddress", "=", "hf-buyer@demo.test").where("template", "=", "co-buyer").executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Bergvik kommune inviterer til felles etterspørsel: Felles RFI om hjemmeoppfølging");
    expect(mail.text).toContain(`/events/${id}`);

    const refused = await publish(id);
    expect(refused.status).toBe(422);
    expect(await codes(refused)).toContain("coBuyers:co_buyer_consent_required");

    // The invited organisation sees the invitation in its workspace, and the draft on the event page (without editing it).
    const workspace = await readJson(await respond(workspaceEvents(await routeArgs("/workspace/events", { cookie: hfCookie }))));
    expect(workspace.invitations.map((i: { eventId: string }) => i.eventId)).toContain(id);
    const page = await readJson(await respond(eventPage(await routeArgs(`/events/${id}`, { cookie: hfCookie, params: { eventId: id } }))));
    expect(page.coBuying.answerFor.map((o: { id: string }) => o.id)).toEqual([vestfjordId]);
    expect(page.event.viewer.canEdit).toBe(false);

    const accepted = await answer(id, vestfjordId, "accept", { shareKind: "percent", shareValue: 40, expectationStatus: "planned" }, hfToken);
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(await readJson(accepted)).toEqual({ organisationId: vestfjordId, status: "accepted" });
    const published = await publish(id);
    expect(published.status, await published.clone().text()).toBe(200);

    const demand = await readJson(await respond(demandPage(await routeArgs("/demand?buyer=helse-vestfjord-hf"))));
    const item = demand.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ buyerName: "Bergvik kommune", budgetMinNok: 2_000_000, budgetMaxNok: 3_000_000, coBuyers: [{ name: "Helse Vestfjord HF", shareKind: "percent", shareValue: 40 }] });

    const body = await readJson(await respond(apiEvent(await routeArgs(`/api/v1/events/${id}`, { params: { eventId: id } }))));
    expect(body.jointDemand).toMatchObject({
      leadFraction: 0.6,
      coBuyers: [{ organisation: { id: vestfjordId }, status: "accepted", share: { kind: "percent", value: 40 }, expectationStatus: "planned", shareOfFrame: { minNok: 800_000, maxNok: 1_200_000 } }],
    });
    expect(body.coBuyerOrganisations.map((o: { id: string }) => o.id)).toEqual([vestfjordId]);

    const after = await buyerScorecard(t.db, vestfjordId, 12);
    expect(after.joint.events - before.joint.events).toBe(1);
    expect(after.joint.weightedEvents - before.joint.weightedEvents).toBeCloseTo(0.4);
    expect(after.joint.budgetMaxNok - before.joint.budgetMaxNok).toBe(1_200_000);
    const workspaceAfter = await readJson(await respond(workspaceEvents(await routeArgs("/workspace/events", { cookie: hfCookie }))));
    expect(workspaceAfter.events.published.find((e: { id: string }) => e.id === id)).toMatchObject({ role: "co_buyer" });
  });

  it("publishes once a declined co-buyer is left out of the joint demand, and the lead may remove it", async () => {
    const id = await draft("Felles RFI som blir avslått");
    expect((await invite(id, { organisationId: vestfjordId })).status).toBe(201);
    expect((await answer(id, vestfjordId, "decline", undefined, hfToken)).status).toBe(200);
    expect((await publish(id)).status).toBe(200);
    const body = await readJson(await respond(apiEvent(await routeArgs(`/api/v1/events/${id}`, { params: { eventId: id } }))));
    expect(body.coBuyerOrganisations).toEqual([]);
    expect(body.jointDemand.coBuyers).toEqual([]);
    expect((await form(id, { intent: "remove", organisationId: vestfjordId }, beritCookie)).status).toBe(302);
    expect(await rowsOf(id)).toEqual([]);
  });
});

describe("bad input: clear by the field, nothing half-stored", () => {
  it("refuses shares above 100 %, above the frame, a non-buyer, the lead itself and a second invitation", async () => {
    const id = await draft("Felles RFI med feil");
    expect((await invite(id, { organisationId: vestfjordId, shareKind: "percent", shareValue: 70 })).status).toBe(201);
    const above = await invite(id, { organisationId: fjordheimId, shareKind: "percent", shareValue: 31 });
    expect(above.status).toBe(400);
    expect(await codes(above)).toEqual(["share.value:shares_above_whole"]);
    const vendor = await invite(id, { organisationId: vendorOrgId });
    expect(await codes(vendor)).toEqual(["organisationId:not_a_buyer"]);
    expect(await codes(await invite(id, { organisationId: bergvikId }))).toEqual(["organisationId:co_buyer_is_buyer"]);
    expect(await codes(await invite(id, { organisationId: vestfjordId }))).toEqual(["organisationId:co_buyer_already_invited"]);
    expect(await codes(await invite(id, { organisationId: fjordheimId, shareKind: "percent" }))).toEqual(["shareValue:share_required"]);
    expect((await rowsOf(id)).map((r) => r.organisationId)).toEqual([vestfjordId]);
    expect(await t.db.selectFrom("outbox").select("id").where("template", "=", "co-buyer").where("text", "like", "%Felles RFI med feil%").where("toAddress", "<>", "hf-buyer@demo.test").execute()).toEqual([]);

    const frame = await answer(id, vestfjordId, "accept", { shareKind: "budget_nok", shareValue: 3_000_001, expectationStatus: "planned" }, hfToken);
    expect(frame.status).toBe(400);
    expect(await codes(frame)).toEqual(["share.value:shares_above_frame"]);
    const missing = await answer(id, vestfjordId, "accept", { shareKind: "percent" }, hfToken);
    expect(await codes(missing)).toEqual(["shareValue:share_required", "expectationStatus:co_buyer_expectation_required"]);
    expect(await rowsOf(id)).toMatchObject([{ status: "invited", shareKind: "percent", shareValue: 70, respondedAt: null }]);
  });

  it("refuses accepting on behalf of another organisation, and a member who is no admin", async () => {
    const id = await draft("Felles RFI: hvem svarer");
    await invite(id, { organisationId: vestfjordId, shareKind: "percent", shareValue: 40 });
    const accept = { shareKind: "percent", shareValue: 40, expectationStatus: "planned" };
    const lead = await answer(id, vestfjordId, "accept", accept, BUYER);
    expect(lead.status).toBe(403);
    expect(await codes(lead)).toEqual(["organisationId:not_your_organisation"]);
    const member = await answer(id, vestfjordId, "accept", accept, nurseToken);
    expect(member.status).toBe(403);
    expect(await codes(member)).toEqual(["organisationId:admin_required"]);
    // Not invited at all: Fjordheim's name in the path is answered for by nobody here.
    expect((await answer(id, fjordheimId, "accept", accept, hfToken)).status).toBe(403);
    expect(await rowsOf(id)).toMatchObject([{ status: "invited" }]);
  });

  it("shows the page form's refusals by the field, and keeps what was typed", async () => {
    const id = await draft("Felles RFI via skjema");
    const refused = await form(id, { intent: "invite", organisationId: vestfjordId, shareKind: "percent", shareValue: "101" }, beritCookie);
    expect(refused.status).toBe(400);
    const reply = await readJson(refused);
    expect(reply.errors).toEqual({ "share.value": ["shares_above_whole"] });
    expect(reply.values.shareValue).toBe("101");
    expect((await form(id, { intent: "invite", organisationId: vestfjordId, shareKind: "percent", shareValue: "40" }, beritCookie)).status).toBe(302);
    const answered = await form(id, { intent: "answer", organisationId: vestfjordId, answer: "accept", shareKind: "percent", shareValue: "40", expectationStatus: "committed" }, hfCookie);
    expect(answered.status).toBe(302);
    expect(await rowsOf(id)).toMatchObject([{ status: "accepted", expectationStatus: "committed" }]);
  });
});

describe("open to join until a date", () => {
  it("lets another buyer ask to join a published event while it is open; the lead takes it in", async () => {
    const id = await draft("Felles RFI åpen for flere");
    expect((await publish(id)).status).toBe(200);
    const fjordheimAdmin = await createPerson(t.db, { name: "Frida Fjordheim" });
    await t.db.insertInto("memberships").values({ userId: fjordheimAdmin.id, organisationId: fjordheimId, role: "admin", commercialRole: null }).execute();
    const ask = { intent: "join", organisationId: fjordheimId, shareKind: "percent", shareValue: "10", expectationStatus: "uncertain" };
    const closed = await form(id, ask, fjordheimAdmin.cookie);
    expect(closed.status).toBe(409);
    expect((await readJson(closed)).errors).toEqual({ openToJoinUntil: ["not_open_to_join"] });

    const past = await form(id, { intent: "open", openToJoinUntil: "2020-01-01" }, beritCookie);
    expect((await readJson(past)).errors).toEqual({ openToJoinUntil: ["open_to_join_in_past"] });
    expect((await form(id, { intent: "open", openToJoinUntil: today() }, beritCookie)).status).toBe(302);
    const page = await readJson(await respond(eventPage(await routeArgs(`/events/${id}`, { cookie: fjordheimAdmin.cookie, params: { eventId: id } }))));
    expect(page.event.jointDemand).toMatchObject({ openToJoinUntil: today(), openToJoin: true });
    expect(page.coBuying.joinAs.map((o: { id: string }) => o.id)).toEqual([fjordheimId]);

    expect((await form(id, ask, fjordheimAdmin.cookie)).status).toBe(302);
    expect(await t.db.selectFrom("outbox").select("subject").where("toAddress", "=", "buyer@demo.test").where("template", "=", "co-buyer").execute()).toEqual([
      { subject: "Fjordheim kommune ber om å bli med: Felles RFI åpen for flere" },
    ]);
    expect((await form(id, { intent: "decide", organisationId: fjordheimId, decision: "accept" }, beritCookie)).status).toBe(302);
    const body = await readJson(await respond(apiEvent(await routeArgs(`/api/v1/events/${id}`, { params: { eventId: id } }))));
    expect(body.coBuyerOrganisations.map((o: { id: string }) => o.id)).toEqual([fjordheimId]);
  });
});

describe("migrated co-buyers", () => {
  it("count as accepted, without a recorded answer", async () => {
    const id = await draft("Felles RFI fra før samtykke");
    await t.db.insertInto("eventCoBuyers").values({ eventId: id, organisationId: vestfjordId, status: "accepted" }).execute();
    expect(await rowsOf(id)).toMatchObject([{ status: "accepted", respondedAt: null, shareKind: null }]);
    expect((await publish(id)).status).toBe(200);
  });
});

describe("authorization", () => {
  /** A draft of another buyer that invites the world's organisation. */
  async function invitedDraft(world: World) {
    const lead = await createPerson(t.db, { name: "Lena Leder" });
    const org = await createOrganisationWith(t.db, [{ person: lead, role: "admin" }], { isBuyer: true, verified: true });
    const event = await t.db.insertInto("events").values({ buyerId: org.id, kind: "demand_notice", title: "Behovsmelding", description: "", effortLevel: "none" }).returning("id").executeTakeFirstOrThrow();
    await t.db.insertInto("eventCoBuyers").values({ eventId: event.id, organisationId: world.organisation.id, status: "invited" }).execute();
    return event.id;
  }
  /** A draft of the world's organisation. */
  async function ownDraft(world: World) {
    const event = await t.db.insertInto("events").values({ buyerId: world.organisation.id, kind: "demand_notice", title: "Behovsmelding", description: "", effortLevel: "none" }).returning("id").executeTakeFirstOrThrow();
    return event.id;
  }

  authorizationMatrix(() => t.db, [
    {
      route: "POST /events/:id/co-buyers answer (only the invited organisation's admins)",
      call: coBuyersAction,
      request: async (world, cookie) => {
        const eventId = await invitedDraft(world);
        return formRequest(`/events/${eventId}/co-buyers`, { intent: "answer", answer: "accept", organisationId: world.organisation.id, shareKind: "percent", shareValue: "20", expectationStatus: "planned" }, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: 403, admin: "ok", operator: 404 },
    },
    {
      route: "POST /events/:id/co-buyers invite (only the lead's editors)",
      call: coBuyersAction,
      request: async (world, cookie) => {
        const eventId = await ownDraft(world);
        return formRequest(`/events/${eventId}/co-buyers`, { intent: "invite", organisationId: fjordheimId }, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
    {
      route: "POST /events/:id/co-buyers invite (an invited organisation may not invite)",
      call: coBuyersAction,
      request: async (world, cookie) => {
        const eventId = await invitedDraft(world);
        return formRequest(`/events/${eventId}/co-buyers`, { intent: "invite", organisationId: fjordheimId }, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: 403, admin: 403, operator: 404 },
    },
    {
      route: "GET /events/:id/co-buyers (the lead's and the invited organisation's members)",
      call: coBuyersLoader,
      request: async (world, cookie) => {
        const eventId = await invitedDraft(world);
        return routeArgs(`/events/${eventId}/co-buyers`, { cookie, params: { eventId } });
      },
      expect: { anonymous: "login", outsider: 404, member: "ok", admin: "ok", operator: 404 },
    },
  ]);

  it("the API answers 401 without a token and 404 for an event the caller cannot see", async () => {
    const id = await draft("Felles RFI: API-tilgang");
    await invite(id, { organisationId: vestfjordId });
    const anonymous = await respond(apiAnswer(await jsonRequest(`/api/v1/events/${id}/co-buyers/${vestfjordId}/decline`, "POST", undefined, undefined, { eventId: id, organisationId: vestfjordId, action: "decline" })));
    expect(anonymous.status).toBe(401);
    const vendor = await answer(id, vestfjordId, "decline", undefined, "demo-vendor-token");
    expect(vendor.status).toBe(404);
    const otherLead = await invite(id, { organisationId: fjordheimId }, hfToken);
    expect(otherLead.status).toBe(403);
    expect((await answer(id, vestfjordId, "decline", undefined, hfToken)).status).toBe(200);
  });
});
