import { describe, expect, it } from "vitest";
import {
  answerFormToInput,
  checkAnswer,
  checkAssign,
  checkReason,
  checkReferral,
  checkVendorRequest,
  concernsOpenEvent,
  daysBetween,
  median,
  reminderDue,
  requestFigures,
  vendorRequestFormToInput,
  type VendorRequestInput,
} from "~/domain/vendor-requests";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const C = "33333333-3333-4333-8333-333333333333";
const request = (over: Partial<VendorRequestInput> = {}): VendorRequestInput => ({ buyerId: A, type: "clarification", topic: "privacy", subject: "Databehandleravtale", body: "Hvem avklarer?", eventId: null, contractId: null, ...over });

describe("a request from a vendor", () => {
  it("accepts a clarification with a topic and a meeting request without one", () => {
    expect(checkVendorRequest(request())).toEqual([]);
    expect(checkVendorRequest(request({ type: "meeting", topic: null }))).toEqual([]);
  });
  it("refuses a clarification without a topic, and a topic on anything else", () => {
    expect(checkVendorRequest(request({ topic: null }))).toEqual([{ path: "topic", code: "topic_required" }]);
    expect(checkVendorRequest(request({ type: "business_case" }))).toEqual([{ path: "topic", code: "topic_only_for_clarification" }]);
  });
  it("refuses a subject or body of nothing but invisible characters, and an unknown type", () => {
    const codes = checkVendorRequest(request({ subject: "\u200b ", body: "", type: "gossip" as never, topic: null }));
    expect(codes).toEqual([
      { path: "type", code: "invalid_choice" },
      { path: "subject", code: "required" },
      { path: "body", code: "required" },
    ]);
  });
  it("reads a form, dropping a topic left selected for a type that has none", () => {
    const form = new URLSearchParams({ buyerId: A, type: "meeting", topic: "legal", subject: " Møte ", body: "Kan vi møtes?", eventId: "" });
    expect(vendorRequestFormToInput(form)).toEqual({ buyerId: A, type: "meeting", topic: null, subject: "Møte", body: "Kan vi møtes?", eventId: null, contractId: null });
  });
});

describe("assigning an owner", () => {
  const input = { ownerId: A, decisionMakerRole: "Personvernombud", decisionMandate: "Godkjenner databehandleravtaler", dueOn: "2026-12-10" };
  it("needs who can decide, the mandate, and a due date not in the past", () => {
    expect(checkAssign(input, { today: "2026-12-06" })).toEqual([]);
    expect(checkAssign({ ...input, dueOn: "2026-12-05" }, { today: "2026-12-06" })).toEqual([{ path: "dueOn", code: "due_in_past" }]);
    expect(checkAssign({ ...input, dueOn: "2026-02-30" }, { today: "2026-12-06" })).toEqual([{ path: "dueOn", code: "invalid_date" }]);
    expect(checkAssign({ ...input, decisionMakerRole: " ", decisionMandate: "" }, { today: "2026-12-06" }).map((p) => p.path)).toEqual(["decisionMakerRole", "decisionMandate"]);
  });
});

describe("referrals", () => {
  const trail = { organisationIds: [A], ownerIds: [B], currentOwnerId: B };
  it("needs a reason the vendor can read", () => {
    expect(checkReason("  ")).toEqual([{ path: "reason", code: "request_reason_required" }]);
    expect(checkReferral({ to: "person", userId: C, reason: "" }, trail)).toEqual([{ path: "reason", code: "request_reason_required" }]);
  });
  it("refuses a referral back to an organisation that already held the request, or to an earlier owner", () => {
    expect(checkReferral({ to: "organisation", organisationId: A, reason: "Tilbake" }, trail)).toEqual([{ path: "organisationId", code: "referral_loop" }]);
    expect(checkReferral({ to: "person", userId: B, reason: "Samme" }, { ...trail, currentOwnerId: C, ownerIds: [B, C] })).toEqual([{ path: "userId", code: "referral_loop" }]);
    expect(checkReferral({ to: "person", userId: B, reason: "Samme" }, trail)).toEqual([{ path: "userId", code: "already_owner" }]);
  });
  it("lets a request move on to someone new", () => {
    expect(checkReferral({ to: "person", userId: C, reason: "Jurist" }, trail)).toEqual([]);
    expect(checkReferral({ to: "organisation", organisationId: C, reason: "Deres avtale" }, trail)).toEqual([]);
  });
});

describe("answering", () => {
  it("publishes to the event only when asked, and then needs the question as published", () => {
    expect(answerFormToInput(new URLSearchParams({ answer: "Ja", publishedQuestion: "Q" }))).toEqual({ answer: "Ja", publishedQuestion: null });
    expect(checkAnswer({ answer: "Ja", publishedQuestion: " " })).toEqual([{ path: "publishedQuestion", code: "required" }]);
    expect(checkAnswer({ answer: "", publishedQuestion: null })).toEqual([{ path: "answer", code: "required" }]);
  });
  it("prompts for equal treatment only while the event is open", () => {
    expect(concernsOpenEvent({ status: "published" })).toBe(true);
    expect(concernsOpenEvent({ status: "closed" })).toBe(false);
    expect(concernsOpenEvent(null)).toBe(false);
  });
});

describe("reminders", () => {
  const open = { status: "open" as const, dueOn: "2026-12-10", remindedAt: null, escalatedAt: null };
  it("reminds on the due date, escalates after the set number of days, each once", () => {
    expect(reminderDue(open, "2026-12-09")).toBeNull();
    expect(reminderDue(open, "2026-12-10")).toBe("remind");
    expect(reminderDue({ ...open, remindedAt: new Date() }, "2026-12-12", 5)).toBeNull();
    expect(reminderDue({ ...open, remindedAt: new Date() }, "2026-12-15", 5)).toBe("escalate");
    expect(reminderDue({ ...open, remindedAt: new Date(), escalatedAt: new Date() }, "2026-12-30", 5)).toBeNull();
    expect(reminderDue({ ...open, status: "answered" }, "2026-12-30")).toBeNull();
    expect(reminderDue({ ...open, dueOn: null }, "2026-12-30")).toBeNull();
  });
  it("counts days between Oslo dates across a month end", () => {
    expect(daysBetween("2026-11-28", "2026-12-03")).toBe(5);
  });
});

describe("the scorecard's figures", () => {
  it("takes the median of an even and an odd count, and none of nothing", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("measures answers against the buyer's own due dates, leaving out requests not yet due", () => {
    const created = "2026-01-01T08:00:00Z";
    const figures = requestFigures(
      [
        { createdAt: created, firstAnsweredAt: "2026-01-02T08:00:00Z", firstAnsweredOn: "2026-01-02", dueOn: "2026-01-05", referrals: 0 },
        { createdAt: created, firstAnsweredAt: "2026-01-08T08:00:00Z", firstAnsweredOn: "2026-01-08", dueOn: "2026-01-05", referrals: 3 },
        { createdAt: created, firstAnsweredAt: null, firstAnsweredOn: null, dueOn: "2026-01-20", referrals: 2 },
        { createdAt: created, firstAnsweredAt: null, firstAnsweredOn: null, dueOn: "2026-01-09", referrals: 0 },
      ],
      "2026-01-10",
    );
    expect(figures).toEqual({ received: 4, medianDaysToFirstAnswer: 4, withinDueDate: { answered: 1, of: 3 }, referredMoreThanTwice: 1 });
  });
});
