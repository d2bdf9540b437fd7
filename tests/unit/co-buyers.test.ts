import { describe, expect, it } from "vitest";
import { AcceptCoBuyingSchema, InviteCoBuyerSchema } from "~/domain/co-buyer-forms";
import {
  checkCoBuyerConsent,
  leadFraction,
  openToJoin,
  openToJoinProblems,
  shareFraction,
  shareKindsFor,
  shareOfFrameNok,
  shareProblems,
  type CoBuyerShare,
  type ShareFrame,
} from "~/domain/co-buyers";
import { checkPublishable, type PublishableEvent } from "~/domain/publishing";
import { UNSCOPED } from "../fixtures/scope";
import { jointFigure, windowBounds } from "~/domain/scorecard";

const frame: ShareFrame = { budgetMinNok: 2_000_000, budgetMaxNok: 3_000_000, quantity: 1000, unit: "brukere" };
const noFrame: ShareFrame = { budgetMinNok: null, budgetMaxNok: null, quantity: null, unit: null };
const row = (share: CoBuyerShare["share"], status: CoBuyerShare["status"] = "accepted", organisationId = "a"): CoBuyerShare => ({ organisationId, status, share });

describe("shares of a joint frame", () => {
  it("accepts percentages that add up to 100 % and refuses one more percent", () => {
    expect(shareProblems({ kind: "percent", value: 60 }, [row({ kind: "percent", value: 40 })], frame)).toEqual([]);
    expect(shareProblems({ kind: "percent", value: 61 }, [row({ kind: "percent", value: 40 })], frame)).toEqual([{ path: "share.value", code: "shares_above_whole" }]);
  });

  it("counts invitations and requests against the whole, but not a declined answer", () => {
    expect(shareProblems({ kind: "percent", value: 70 }, [row({ kind: "percent", value: 40 }, "invited")], frame)).toEqual([{ path: "share.value", code: "shares_above_whole" }]);
    expect(shareProblems({ kind: "percent", value: 70 }, [row({ kind: "percent", value: 40 }, "requested")], frame)).toHaveLength(1);
    expect(shareProblems({ kind: "percent", value: 70 }, [row({ kind: "percent", value: 40 }, "declined")], frame)).toEqual([]);
  });

  it("refuses amounts above the budget frame and quantities above the expected quantity", () => {
    expect(shareProblems({ kind: "budget_nok", value: 2_000_000 }, [row({ kind: "budget_nok", value: 1_000_000 })], frame)).toEqual([]);
    expect(shareProblems({ kind: "budget_nok", value: 2_000_001 }, [row({ kind: "budget_nok", value: 1_000_000 })], frame)).toEqual([{ path: "share.value", code: "shares_above_frame" }]);
    expect(shareProblems({ kind: "quantity", value: 1001 }, [], frame)).toEqual([{ path: "share.value", code: "shares_above_quantity" }]);
  });

  it("measures a share only in what the expectation declares, and all shares the same way", () => {
    expect(shareKindsFor(noFrame)).toEqual(["percent"]);
    expect(shareProblems({ kind: "budget_nok", value: 10 }, [], noFrame)).toEqual([{ path: "share.kind", code: "share_needs_frame" }]);
    expect(shareProblems({ kind: "quantity", value: 10 }, [], noFrame)).toEqual([{ path: "share.kind", code: "share_needs_quantity" }]);
    expect(shareProblems({ kind: "quantity", value: 10 }, [row({ kind: "percent", value: 10 })], frame)).toEqual([{ path: "share.kind", code: "share_kind_mismatch" }]);
  });

  it("refuses a share that is not a whole number above zero, or above 100 %", () => {
    expect(shareProblems({ kind: "percent", value: 0 }, [], frame)).toEqual([{ path: "share.value", code: "share_positive_whole" }]);
    expect(shareProblems({ kind: "percent", value: 12.5 }, [], frame)).toEqual([{ path: "share.value", code: "share_positive_whole" }]);
    expect(shareProblems({ kind: "percent", value: 101 }, [], frame)).toEqual([{ path: "share.value", code: "shares_above_whole" }]);
  });

  it("tells each buyer's part of the combined frame, and what is left for the lead", () => {
    expect(shareFraction({ kind: "percent", value: 40 }, frame)).toBe(0.4);
    expect(shareFraction({ kind: "budget_nok", value: 1_500_000 }, frame)).toBe(0.5);
    expect(shareFraction({ kind: "quantity", value: 250 }, frame)).toBe(0.25);
    expect(shareFraction(null, frame)).toBeNull();
    expect(shareOfFrameNok({ kind: "percent", value: 40 }, frame)).toEqual({ minNok: 800_000, maxNok: 1_200_000 });
    expect(shareOfFrameNok({ kind: "budget_nok", value: 500_000 }, frame)).toEqual({ minNok: null, maxNok: 500_000 });
    expect(leadFraction([row({ kind: "percent", value: 40 }), row({ kind: "percent", value: 30 }, "invited")], frame)).toBeCloseTo(0.6);
    expect(leadFraction([row(null)], frame)).toBeNull();
  });
});

describe("consent before publishing", () => {
  it("holds publishing while any invited co-buyer has not answered, and not for declined answers or requests to join", () => {
    expect(checkCoBuyerConsent([{ status: "accepted" }, { status: "invited" }])).toEqual({ ok: false, problems: [{ path: "coBuyers", code: "co_buyer_consent_required" }] });
    expect(checkCoBuyerConsent([{ status: "accepted" }, { status: "declined" }, { status: "requested" }])).toEqual({ ok: true });
    expect(checkCoBuyerConsent([])).toEqual({ ok: true });
  });

  it("is part of the publishing gate, right after the buyer", () => {
    const event: PublishableEvent = {
      kind: "demand_notice",
      registrationDeadline: null,
      responseDeadline: null,
      effort: { level: "none", hoursPerVendor: null, kindsOfWork: [], compensationNok: null },
      expectation: null,
      contract: null,
      sourcing: null,
      pilotPath: null,
      intellectualProperty: { backgroundStaysWithVendor: null, foregroundOwner: null, licenceScope: null, existingProductsNotTransferred: null, inputUse: null },
      nonUseUndertaking: false,
      ipTermsGrandfathered: false,
      ...UNSCOPED,
      coBuyers: [{ status: "invited" }],
    };
    const now = new Date("2026-12-06T10:00:00Z");
    const refused = checkPublishable(event, { buyerVerified: false, now });
    expect(refused.ok ? [] : refused.problems.slice(0, 2)).toEqual([
      { path: "buyer", code: "buyer_not_verified" },
      { path: "coBuyers", code: "co_buyer_consent_required" },
    ]);
    const consented = checkPublishable({ ...event, coBuyers: [{ status: "accepted" }] }, { buyerVerified: true, now });
    expect(consented.ok ? [] : consented.problems.map((p) => p.code)).not.toContain("co_buyer_consent_required");
  });
});

describe("open to join", () => {
  it("is open to the end of its last day, for published events only", () => {
    expect(openToJoin({ status: "published", openToJoinUntil: "2026-12-06" }, "2026-12-06")).toBe(true);
    expect(openToJoin({ status: "published", openToJoinUntil: "2026-12-05" }, "2026-12-06")).toBe(false);
    expect(openToJoin({ status: "draft", openToJoinUntil: "2026-12-31" }, "2026-12-06")).toBe(false);
    expect(openToJoin({ status: "published", openToJoinUntil: null }, "2026-12-06")).toBe(false);
  });

  it("cannot be set to a day already past", () => {
    expect(openToJoinProblems("2026-12-05", "2026-12-06")).toEqual([{ path: "openToJoinUntil", code: "open_to_join_in_past" }]);
    expect(openToJoinProblems("2026-12-06", "2026-12-06")).toEqual([]);
    expect(openToJoinProblems(null, "2026-12-06")).toEqual([]);
  });
});

describe("the forms' and the API's input", () => {
  it("takes an invitation with or without a share, but not half a share", () => {
    const organisationId = "6b0f4a8e-4a4e-4c4b-9f0e-0d2f4e7a1c11";
    expect(InviteCoBuyerSchema.safeParse({ organisationId }).success).toBe(true);
    expect(InviteCoBuyerSchema.safeParse({ organisationId, shareKind: "percent", shareValue: "40" }).data).toEqual({ organisationId, shareKind: "percent", shareValue: 40 });
    const half = InviteCoBuyerSchema.safeParse({ organisationId, shareKind: "percent" });
    expect(half.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["shareValue", "share_required"]]);
  });

  it("asks an acceptance for share and expectation status", () => {
    const missing = AcceptCoBuyingSchema.safeParse({});
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["shareKind", "share_kind_required"],
      ["shareValue", "share_required"],
      ["expectationStatus", "co_buyer_expectation_required"],
    ]);
  });
});

describe("the co-buyer's scorecard", () => {
  it("counts each joint event for the co-buyer's share", () => {
    const now = new Date("2026-12-06T10:00:00Z");
    const bounds = windowBounds(now, 12);
    const figure = jointFigure(
      [
        { month: "2026-11", share: { kind: "percent", value: 40 }, budgetMinNok: 2_000_000, budgetMaxNok: 3_000_000, quantity: null },
        { month: "2026-10", share: null, budgetMinNok: null, budgetMaxNok: null, quantity: null },
        { month: "2020-01", share: { kind: "percent", value: 50 }, budgetMinNok: null, budgetMaxNok: 1_000_000, quantity: null },
      ],
      bounds,
    );
    expect(figure).toEqual({ events: 2, weightedEvents: 1.4, budgetMaxNok: 1_200_000 });
  });
});
