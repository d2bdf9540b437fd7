import { z } from "zod";
import { EFFORT_REQUEST_WORK, type EffortRequestInput } from "./effort-requests";
import { EXPECTATION_STATUSES } from "./events";
import { Expectation, expectationOfInput } from "./event-input";
import { INT_MAX, NOK_MAX } from "./input-fields";

// POST /api/v1/effort-requests: the JSON body, turned into the same EffortRequestInput the
// form gives, so one model function (and one predictability gate) serves both.

type Issue = { input?: unknown };
const typeError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_value");
const choiceError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_choice");
// hours_per_vendor is an integer column; compensation_nok a bigint (kroner up to NOK_MAX).
const whole = (max = INT_MAX) => z.int({ error: (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "must_be_whole_number") }).max(max, "too_large");

export const EffortRequestCreateSchema = z.strictObject(
  {
    title: z.string({ error: typeError }).trim(),
    description: z.string({ error: typeError }).trim().optional(),
    kindsOfWork: z.array(z.enum(EFFORT_REQUEST_WORK, { error: choiceError }), { error: typeError }),
    hoursPerVendor: whole().nullable().optional(),
    /** An instant with its offset, e.g. "2027-03-01T12:00:00+01:00". */
    deadline: z.iso.datetime({ offset: true, error: "invalid_datetime" }).nullable().optional(),
    compensationNok: whole(NOK_MAX).min(0, "must_not_be_negative").nullable().optional(),
    compensationReason: z.string({ error: typeError }).trim().max(2000, "too_long").nullable().optional(),
    eventId: z.guid({ error: "invalid_value" }).nullable().optional(),
    recipients: z.array(z.guid({ error: "invalid_value" }), { error: typeError }),
    expectation: Expectation.extend({ status: z.enum(EXPECTATION_STATUSES, { error: choiceError }) })
      .nullable()
      .optional(),
  },
  { error: typeError },
);
export type EffortRequestCreateBody = z.infer<typeof EffortRequestCreateSchema>;

export function effortRequestBodyToInput(body: EffortRequestCreateBody): EffortRequestInput {
  const e = body.expectation;
  return {
    title: body.title,
    description: body.description ?? "",
    kindsOfWork: body.kindsOfWork,
    hoursPerVendor: body.hoursPerVendor ?? null,
    deadline: body.deadline ?? null,
    compensationNok: body.compensationNok ?? null,
    compensationReason: body.compensationReason || null,
    eventId: body.eventId ?? null,
    recipients: [...new Set(body.recipients)],
    expectation: e ? expectationOfInput(e) : null,
  };
}
