import { z } from "zod";
import { ASSESSMENTS, checkAssessment, checkResponse, CLAUSE_GROUNDS, CONCERN_CATEGORIES, INTERACTION_CHANNELS, RESPONSES } from "./conduct";
import { zonedLocalToIso } from "./zoned-time";

// One schema per form, shared by the browser (Conform) and the server.
// Messages are codes translated through the `forms` namespace.

// Cross-field rules run even when another field failed, so a form sent without
// JavaScript shows every problem at once.
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

const uuid = (code = "invalid_value") => z.string({ error: "required" }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, code);
const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "too_long");
const optionalText = (max: number) => z.string().trim().max(max, "too_long").optional();
/** A clause of the code of conduct is numbered 1–99 (conduct_clauses.number); any other number is no clause. */
const clauseNumber = () => z.number({ error: "invalid_choice" }).int("invalid_choice").min(1, "invalid_choice").max(99, "invalid_choice");

/** Names typed one per line; blank lines dropped. */
export function namesFromLines(value: string | undefined): string[] {
  return (value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const InteractionSchema = z
  .object({
    counterpartId: uuid("conduct_unknown_counterpart"),
    occurredAt: z
      .string({ error: "required" })
      .transform((value, ctx) => {
        const iso = zonedLocalToIso(value);
        const date = iso ? new Date(iso) : null;
        if (!date) {
          ctx.addIssue({ code: "custom", message: "invalid_datetime" });
          return z.NEVER;
        }
        return date;
      }),
    channel: z.enum(INTERACTION_CHANNELS, { error: "invalid_choice" }),
    ownParticipants: z.array(uuid()).optional(),
    ownOthers: optionalText(2000),
    counterpartNames: optionalText(2000),
    eventId: uuid().optional(),
    subject: text(200),
    summary: text(10000),
    clauses: z.array(clauseNumber()).optional(),
    assessment: z.enum(ASSESSMENTS, { error: "invalid_choice" }),
    concernCategory: z.enum(CONCERN_CATEGORIES, { error: "invalid_choice" }).optional(),
    concernDescription: optionalText(10000),
    supersedesId: uuid().optional(),
  })
  .superRefine((value, ctx) => {
    for (const [path, codes] of Object.entries(checkAssessment(value))) {
      for (const message of codes) ctx.addIssue({ code: "custom", path: [path], message });
    }
  }, always);

export const ResponseSchema = z
  .object({
    response: z.enum(RESPONSES, { error: "invalid_choice" }),
    account: optionalText(10000),
  })
  .superRefine((value, ctx) => {
    for (const [path, codes] of Object.entries(checkResponse(value.response, value.account))) {
      for (const message of codes) ctx.addIssue({ code: "custom", path: [path], message });
    }
  }, always);

export const ClauseSchema = z.object({
  intent: z.literal("save-clause"),
  number: z.number({ error: "required" }).int("invalid_value").min(1, "invalid_value").max(99, "invalid_value"),
  principle: z.enum(CLAUSE_GROUNDS, { error: "invalid_choice" }),
  titleNb: text(200),
  titleEn: text(200),
  textNb: text(4000),
  textEn: text(4000),
});

export const SummarySchema = z.object({
  intent: z.literal("save-summary"),
  summaryNb: optionalText(2000),
  summaryEn: optionalText(2000),
});

/** POST /api/v1/interactions: the same entry as the form, as JSON with an ISO 8601 instant. */
export const ApiInteractionSchema = z
  .object({
    counterpartId: uuid("conduct_unknown_counterpart"),
    occurredAt: z.iso.datetime({ offset: true, error: "invalid_datetime" }).transform((v) => new Date(v)),
    channel: z.enum(INTERACTION_CHANNELS, { error: "invalid_choice" }),
    participants: z
      .array(
        z.object({
          side: z.enum(["own", "counterpart"], { error: "invalid_choice" }),
          userId: uuid().nullable().optional(),
          name: z.string().trim().max(200, "too_long").optional(),
        }),
      )
      .max(100, "too_long")
      .optional(),
    eventId: uuid().nullable().optional(),
    subject: text(200),
    summary: text(10000),
    clauses: z.array(clauseNumber()).max(99, "too_long").optional(),
    assessment: z.enum(ASSESSMENTS, { error: "invalid_choice" }),
    concernCategory: z.enum(CONCERN_CATEGORIES, { error: "invalid_choice" }).nullable().optional(),
    concernDescription: z.string().trim().max(10000, "too_long").nullable().optional(),
    supersedesId: uuid().nullable().optional(),
  })
  .superRefine((value, ctx) => {
    for (const [path, codes] of Object.entries(checkAssessment(value))) {
      for (const message of codes) ctx.addIssue({ code: "custom", path: [path], message });
    }
    for (const [i, p] of (value.participants ?? []).entries()) {
      if (!p.userId && !p.name) ctx.addIssue({ code: "custom", path: ["participants", i, "name"], message: "required" });
    }
  }, always);

export const ApiResponseSchema = z
  .object({ response: z.enum(RESPONSES, { error: "invalid_choice" }), account: z.string().trim().max(10000, "too_long").nullable().optional() })
  .superRefine((value, ctx) => {
    for (const [path, codes] of Object.entries(checkResponse(value.response, value.account))) {
      for (const message of codes) ctx.addIssue({ code: "custom", path: [path], message });
    }
  }, always);

/** Zod issues as { "field.path": ["code"] }, the shape the API answers with. */
export function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return out;
}
