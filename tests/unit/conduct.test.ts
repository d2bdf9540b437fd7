import { describe, expect, it } from "vitest";
import { checkAnswerOpen, checkAssessment, checkResponse, isQuietPeriodContact, needsReadoption } from "~/domain/conduct";
import { InteractionSchema, namesFromLines, ResponseSchema } from "~/domain/conduct-forms";

describe("assessment of an interaction", () => {
  it("needs nothing more when it is in line with the code", () => {
    expect(checkAssessment({ assessment: "in_line" })).toEqual({});
  });

  it("needs a known category and a description for a concern", () => {
    expect(checkAssessment({ assessment: "concern", concernCategory: null, concernDescription: "  " })).toEqual({
      concernCategory: ["conduct_concern_needs_category"],
      concernDescription: ["conduct_concern_needs_description"],
    });
    expect(checkAssessment({ assessment: "concern", concernCategory: "rudeness", concernDescription: "x" })).toEqual({ concernCategory: ["invalid_choice"] });
    expect(checkAssessment({ assessment: "concern", concernCategory: "gifts", concernDescription: "Konsertbilletter." })).toEqual({});
  });
});

describe("answers", () => {
  it("needs an account for a dispute and not for a confirmation", () => {
    expect(checkResponse("dispute", "")).toEqual({ account: ["conduct_dispute_needs_account"] });
    expect(checkResponse("dispute", "Vi husker det annerledes.")).toEqual({});
    expect(checkResponse("confirm", null)).toEqual({});
  });

  it("takes one answer per entry: the first is final", () => {
    expect(checkAnswerOpen(0)).toEqual({});
    expect(checkAnswerOpen(1)).toEqual({ response: ["conduct_already_answered"] });
    expect(checkAnswerOpen(3)).toEqual({ response: ["conduct_already_answered"] });
  });
});

describe("re-adoption", () => {
  it("is asked for when nothing or an older version is adopted", () => {
    expect(needsReadoption(null, 1)).toBe(true);
    expect(needsReadoption(1, 2)).toBe(true);
    expect(needsReadoption(2, 2)).toBe(false);
    expect(needsReadoption(null, null)).toBe(false);
  });
});

describe("the interaction form", () => {
  it("reports the concern rules together with other field errors", () => {
    const result = InteractionSchema.safeParse({ occurredAt: "nonsense", assessment: "concern", channel: "meeting", subject: "Møte", summary: "Kort." });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining(["occurredAt:invalid_datetime", "counterpartId:required", "concernCategory:conduct_concern_needs_category", "concernDescription:conduct_concern_needs_description"]),
    );
  });

  it("reads names one per line", () => {
    expect(namesFromLines(" Berit Innkjøp\r\n\nOla  \n")).toEqual(["Berit Innkjøp", "Ola"]);
  });

  it("asks for an account with a dispute", () => {
    const result = ResponseSchema.safeParse({ response: "dispute" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["conduct_dispute_needs_account"]);
  });
});

describe("quiet period", () => {
  const published = new Date("2026-10-01T08:00:00Z");
  const rfp = { kind: "rfp", status: "published", outcome: null, buyerId: "buyer", publishedAt: published };
  const facts = { event: rfp, channel: "meeting" as const, organisationId: "vendor", counterpartId: "buyer", occurredAt: new Date("2026-11-20T13:30:00Z") };

  it("flags a one-to-one contact between the buyer and a vendor about an RFP in its tender phase, whoever logs it", () => {
    expect(isQuietPeriodContact(facts)).toBe(true);
    expect(isQuietPeriodContact({ ...facts, organisationId: "buyer", counterpartId: "vendor" })).toBe(true);
    expect(isQuietPeriodContact({ ...facts, event: { ...rfp, status: "closed" } })).toBe(true);
  });

  it("does not flag a conference, another kind of event, a draft, a tender with an outcome, or contact before publication", () => {
    expect(isQuietPeriodContact({ ...facts, channel: "conference" })).toBe(false);
    expect(isQuietPeriodContact({ ...facts, event: { ...rfp, kind: "rfi" } })).toBe(false);
    expect(isQuietPeriodContact({ ...facts, event: { ...rfp, status: "draft", publishedAt: null } })).toBe(false);
    expect(isQuietPeriodContact({ ...facts, event: { ...rfp, outcome: "procured" } })).toBe(false);
    expect(isQuietPeriodContact({ ...facts, occurredAt: new Date("2026-09-30T08:00:00Z") })).toBe(false);
    expect(isQuietPeriodContact({ ...facts, event: null })).toBe(false);
  });
});
