import { describe, expect, it } from "vitest";
import {
  confidentialProblems,
  effortRequestTeam,
  effortResponseRefusal,
  eventTeam,
  logsRead,
  partAccess,
  readLogWindowStart,
  responseReader,
  responseRefusal,
  ResponseInputSchema,
  submissionProblems,
  takesResponses,
} from "~/domain/responses";

const deadline = new Date("2027-03-01T11:00:00Z");
const rfi = { kind: "rfi", status: "published", responseDeadline: deadline, responsesRequireRegistration: false };
const registered = { registered: true };

describe("when a vendor may respond", () => {
  it("takes a response to a published RFI or RFP up to and including the deadline minute", () => {
    expect(responseRefusal(rfi, registered, new Date("2027-03-01T11:00:00Z"))).toBeNull();
    expect(responseRefusal({ ...rfi, kind: "rfp", responseDeadline: null }, registered, new Date("2030-01-01"))).toBeNull();
  });

  it("refuses a response after the deadline or once the event is closed as a conflict (409)", () => {
    expect(responseRefusal(rfi, registered, new Date("2027-03-01T11:00:01Z"))).toEqual({ reason: "conflict", problem: { path: "", code: "response_deadline_passed" } });
    expect(responseRefusal({ ...rfi, status: "closed", responseDeadline: null }, registered, new Date("2027-01-01"))?.problem.code).toBe("response_deadline_passed");
  });

  it("refuses events that do not ask for written input, and drafts (422)", () => {
    expect(responseRefusal({ ...rfi, kind: "dialogue_meeting" }, registered, new Date("2027-01-01"))).toEqual({ reason: "refused", problem: { path: "", code: "responses_not_accepted" } });
    expect(responseRefusal({ ...rfi, status: "draft" }, registered, new Date("2027-01-01"))?.problem.code).toBe("responses_not_accepted");
  });

  it("refuses a vendor that is not registered when the buyer requires registration, and only then", () => {
    const required = { ...rfi, responsesRequireRegistration: true };
    expect(responseRefusal(required, { registered: false }, new Date("2027-01-01"))).toEqual({ reason: "refused", problem: { path: "", code: "registration_required" } });
    expect(responseRefusal(required, registered, new Date("2027-01-01"))).toBeNull();
    expect(responseRefusal(rfi, { registered: false }, new Date("2027-01-01"))).toBeNull();
  });

  it("offers responses on published and closed RFIs and RFPs only", () => {
    expect(takesResponses({ kind: "rfi", status: "published" })).toBe(true);
    expect(takesResponses({ kind: "rfp", status: "closed" })).toBe(true);
    expect(takesResponses({ kind: "rfi", status: "draft" })).toBe(false);
    expect(takesResponses({ kind: "pilot", status: "published" })).toBe(false);
  });
});

describe("when a vendor may respond to an effort request", () => {
  const request = { deadline };
  it("takes a response from a recipient that has not answered or accepted, up to and including the deadline minute", () => {
    expect(effortResponseRefusal(request, { status: "open" }, deadline)).toBeNull();
    expect(effortResponseRefusal(request, { status: "accepted" }, new Date(deadline.getTime() - 1))).toBeNull();
  });

  it("refuses after the deadline as a conflict (409), and a recipient that declined by rule (422)", () => {
    expect(effortResponseRefusal(request, { status: "accepted" }, new Date(deadline.getTime() + 1))).toEqual({ reason: "conflict", problem: { path: "", code: "response_deadline_passed" } });
    expect(effortResponseRefusal(request, { status: "declined" }, deadline)).toEqual({ reason: "refused", problem: { path: "", code: "request_declined" } });
  });
});

describe("what a response says", () => {
  it("requires a reason for each part marked as a business secret", () => {
    const input = ResponseInputSchema.parse({ text: "Vi bruker FHIR R4.", textConfidential: true, textConfidentialReason: "  ", confidential: true });
    expect(confidentialProblems(input)).toEqual([
      { path: "confidentialReason", code: "confidential_reason_required" },
      { path: "textConfidentialReason", code: "confidential_reason_required" },
    ]);
    expect(confidentialProblems(ResponseInputSchema.parse({ textConfidential: true, textConfidentialReason: "Prismodell" }))).toEqual([]);
  });

  it("refuses unknown fields and text over the limit", () => {
    expect(ResponseInputSchema.safeParse({ text: "x".repeat(20001) }).success).toBe(false);
    expect(ResponseInputSchema.safeParse({ owner: "x" }).success).toBe(false);
  });

  it("refuses to submit a response with neither text, document nor answer", () => {
    expect(submissionProblems({ text: " \u200b", documentCount: 0 })).toEqual([{ path: "text", code: "response_empty" }]);
    expect(submissionProblems({ text: "", documentCount: 1 })).toEqual([]);
    expect(submissionProblems({ text: "", documentCount: 0, answerCount: 2 })).toEqual([]);
  });
});

describe("who reads what", () => {
  it("makes the buyer's admins the team while none is named", () => {
    expect(eventTeam([], ["ada"])).toEqual(["ada"]);
    expect(eventTeam(["mia"], ["ada"])).toEqual(["mia"]);
  });

  it("makes an effort request's team its sender and the event's team (or the admins), once each", () => {
    expect(effortRequestTeam("bo", ["ada"])).toEqual(["bo", "ada"]);
    expect(effortRequestTeam("ada", ["ada"])).toEqual(["ada"]);
    expect(effortRequestTeam(null, ["mia"])).toEqual(["mia"]);
  });

  it("lets the vendor and the team read secrets, refuses other buyer members (logged) and hides the response from everyone else", () => {
    const vendor = responseReader({ vendorMember: true, buyerMember: false, teamMember: false });
    const team = responseReader({ vendorMember: false, buyerMember: true, teamMember: true });
    const buyer = responseReader({ vendorMember: false, buyerMember: true, teamMember: false });
    const none = responseReader({ vendorMember: false, buyerMember: false, teamMember: false });
    expect([vendor, team, buyer, none]).toEqual(["vendor", "team", "buyer", "none"]);
    expect([vendor, team, buyer, none].map((r) => partAccess(r, true))).toEqual(["read", "read", "refused", "not_found"]);
    expect([vendor, team, buyer, none].map((r) => partAccess(r, false))).toEqual(["read", "read", "read", "not_found"]);
    expect([vendor, team, buyer].map((r) => logsRead(r, true))).toEqual([false, true, true]);
    expect(logsRead("team", false)).toBe(false);
  });

  it("logs a read again from the next day in Oslo, not from the next page view", () => {
    // Winter (UTC+1): 02:55 in Oslo on 7 December; the day began at 23:00 UTC the evening before.
    expect(readLogWindowStart(new Date("2026-12-07T01:55:00Z")).toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(readLogWindowStart(new Date("2026-12-06T22:59:59Z")).toISOString()).toBe("2026-12-05T23:00:00.000Z");
    // Summer (UTC+2): 00:30 in Oslo on 2 July is a new day, 23:30 on 1 July is not.
    expect(readLogWindowStart(new Date("2026-07-01T22:30:00Z")).toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(readLogWindowStart(new Date("2026-07-01T21:30:00Z")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });
});
