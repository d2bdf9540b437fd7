import { z } from "zod";
import { EFFORT_LEVELS } from "./events";
import { CONSULTATION_SUBJECTS, MAX_DOCUMENT_LINKS, MAX_INVITED, MAX_QUESTIONS, type ConsultationInput, type ResponseInput } from "./consultations";
import { BUYER_SECTORS, VENDOR_SIZES } from "./organisations";
import { INT_MAX, choice, typeError, whole } from "./input-fields";

// The JSON bodies of /api/v1/consultations…, turned into the inputs the forms give, so one
// model function (and one effort rule) serves both.

const str = (max: number) => z.string({ error: typeError }).trim().max(max, "too_long");

export const ConsultationCreateSchema = z.strictObject(
  {
    caseNumber: str(200),
    title: str(400),
    summary: str(8000),
    subject: choice(CONSULTATION_SUBJECTS),
    conductVersion: whole(1, INT_MAX).nullable().optional(),
    questions: z.array(str(1000), { error: typeError }).max(MAX_QUESTIONS, "too_many"),
    documentLinks: z.array(str(1000), { error: typeError }).max(MAX_DOCUMENT_LINKS, "too_many").optional(),
    /** An instant with its offset, e.g. "2027-03-01T12:00:00+01:00". */
    deadline: z.iso.datetime({ offset: true, error: "invalid_datetime" }),
    effortLevel: choice(EFFORT_LEVELS),
    hoursPerResponder: whole(0, INT_MAX).nullable().optional(),
    targetSectors: z.array(choice(BUYER_SECTORS), { error: typeError }).optional(),
    targetVendorSizes: z.array(choice(VENDOR_SIZES), { error: typeError }).optional(),
    /** Organisation ids, slugs or organisation numbers. */
    invitedOrganisations: z.array(str(200), { error: typeError }).max(MAX_INVITED, "too_many").optional(),
  },
  { error: typeError },
);
export type ConsultationCreateBody = z.infer<typeof ConsultationCreateSchema>;

export function consultationBodyToInput(body: ConsultationCreateBody): ConsultationInput {
  return {
    caseNumber: body.caseNumber,
    title: body.title,
    summary: body.summary,
    subject: body.subject,
    conductVersion: body.conductVersion ?? null,
    questions: body.questions,
    documentLinks: body.documentLinks ?? [],
    deadline: body.deadline,
    effortLevel: body.effortLevel,
    hoursPerResponder: body.hoursPerResponder ?? null,
    targetSectors: [...new Set(body.targetSectors ?? [])],
    targetVendorSizes: [...new Set(body.targetVendorSizes ?? [])],
    invited: [...new Set(body.invitedOrganisations ?? [])],
  };
}

export const ResponseBodySchema = z.strictObject(
  {
    answers: z
      .array(
        z.strictObject(
          {
            text: str(20000),
            withhold: z.boolean({ error: typeError }).optional(),
            withholdReason: str(2000).nullable().optional(),
          },
          { error: typeError },
        ),
        { error: typeError },
      )
      .max(MAX_QUESTIONS, "too_many"),
    /** true: submit; false or absent: keep as a draft. */
    submit: z.boolean({ error: typeError }).optional(),
  },
  { error: typeError },
);
export type ResponseBody = z.infer<typeof ResponseBodySchema>;

export function responseBodyToInput(body: ResponseBody): ResponseInput {
  return {
    parts: body.answers.map((a) => ({ text: a.text, withhold: a.withhold ?? false, withholdReason: a.withholdReason || null })),
    submit: body.submit ?? false,
  };
}

export const SummaryBodySchema = z.strictObject({ summary: str(20000) }, { error: typeError });
