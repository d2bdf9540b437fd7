import { describe, expect, it } from "vitest";
import { checkOwnDeliveryPublishing, cpvOverlap, overlappingOwnDelivery, ownDeliveryNotice, OwnDeliverySchema } from "~/domain/own-delivery";

describe("CPV overlap between an event and a buyer's own delivery", () => {
  it.each([
    ["72200000-7", "72200000-7", true, "the same code"],
    ["72200000-7", "72212000-4", true, "the event's code lies below the own-delivery area"],
    ["72212000-4", "72000000-5", true, "the event's code lies above it"],
    ["72200000-7", "72300000-8", false, "siblings under 72"],
    ["72212000-4", "72212180-4", true, "a descendant two levels down"],
    ["48000000-8", "72000000-5", false, "different divisions"],
  ])("%s and %s: %s (%s)", (a, b, overlaps) => {
    expect(cpvOverlap(a, b)).toBe(overlaps);
    expect(cpvOverlap(b, a)).toBe(overlaps);
  });

  it("names only the own-delivery codes the event meets", () => {
    expect(overlappingOwnDelivery(["72212000-4", "48814000-7"], ["72200000-7", "85000000-9"])).toEqual(["72200000-7"]);
    expect(overlappingOwnDelivery([], ["72200000-7"])).toEqual([]);
    expect(ownDeliveryNotice(["48814000-7"], { cpv: ["72200000-7"], activities: ["develops"], provider: null, standards: null })).toBeNull();
  });
});

describe("publishing an event in the buyer's own area", () => {
  const base = { overlaps: true, sourcing: null, contractForm: null, inHouseCostBasis: null } as const;

  it("asks nothing of an event outside the area", () => {
    expect(checkOwnDeliveryPublishing({ ...base, overlaps: false })).toEqual({ ok: true });
  });

  it("requires the sourcing step", () => {
    expect(checkOwnDeliveryPublishing(base)).toEqual({ ok: false, problems: [{ path: "sourcing.risk", code: "sourcing_required" }] });
  });

  it("requires the in-house cost basis when the advice or the chosen form is in-house, and not otherwise", () => {
    const basisRequired = { ok: false, problems: [{ path: "sourcing.inHouseCostBasis", code: "in_house_cost_basis_required" }] };
    expect(checkOwnDeliveryPublishing({ ...base, sourcing: { risk: "high", need: "none" } })).toEqual(basisRequired);
    expect(checkOwnDeliveryPublishing({ ...base, sourcing: { risk: "low", need: "lasting" }, contractForm: "in_house" })).toEqual(basisRequired);
    expect(checkOwnDeliveryPublishing({ ...base, sourcing: { risk: "low", need: "lasting" }, contractForm: "market_contract" })).toEqual({ ok: true });
    expect(checkOwnDeliveryPublishing({ ...base, sourcing: { risk: "high", need: "none" }, inHouseCostBasis: " \u200b " })).toEqual(basisRequired);
    expect(checkOwnDeliveryPublishing({ ...base, sourcing: { risk: "high", need: "none" }, inHouseCostBasis: "3 årsverk" })).toEqual({ ok: true });
  });
});

describe("the own-delivery form", () => {
  it("refuses codes outside the CPV vocabulary, including a wrong check digit", () => {
    const result = OwnDeliverySchema.safeParse({ ownDeliveryCpv: "72200000-1", ownDeliveryActivities: ["develops"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["ownDeliveryCpv"], message: "cpvUnknown" })]);
  });

  it("accepts an empty declaration: no own delivery", () => {
    expect(OwnDeliverySchema.parse({})).toEqual({ cpv: [], activities: [], provider: null, standards: null });
  });
});
