import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { closeEvent, publishEvent, recordOutcome } from "~/models/event-lifecycle.server";
import { countBlockedPublishAttempts, getEvent, listBuyerEvents } from "~/models/event-reads.server";
import { createDraft, updateEvent } from "~/models/event-edits.server";
import type { ActingUser, BuyerMember } from "~/models/event-access.server";
import type { EventCreateInput } from "~/domain/event-input";
import { setupTestDatabase } from "../fixtures/database";
import { createUser } from "../fixtures/users";
import { IP_TERMS } from "../fixtures/ip-terms";

const t = setupTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-24T12:00:00Z");
const BASE = "https://md.example";
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

interface Org {
  id: string;
  isBuyer: boolean;
}
let bergvik: Org, fjordheim: Org, nordreLia: Org, nordlys: Org;
let buyer: ActingUser, coBuyer: ActingUser, vendor: ActingUser, unverifiedBuyer: ActingUser;

async function org(slug: string): Promise<Org> {
  return t.db.selectFrom("organisations").select(["id", "isBuyer"]).where("slug", "=", slug).executeTakeFirstOrThrow();
}

async function memberOf(o: Org): Promise<ActingUser> {
  const user = await createUser(t.db);
  await t.db.insertInto("memberships").values({ userId: user.id, organisationId: o.id, role: "member", commercialRole: null }).execute();
  return { id: user.id };
}

const as = (actor: ActingUser, organisation: Org): BuyerMember => ({ user: actor, organisation });

const rfi = (extra: Partial<EventCreateInput> = {}): EventCreateInput => ({
  kind: "rfi",
  title: "Forespørsel om informasjon: velferdsteknologi",
  registrationDeadline: inDays(20),
  effort: { level: "significant", hoursPerVendor: 40, kindsOfWork: ["written_response"] },
  intellectualProperty: { ...IP_TERMS },
  ...extra,
});

const planned = {
  status: "planned" as const,
  budgetMinNok: 1_000_000,
  budgetMaxNok: 2_000_000,
  fundingSource: "Økonomiplan",
  expectedValueNok: 1_500_000,
  expectedTenderQuarter: "2027-Q3",
};

async function draft(extra: Partial<EventCreateInput> = {}, by = buyer, o = bergvik) {
  const result = await createDraft(t.db, as(by, o), rfi(extra));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

beforeAll(async () => {
  await seedDemoData(t.db, NOW);
  [bergvik, fjordheim, nordreLia, nordlys] = await Promise.all(
    ["bergvik-kommune", "fjordheim-kommune", "nordre-lia-kommune", "nordlys-helse-as"].map(org),
  ) as [Org, Org, Org, Org];
  buyer = await memberOf(bergvik);
  coBuyer = await memberOf(fjordheim);
  vendor = await memberOf(nordlys);
  unverifiedBuyer = await memberOf(nordreLia);
});

describe("creating drafts", () => {
  it("lets a member of a buyer organisation create a draft, and refuses a vendor-only organisation", async () => {
    const created = await createDraft(t.db, as(buyer, bergvik), rfi());
    expect(created).toMatchObject({ ok: true, value: { status: "draft" } });
    const refused = await createDraft(t.db, as(vendor, nordlys), rfi());
    expect(refused).toEqual({ ok: false, reason: "forbidden", problems: [] });
  });

  it("stores the sourcing advice the rule gives, and the standards by code", async () => {
    const id = await draft({
      sourcing: { risk: "medium", need: "lasting", reason: null },
      standards: [{ code: "hl7-fhir-r4", level: "required", from: "2027-01-01" }],
    });
    const event = await getEvent(t.db, id, buyer);
    expect(event?.sourcing).toEqual({ risk: "medium", need: "lasting", advice: "hybrid_relational", reason: null, inHouseCostBasis: null });
    expect(event?.standards).toEqual([{ code: "hl7-fhir-r4", level: "required", from: "2027-01-01" }]);
  });

  it("refuses what the database would, as field problems: an end before the start, an upside-down budget", async () => {
    const result = await createDraft(
      t.db,
      as(buyer, bergvik),
      rfi({ startsAt: inDays(5), endsAt: inDays(4), expectation: { ...planned, budgetMinNok: 3_000_000 } }),
    );
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      problems: [
        { path: "endsAt", code: "ends_before_start" },
        { path: "expectation.budgetMaxNok", code: "budget_range_invalid" },
      ],
    });
  });
});

/** The co-buyer's admin accepts the invitation (as answerInvitation stores it; tested in co-buyers.test.ts). */
async function consent(eventId: string, organisationId: string) {
  await t.db
    .updateTable("eventCoBuyers")
    .set({ status: "accepted", shareKind: "percent", shareValue: 30, expectationStatus: "planned", respondedAt: new Date() })
    .where("eventId", "=", eventId)
    .where("organisationId", "=", organisationId)
    .execute();
}

describe("who sees a draft", () => {
  it("shows a draft to members of its buyer and co-buyers only", async () => {
    const id = await draft({ coBuyers: [fjordheim.id] });
    // Invited, not yet answered: the invited organisation reads the draft to answer, but is not named on it (issue 19).
    expect((await getEvent(t.db, id, coBuyer))?.coBuyerOrganisations).toEqual([]);
    await consent(id, fjordheim.id);
    expect(await getEvent(t.db, id, buyer)).not.toBeNull();
    expect((await getEvent(t.db, id, coBuyer))?.coBuyerOrganisations.map((o) => o.id)).toEqual([fjordheim.id]);
    expect(await getEvent(t.db, id, vendor)).toBeNull();
    expect(await getEvent(t.db, id, unverifiedBuyer)).toBeNull();
    expect(await getEvent(t.db, id, null)).toBeNull();
  });

  it("lets co-buyers edit but only the buyer publish", async () => {
    const id = await draft({ coBuyers: [fjordheim.id], expectation: planned });
    // Until it accepts, the invited organisation cannot edit (issue 19).
    expect(await updateEvent(t.db, coBuyer, id, { title: "Felles forespørsel om informasjon" }, { baseUrl: BASE })).toMatchObject({ ok: false, reason: "forbidden" });
    await consent(id, fjordheim.id);
    expect(await updateEvent(t.db, coBuyer, id, { title: "Felles forespørsel om informasjon" }, { baseUrl: BASE })).toMatchObject({ ok: true });
    expect(await updateEvent(t.db, coBuyer, id, { coBuyers: [] }, { baseUrl: BASE })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await publishEvent(t.db, coBuyer, id, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await updateEvent(t.db, vendor, id, { title: "Nei" }, { baseUrl: BASE })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: true });
  });
});

describe("publishing", () => {
  it("counts a blocked attempt even though the publish is refused, and keeps the draft as it was", async () => {
    const id = await draft();
    const before = await countBlockedPublishAttempts(t.db, bergvik.id);
    const result = await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    expect(result).toEqual({ ok: false, reason: "refused", problems: [{ path: "expectation", code: "expectation_required" }] });
    expect(await countBlockedPublishAttempts(t.db, bergvik.id)).toBe(before + 1);
    const attempt = await t.db.selectFrom("blockedPublishAttempts").selectAll().where("eventId", "=", id).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ buyerId: bergvik.id, byUserId: buyer.id, codes: ["expectation_required"] });
    expect((await getEvent(t.db, id, buyer))?.status).toBe("draft");
  });

  it("refuses an unverified buyer and a deadline that has passed, all problems at once", async () => {
    const id = await draft({ expectation: planned, registrationDeadline: inDays(-1) }, unverifiedBuyer, nordreLia);
    const result = await publishEvent(t.db, unverifiedBuyer, id, { now: NOW, nonUseUndertaking: true });
    expect(result.ok === false && result.problems.map((p) => p.code)).toEqual(["buyer_not_verified", "deadline_in_future_required"]);
    expect(await countBlockedPublishAttempts(t.db, nordreLia.id)).toBe(0);
  });

  it("counts only the predictability rule's refusal of a verified buyer's well-formed draft", async () => {
    const before = await countBlockedPublishAttempts(t.db, nordreLia.id);
    // An unverified buyer missing its expectation: refused, but not yet the buyer's to publish, so not counted.
    const unverified = await draft({}, unverifiedBuyer, nordreLia);
    expect(await publishEvent(t.db, unverifiedBuyer, unverified, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: false, reason: "refused" });
    expect(await countBlockedPublishAttempts(t.db, nordreLia.id)).toBe(before);

    // A verified buyer whose deadline has passed as well: the submission is not well formed, not counted.
    const counted = await countBlockedPublishAttempts(t.db, bergvik.id);
    const late = await draft({ registrationDeadline: inDays(-1) });
    const lateResult = await publishEvent(t.db, buyer, late, { now: NOW, nonUseUndertaking: true });
    expect(lateResult.ok === false && lateResult.problems.map((p) => p.code)).toEqual(["deadline_in_future_required", "expectation_required"]);
    expect(await countBlockedPublishAttempts(t.db, bergvik.id)).toBe(counted);

    // The same draft with the deadline in order: the rule's own refusal, counted once.
    await updateEvent(t.db, buyer, late, { registrationDeadline: inDays(20) }, { baseUrl: BASE });
    expect(await publishEvent(t.db, buyer, late, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: false, reason: "refused" });
    expect(await countBlockedPublishAttempts(t.db, bergvik.id)).toBe(counted + 1);
  });

  it("publishes a pilot only with its acceptance criteria and path to purchase, and reads them back", async () => {
    const id = await draft({ kind: "pilot", expectation: planned, effort: { level: "significant", hoursPerVendor: 100, kindsOfWork: ["pilot"] } });
    const refused = await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    expect(refused.ok === false && refused.problems).toEqual([
      { path: "pilotPath.acceptanceCriteria", code: "acceptance_criteria_required" },
      { path: "pilotPath.plan", code: "purchase_path_required" },
      { path: "pilotPath.vendorInvestmentHours", code: "vendor_investment_required" },
    ]);
    const criteria = [
      { measure: "Svartid", threshold: "Under 2 sekunder", method: "Logg", judgedBy: "Prosjektleder" },
      { measure: "Brukertilfredshet", threshold: "Minst 4 av 5", method: "Spørreskjema", judgedBy: "Avdelingsleder" },
    ];
    const option = { plan: "purchase_option", optionMaxPriceNok: 3_000_000, optionWindowFrom: "2027-Q3", optionWindowTo: "2027-Q4", budgetEarmarked: false } as const;
    await updateEvent(t.db, buyer, id, { pilotPath: { acceptanceCriteria: criteria, ...option } }, { baseUrl: BASE });
    const stillRefused = await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    expect(stillRefused.ok === false && stillRefused.problems.map((p) => p.path)).toEqual(["pilotPath.deciderRole", "pilotPath.deciderOrganisation", "pilotPath.vendorInvestmentHours"]);
    const decided = { deciderRole: "Kommunalsjef", deciderOrganisation: "Nordre Lia kommune", vendorInvestmentHours: 150, vendorInvestmentNok: null };
    await updateEvent(t.db, buyer, id, { pilotPath: decided }, { baseUrl: BASE });
    expect(await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: true });
    const stored = await getEvent(t.db, id, null);
    expect(stored?.pilotPath).toMatchObject({ acceptanceCriteria: criteria, ...option, ...decided, budgetSource: null });
  });
});

describe("IP terms and the non-use undertaking (issue 17)", () => {
  it("refuses to publish an RFI without IP terms or the undertaking, saving nothing and counting nothing", async () => {
    const id = await draft({ expectation: planned, intellectualProperty: null });
    const before = await countBlockedPublishAttempts(t.db, bergvik.id);
    const result = await publishEvent(t.db, buyer, id, { now: NOW });
    expect(result.ok === false && result.problems.map((p) => p.code)).toEqual([
      "ip_terms_required",
      "ip_terms_required",
      "ip_terms_required",
      "ip_terms_required",
      "non_use_undertaking_required",
    ]);
    const row = await t.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "draft", publishedAt: null, nonUseUndertakingAt: null, nonUseUndertakingName: null });
    // næringsutvikling, not the predictability gate: the scorecard's blocked attempts are the gate's.
    expect(await countBlockedPublishAttempts(t.db, bergvik.id)).toBe(before);
  });

  it("records the undertaking with the publisher's name and the time, and shows it with the terms", async () => {
    const id = await draft({ expectation: planned });
    expect(await publishEvent(t.db, buyer, id, { now: NOW })).toMatchObject({ ok: false, problems: [{ path: "nonUseUndertaking", code: "non_use_undertaking_required" }] });
    expect(await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true })).toMatchObject({ ok: true });
    const user = await t.db.selectFrom("users").select("name").where("id", "=", buyer.id).executeTakeFirstOrThrow();
    const event = await getEvent(t.db, id, null);
    expect(event?.intellectualProperty).toEqual(IP_TERMS);
    expect(event?.nonUseUndertaking).toEqual({ name: user.name, at: NOW });
    const row = await t.db.selectFrom("events").select("nonUseUndertakingBy").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.nonUseUndertakingBy).toBe(buyer.id);
  });

  it("refuses an amendment that takes the terms back", async () => {
    const id = await draft({ expectation: planned });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    const result = await updateEvent(t.db, buyer, id, { intellectualProperty: { inputUse: null } }, { reason: "Vi vil bruke innspillene bredere.", now: NOW, baseUrl: BASE });
    expect(result).toEqual({ ok: false, reason: "refused", problems: [{ path: "intellectualProperty.inputUse", code: "ip_terms_required" }] });
  });

  it("asks for the undertaking when an amendment makes a published event need terms", async () => {
    const id = await draft({ kind: "dialogue_meeting", effort: { level: "light", hoursPerVendor: 4, kindsOfWork: ["attend_meeting"] }, expectation: planned, intellectualProperty: null });
    expect(await publishEvent(t.db, buyer, id, { now: NOW })).toMatchObject({ ok: true });
    const change = { effort: { level: "significant" as const, hoursPerVendor: 20 }, intellectualProperty: { ...IP_TERMS } };
    const refused = await updateEvent(t.db, buyer, id, change, { reason: "Vi ber om skriftlige innspill.", now: NOW, baseUrl: BASE });
    expect(refused).toEqual({ ok: false, reason: "refused", problems: [{ path: "nonUseUndertaking", code: "non_use_undertaking_required" }] });
    const amended = await updateEvent(t.db, buyer, id, change, { reason: "Vi ber om skriftlige innspill.", now: NOW, baseUrl: BASE, nonUseUndertaking: true });
    expect(amended).toMatchObject({ ok: true });
    expect((await getEvent(t.db, id, null))?.nonUseUndertaking).toMatchObject({ at: NOW });
  });
});

describe("amendments", () => {
  it("edits a draft freely, without an amendment", async () => {
    const id = await draft();
    const result = await updateEvent(t.db, buyer, id, { title: "Ny tittel på utkastet" }, { baseUrl: BASE });
    expect(result).toMatchObject({ ok: true, value: { amendment: null } });
    expect((await getEvent(t.db, id, buyer))?.amendments).toEqual([]);
  });

  it("records each changed field of a published event with the reason, in one transaction", async () => {
    const id = await draft({ expectation: planned, standards: [{ code: "hl7-fhir-r4", level: "required" }] });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });

    expect(await updateEvent(t.db, buyer, id, { capacity: 10 }, { reason: "  ", baseUrl: BASE })).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ path: "reason", code: "reason_required" }],
    });

    const later = inDays(2);
    const result = await updateEvent(
      t.db,
      buyer,
      id,
      {
        registrationDeadline: inDays(27),
        expectation: { expectedTenderQuarter: "2027-Q4" },
        standards: [{ code: "hl7-fhir-r4", level: "required" }, { code: "snomed-ct", level: "planned", from: "2028-01-01" }],
      },
      { reason: "Tidsplanen er forskjøvet ett kvartal.", now: later, baseUrl: BASE },
    );
    expect(result.ok).toBe(true);
    const event = await getEvent(t.db, id, null);
    expect(event?.amendments).toHaveLength(1);
    expect(event?.amendments[0]).toMatchObject({ reason: "Tidsplanen er forskjøvet ett kvartal.", at: later });
    expect(event?.amendments[0]?.changes).toEqual([
      { field: "registrationDeadline", before: inDays(20).toISOString(), after: inDays(27).toISOString() },
      { field: "expectation.expectedTenderQuarter", before: "2027-Q3", after: "2027-Q4" },
      {
        field: "standards",
        before: [{ code: "hl7-fhir-r4", level: "required", from: null }],
        after: [
          { code: "hl7-fhir-r4", level: "required", from: null },
          { code: "snomed-ct", level: "planned", from: "2028-01-01" },
        ],
      },
    ]);
    expect(event?.expectation?.expectedTenderQuarter).toBe("2027-Q4");

    // Saying the same again changes nothing and records nothing.
    expect(await updateEvent(t.db, buyer, id, { capacity: null }, { reason: "Ingen endring.", baseUrl: BASE })).toMatchObject({ ok: true, value: { amendment: null } });
  });

  it("stores nothing when an amendment would break the gate", async () => {
    const id = await draft({ expectation: planned });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    const result = await updateEvent(t.db, buyer, id, { expectation: { status: "none" }, title: "Endret tittel" }, { reason: "Ikke lenger budsjett.", baseUrl: BASE });
    expect(result).toMatchObject({ ok: false, reason: "refused", problems: [{ path: "effort.compensationNok", code: "compensation_required" }] });
    const event = await getEvent(t.db, id, null);
    expect(event?.title).toBe(rfi().title);
    expect(event?.amendments).toEqual([]);
  });

  it("lets an amendment keep a tender quarter that has since passed, but not set a past one", async () => {
    const id = await draft({ expectation: { ...planned, expectedTenderQuarter: "2027-Q1" } });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    const inMay = new Date("2027-05-03T12:00:00Z");
    expect(await updateEvent(t.db, buyer, id, { capacity: 12 }, { reason: "Flere plasser.", now: inMay, baseUrl: BASE })).toMatchObject({ ok: true });
    const moved = await updateEvent(t.db, buyer, id, { expectation: { expectedTenderQuarter: "2026-Q4" } }, { reason: "Feil kvartal.", now: inMay, baseUrl: BASE });
    expect(moved).toMatchObject({ ok: false, reason: "refused", problems: [{ path: "expectation.expectedTenderQuarter", code: "tender_quarter_in_past" }] });
    const ahead = await updateEvent(t.db, buyer, id, { expectation: { expectedTenderQuarter: "2027-Q4" } }, { reason: "Utsatt.", now: inMay, baseUrl: BASE });
    expect(ahead).toMatchObject({ ok: true });
  });

  it("does not change a closed event", async () => {
    const id = await draft({ expectation: planned });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    await closeEvent(t.db, buyer, id, { now: NOW, baseUrl: "https://md.example" });
    expect(await updateEvent(t.db, buyer, id, { title: "Etterpåklokskap" }, { reason: "x", baseUrl: BASE })).toMatchObject({ ok: false, reason: "conflict" });
  });
});

describe("outcomes and the buyer workspace", () => {
  it("records not_procured once all deadlines have passed, closing the event", async () => {
    const id = await draft({ expectation: planned });
    await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
    expect(await recordOutcome(t.db, buyer, id, { outcome: "not_procured", reason: "postponed" }, { now: NOW, baseUrl: "https://md.example" })).toMatchObject({
      ok: false,
      reason: "conflict",
      problems: [{ code: "not_closed" }],
    });
    const afterDeadline = inDays(21);
    expect(await recordOutcome(t.db, buyer, id, { outcome: "not_procured", reason: "postponed" }, { now: afterDeadline, baseUrl: "https://md.example" })).toMatchObject({ ok: true });
    const event = await getEvent(t.db, id, null);
    expect(event).toMatchObject({ status: "closed", closedAt: afterDeadline, outcome: { outcome: "not_procured", reason: "postponed" } });
    expect(await recordOutcome(t.db, vendor, id, { outcome: "withdrawn", reason: "x" }, { baseUrl: "https://md.example" })).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("lists the organisation's events by status, with closed events needing an outcome oldest first", async () => {
    const older = await draft({ expectation: planned, title: "Eldre avsluttet arrangement" });
    const newer = await draft({ expectation: planned, title: "Nyere avsluttet arrangement" });
    for (const [id, days] of [[older, 1], [newer, 3]] as const) {
      await publishEvent(t.db, buyer, id, { now: NOW, nonUseUndertaking: true });
      await closeEvent(t.db, buyer, id, { now: inDays(days), baseUrl: "https://md.example" });
    }
    const joint = await draft({ coBuyers: [bergvik.id], title: "Felles utkast fra Fjordheim" }, coBuyer, fjordheim);
    expect((await listBuyerEvents(t.db, bergvik.id)).drafts.some((e) => e.id === joint)).toBe(false);
    await consent(joint, bergvik.id);

    const lists = await listBuyerEvents(t.db, bergvik.id);
    const needs = lists.needsOutcome.map((e) => e.id);
    // The seeded Bergvik event closed 40 days ago comes first.
    expect(needs[0]).toBe("00000000-0000-4000-8000-000000000110");
    expect(needs.indexOf(older)).toBeLessThan(needs.indexOf(newer));
    expect(lists.drafts.find((e) => e.id === joint)).toMatchObject({ role: "co_buyer" });
    expect(lists.published.every((e) => e.status === "published")).toBe(true);
    expect(lists.closed.some((e) => e.id === older)).toBe(true);
    expect([...lists.drafts, ...lists.published, ...lists.closed].some((e) => e.title.includes("Helse Vestfjord"))).toBe(false);
  });
});
