import { z } from "zod";
import { choice, optionalText, typeError } from "./input-fields";
import { CRITERION_RESULTS, EXIT_RESPONSES, PILOT_DECISIONS, STOP_REASONS } from "./pilot-exit";

// The forms and API bodies of a pilot's exit record (app/domain/pilot-exit.ts holds the rules). Apart
// from the rules so that pages which only count exits (the scorecards, /insights) do not ship Zod
// (issue 20).

const JudgementInput = z.strictObject({ result: choice(CRITERION_RESULTS), note: optionalText(1000) }, { error: typeError });

/** The buyer's exit record, as the form and POST /api/v1/events/{id}/pilot-exit send it. */
export const PilotExitSchema = z.strictObject(
  {
    results: z.array(JudgementInput, { error: typeError }).max(10, "too_many").optional(),
    decision: choice(PILOT_DECISIONS),
    stopReason: choice(STOP_REASONS).nullable().optional(),
    stopReasonText: optionalText(1000),
    followOnEventId: z.guid({ error: "invalid_value" }).nullable().optional(),
    contractId: z.guid({ error: "invalid_value" }).nullable().optional(),
  },
  { error: typeError },
);
export type PilotExitInput = z.infer<typeof PilotExitSchema>;

const ResponseInput = z.strictObject({ response: choice(EXIT_RESPONSES), account: optionalText(5000) }, { error: typeError });

/** A vendor's answer to every judgement (POST /api/v1/events/{id}/pilot-exit/response). */
export const PilotExitResponseSchema = z.strictObject({ responses: z.array(ResponseInput, { error: typeError }).max(10, "too_many").optional() }, { error: typeError });
export type PilotExitResponseInput = z.infer<typeof PilotExitResponseSchema>;
