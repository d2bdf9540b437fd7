import { z } from "zod";

// The participation forms (registration, decline, question, answer) and their API bodies.
// Messages are codes, translated through `participation:problems`, then `forms`.

type Issue = { input?: unknown };
const typeError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_value");

// PostgreSQL text cannot hold NUL: refused beside the field rather than failing the insert.
const text = (max: number) =>
  z
    .string({ error: typeError })
    .trim()
    .max(max, "too_long")
    .refine((value) => !value.includes("\u0000"), "invalid_value");
const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const RegistrationSchema = z.object({
  attendees: z
    .array(z.guid({ error: "invalid_value" }), { error: (issue) => (issue.input === undefined ? "attendees_required" : "invalid_value") })
    .min(1, "attendees_required"),
  note: optionalText(2000),
  // A ticked checkbox ("on"), coerced by Conform; JSON clients send a boolean.
  shareAttendees: z.boolean({ error: "invalid_value" }).optional(),
});
export type RegistrationInput = z.infer<typeof RegistrationSchema>;

export const DeclineSchema = z.object({ reason: text(2000).min(1, "required") });

export const QuestionSchema = z.object({ question: text(4000).min(1, "required") });

export const AnswerSchema = z.object({
  questionId: z.guid({ error: "invalid_value" }),
  /** The question as it will be published; the buyer may rewrite it so it names no one. */
  question: text(4000).min(1, "required"),
  answer: text(8000).min(1, "required"),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;

export const RemoveRegistrationSchema = z.object({ registrationId: z.guid({ error: "invalid_value" }) });
