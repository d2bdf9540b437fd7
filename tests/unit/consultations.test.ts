import { describe, expect, it } from "vitest";
import {
  checkConsultationEffort,
  consultationFormToInput,
  consultationProblems,
  consultationState,
  isPartPublished,
  mayOrganise,
  mayWithdraw,
  responseProblems,
  type ConsultationInput,
} from "~/domain/consultations";

const now = new Date("2026-12-06T12:00:00Z");
const DAY = 86_400_000;
const later = (days: number) => new Date(now.getTime() + days * DAY);

const valid: ConsultationInput = {
  caseNumber: "26/1234",
  title: "Veikart for standarder 2027–2029",
  summary: "Vi foreslår å kreve FHIR R4 fra 2028.",
  subject: "standards_roadmap",
  conductVersion: null,
  questions: ["Er tidspunktet realistisk?"],
  documentLinks: ["https://example.no/veikart.pdf"],
  deadline: later(30).toISOString(),
  effortLevel: "light",
  hoursPerResponder: 4,
  targetSectors: ["health_trust"],
  targetVendorSizes: ["small"],
  invited: [],
};

describe("the effort a consultation may ask (forutsigbarhet)", () => {
  it("refuses a consultation asking a 20-hour written response with consultation_effort_too_high", () => {
    expect(checkConsultationEffort({ effortLevel: "light", hoursPerResponder: 20 })).toEqual([{ path: "hoursPerResponder", code: "consultation_effort_too_high" }]);
  });

  it("refuses significant effort whatever the hours", () => {
    expect(checkConsultationEffort({ effortLevel: "significant", hoursPerResponder: null }).map((p) => p.code)).toEqual(["consultation_effort_too_high"]);
  });

  it("allows light effort up to and including 8 hours, and none", () => {
    expect(checkConsultationEffort({ effortLevel: "light", hoursPerResponder: 8 })).toEqual([]);
    expect(checkConsultationEffort({ effortLevel: "none", hoursPerResponder: null })).toEqual([]);
    expect(checkConsultationEffort({ effortLevel: "light", hoursPerResponder: 9 })).toHaveLength(1);
  });
});

describe("the consultation's fields", () => {
  it("accepts a complete consultation", () => {
    expect(consultationProblems(valid, { now })).toEqual([]);
  });

  it("names each missing or malformed field", () => {
    const problems = consultationProblems(
      { ...valid, caseNumber: " \u200b", questions: [], documentLinks: ["javascript:alert(1)"], deadline: now.toISOString(), subject: "conduct_version", effortLevel: "much" },
      { now },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "caseNumber", code: "required" },
        { path: "questions", code: "consultation_questions_required" },
        { path: "documentLinks", code: "invalid_url" },
        { path: "deadline", code: "consultation_deadline_in_future" },
        { path: "conductVersion", code: "required" },
        { path: "effortLevel", code: "invalid_choice" },
      ]),
    );
  });

  it("reads the form: one question and one link per line, invited organisations by line or comma", () => {
    const form = new URLSearchParams({ caseNumber: "1", questions: "Første?\n\n Andre? ", documentLinks: "https://a.no\r\nhttps://b.no", invited: "bergvik-kommune, 912345678\nnordlys", deadline: "2027-01-15T12:00", effortLevel: "light" });
    const input = consultationFormToInput(form);
    expect(input.questions).toEqual(["Første?", "Andre?"]);
    expect(input.documentLinks).toEqual(["https://a.no", "https://b.no"]);
    expect(input.invited).toEqual(["bergvik-kommune", "912345678", "nordlys"]);
    expect(new Date(input.deadline!).toISOString()).toBe("2027-01-15T11:00:00.000Z");
  });
});

describe("responses", () => {
  it("asks for a reason when a part is to be withheld, and for an answer before submitting", () => {
    expect(responseProblems({ parts: [{ text: "Svar", withhold: true, withholdReason: null }], submit: false }, 1)).toEqual([{ path: "answers[0].withholdReason", code: "withhold_reason_required" }]);
    expect(responseProblems({ parts: [{ text: "", withhold: false, withholdReason: null }], submit: true }, 1)).toEqual([{ path: "answers", code: "consultation_answer_required" }]);
    expect(responseProblems({ parts: [{ text: "", withhold: false, withholdReason: null }], submit: false }, 1)).toEqual([]);
  });

  it("never publishes a part whose withholding is asked and not refused", () => {
    const asked = { withholdRequested: true, withholdDecision: null, decidedAt: null };
    expect(isPartPublished(asked, { publicationConfirmedAt: null, now })).toBe(false);
    expect(isPartPublished({ ...asked, withholdDecision: "accepted", decidedAt: now }, { publicationConfirmedAt: now, now: later(100) })).toBe(false);
    expect(isPartPublished({ withholdRequested: false, withholdDecision: null, decidedAt: null }, { publicationConfirmedAt: null, now })).toBe(true);
  });

  it("publishes a refused part once the responder confirms, or after the notice period", () => {
    const refused = { withholdRequested: true, withholdDecision: "refused" as const, decidedAt: now };
    expect(isPartPublished(refused, { publicationConfirmedAt: null, now: later(6) })).toBe(false);
    expect(isPartPublished(refused, { publicationConfirmedAt: null, now: later(7) })).toBe(true);
    expect(isPartPublished(refused, { publicationConfirmedAt: later(1), now: later(1) })).toBe(true);
  });

  it("lets a responder withdraw before the deadline, and after it only while a refused part is unpublished", () => {
    const base = { deadline: later(1), status: "submitted" as const, publicationConfirmedAt: null, parts: [] };
    expect(mayWithdraw(base, now)).toBe(true);
    expect(mayWithdraw({ ...base, deadline: later(-1) }, now)).toBe(false);
    expect(mayWithdraw({ ...base, deadline: later(-1), parts: [{ withholdRequested: true, withholdDecision: "refused", decidedAt: later(-1) }] }, now)).toBe(true);
    expect(mayWithdraw({ ...base, deadline: later(-10), parts: [{ withholdRequested: true, withholdDecision: "refused", decidedAt: later(-8) }] }, now)).toBe(false);
    expect(mayWithdraw({ ...base, status: "withdrawn" }, now)).toBe(false);
  });
});

describe("a consultation's state", () => {
  it("is open until the deadline, then awaits its summary, then misses it after 60 days, and is concluded with one", () => {
    expect(consultationState({ deadline: later(1), usageSummaryAt: null }, now)).toBe("open");
    expect(consultationState({ deadline: later(-59), usageSummaryAt: null }, now)).toBe("awaiting_summary");
    expect(consultationState({ deadline: later(-60), usageSummaryAt: null }, now)).toBe("missing_summary");
    expect(consultationState({ deadline: later(-90), usageSummaryAt: later(-1) }, now)).toBe("concluded");
  });
});

describe("who organises", () => {
  it("is the operators for an operator consultation, otherwise the organising organisation", () => {
    const operator = { userId: "u", isOperator: true, organisationId: null };
    const member = { userId: "m", isOperator: false, organisationId: "org-a" };
    expect(mayOrganise({ organiserId: null }, operator)).toBe(true);
    expect(mayOrganise({ organiserId: null }, member)).toBe(false);
    expect(mayOrganise({ organiserId: "org-a" }, member)).toBe(true);
    expect(mayOrganise({ organiserId: "org-b" }, member)).toBe(false);
    expect(mayOrganise({ organiserId: "org-a" }, null)).toBe(false);
  });
});
