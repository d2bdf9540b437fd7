import { describe, expect, it } from "vitest";
import type { ContractCode } from "~/domain/contract";
import { EventCreateSchema, EventPatchSchema, inputProblems, OutcomeSchema } from "~/domain/event-input";
import type { PilotCode } from "~/domain/pilot";
import type { PredictabilityCode } from "~/domain/predictability";
import type { SourcingCode } from "~/domain/sourcing";
import type { OwnDeliveryPublishingCode } from "~/domain/own-delivery";
import { createI18n } from "~/i18n/i18n";
import { resources } from "~/i18n/resources";

function problems(schema: typeof EventCreateSchema | typeof EventPatchSchema | typeof OutcomeSchema, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : inputProblems(result.error);
}

describe("event input", () => {
  it("needs only kind and title for a draft", () => {
    expect(EventCreateSchema.parse({ kind: "rfi", title: "Forespørsel" })).toEqual({ kind: "rfi", title: "Forespørsel" });
    expect(problems(EventCreateSchema, {})).toEqual([
      { path: "kind", code: "required" },
      { path: "title", code: "required" },
    ]);
  });

  it("reads times with their offset, and refuses times without one", () => {
    const value = EventCreateSchema.parse({ kind: "rfi", title: "Forespørsel", registrationDeadline: "2027-03-01T12:00:00+01:00" });
    expect(value.registrationDeadline).toEqual(new Date("2027-03-01T11:00:00Z"));
    expect(problems(EventCreateSchema, { kind: "rfi", title: "Forespørsel", startsAt: "1. mars" })).toEqual([{ path: "startsAt", code: "invalid_datetime" }]);
  });

  it("names unknown fields by their own path, nested too", () => {
    expect(problems(EventCreateSchema, { kind: "rfi", title: "Forespørsel", colour: "red", effort: { level: "none", speed: 1 } })).toEqual([
      { path: "effort.speed", code: "unknown_field" },
      { path: "colour", code: "unknown_field" },
    ]);
  });

  it("refuses negative money, fractional hours, unknown CPV codes, bad quarters and non-web links", () => {
    expect(
      problems(EventCreateSchema, {
        kind: "rfi",
        title: "Forespørsel",
        cpv: ["48814000-7", "48814000-0"],
        effort: { hoursPerVendor: 1.5, compensationNok: -1 },
        expectation: { expectedTenderQuarter: "2027-Q5" },
        onlineUrl: "ftp://example.org",
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: "cpv.1", code: "invalid_cpv" },
        { path: "effort.hoursPerVendor", code: "must_be_whole_number" },
        { path: "effort.compensationNok", code: "must_not_be_negative" },
        { path: "expectation.expectedTenderQuarter", code: "invalid_quarter" },
        { path: "onlineUrl", code: "invalid_url" },
      ]),
    );
  });

  it("tells a left-out field (unchanged) from null (cleared) in a patch, and trims blank text to null", () => {
    expect(EventPatchSchema.parse({ expectation: null, location: "  ", reason: "Endret" })).toEqual({ expectation: null, location: null, reason: "Endret" });
    expect(EventPatchSchema.parse({})).toEqual({});
    expect(problems(EventPatchSchema, { title: null })).toEqual([{ path: "title", code: "required" }]);
  });

  it("reads each kind of outcome with what it needs", () => {
    expect(OutcomeSchema.parse({ outcome: "not_procured", reason: "in_house" })).toEqual({ outcome: "not_procured", reason: "in_house" });
    expect(problems(OutcomeSchema, { outcome: "not_procured", reason: "bored" })).toEqual([{ path: "reason", code: "invalid_choice" }]);
    expect(problems(OutcomeSchema, { outcome: "withdrawn", reason: " " })).toEqual([{ path: "reason", code: "required" }]);
    expect(problems(OutcomeSchema, { outcome: "done" })).toEqual([{ path: "outcome", code: "invalid_choice" }]);
  });
});

describe("event messages", () => {
  // Every code a publishing rule can answer with; the type makes the list complete.
  const publishingCodes = {
    buyer_not_verified: true,
    deadline_in_future_required: true,
    demand_notice_asks_no_effort: true,
    must_not_be_negative: true,
    effort_level_too_low: true,
    hours_required: true,
    compensation_required: true,
    compensation_below_floor: true,
    budget_above_zero_required: true,
    expected_value_outside_budget: true,
    tender_quarter_in_past: true,
    tender_quarter_beyond_horizon: true,
    expectation_required: true,
    budget_required: true,
    budget_range_invalid: true,
    funding_source_required: true,
    volume_required: true,
    unit_required: true,
    tender_quarter_required: true,
    contract_start_invalid: true,
    must_be_positive_whole_months: true,
    justification_required: true,
    contract_form_required: true,
    base_period_required: true,
    horizon_required: true,
    sourcing_reason_required: true,
    sourcing_required: true,
    in_house_cost_basis_required: true,
    acceptance_criteria_required: true,
    too_many: true,
    criterion_part_required: true,
    purchase_path_required: true,
    pilot_path_quarter_required: true,
    pilot_path_budget_required: true,
    budget_earmarked_required: true,
    budget_source_required: true,
    decider_required: true,
    option_max_price_required: true,
    option_window_required: true,
    option_window_order: true,
    option_window_in_past: true,
    funding_other_text_required: true,
    vendor_investment_required: true,
    duplicate: true,
  } satisfies Record<
    PredictabilityCode | ContractCode | SourcingCode | OwnDeliveryPublishingCode | PilotCode | "buyer_not_verified" | "deadline_in_future_required" | "demand_notice_asks_no_effort",
    true
  >;

  it("has a message and a principle for every publishing rule's code, in both languages", () => {
    for (const language of ["nb", "en"] as const) {
      const { problems: messages, principles } = resources[language].events;
      for (const code of Object.keys(publishingCodes)) {
        expect(messages[code as keyof typeof messages], `${language} ${code}`).toMatch(/\S/);
        expect(principles[code as keyof typeof principles], `${language} ${code}`).toMatch(/\S/);
      }
    }
  });

  it("says the predictability rule plainly", () => {
    const t = createI18n("nb").t;
    expect(t("events:problems.expectation_required")).toBe("Oppgi forventet innkjøp før du ber leverandører om innsats.");
    expect(t("events:principles.expectation_required")).toBe(
      "Forutsigbarhet: leverandører skal vite hvilket innkjøp de kan forvente før de legger ned arbeid.",
    );
  });
});
