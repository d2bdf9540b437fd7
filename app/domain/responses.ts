import { z } from "zod";
import { text } from "./input-fields";
import { isBlank, type Problem } from "./problems";
import type { FailureReason } from "./result";
import { osloDate, zonedLocalToIso } from "./zoned-time";

// Vendors' responses to an RFI or RFP (issue 17), and who may read what of them.
// næringsutvikling (principle 3): a vendor's input stays the vendor's; what it marks as a
// business secret (forretningshemmelighet) is read only by the buyer's named team, and every
// read is shown to the vendor.

/** Event kinds that ask for written input a vendor submits in the portal (dialogue input, not a tender). */
export const RESPONSE_KINDS = ["rfi", "rfp"] as const;

export const RESPONSE_TEXT_MAX = 20000;
export const CONFIDENTIAL_REASON_MAX = 500;

export type ResponseProblemCode =
  | "responses_not_accepted"
  | "response_deadline_passed"
  | "request_declined"
  | "registration_required"
  | "response_empty"
  | "confidential_reason_required";

interface ResponseWindowEvent {
  kind: string;
  status: string;
  responseDeadline: Date | null;
  responsesRequireRegistration: boolean;
}

/**
 * Whether a vendor may save or submit a response now: an RFI or RFP that is published, before its
 * response deadline (the deadline minute itself still counts), and, if the buyer asks for it, from
 * a registered vendor. The reason decides the status: after the deadline 409, a rule 422.
 */
export function responseRefusal(
  event: ResponseWindowEvent,
  vendor: { registered: boolean },
  now: Date,
): { reason: FailureReason; problem: Problem<ResponseProblemCode> } | null {
  if (!(RESPONSE_KINDS as readonly string[]).includes(event.kind)) return { reason: "refused", problem: { path: "", code: "responses_not_accepted" } };
  if (event.status === "closed" || (event.responseDeadline && now.getTime() > event.responseDeadline.getTime())) {
    return { reason: "conflict", problem: { path: "", code: "response_deadline_passed" } };
  }
  if (event.status !== "published") return { reason: "refused", problem: { path: "", code: "responses_not_accepted" } };
  // forutsigbarhet: the buyer said who it hears; a vendor outside that list is told why.
  if (event.responsesRequireRegistration && !vendor.registered) return { reason: "refused", problem: { path: "", code: "registration_required" } };
  return null;
}

/**
 * Whether a vendor an effort request was sent to may save or submit its response now: until the
 * request's deadline (the deadline minute counts, as for an event; after it 409), and not once it
 * declined the request (422). Accepting first is not required: writing the input is taking part.
 */
export function effortResponseRefusal(
  request: { deadline: Date },
  recipient: { status: "open" | "accepted" | "declined" },
  now: Date,
): { reason: FailureReason; problem: Problem<ResponseProblemCode> } | null {
  if (now.getTime() > request.deadline.getTime()) return { reason: "conflict", problem: { path: "", code: "response_deadline_passed" } };
  if (recipient.status === "declined") return { reason: "refused", problem: { path: "", code: "request_declined" } };
  return null;
}

/** Whether the event takes responses at all (the event page offers the link only then). */
export const takesResponses = (event: { kind: string; status: string }) => (RESPONSE_KINDS as readonly string[]).includes(event.kind) && event.status !== "draft";

const reason = text(CONFIDENTIAL_REASON_MAX).transform((v) => (v === "" ? null : v)).nullable().optional();

/**
 * What the vendor writes: the free text, whether it (or the whole response) is a business secret
 * and why. A checkbox without a reason is refused by the reason's field.
 */
export const ResponseInputSchema = z.strictObject({
  text: text(RESPONSE_TEXT_MAX).optional().default(""),
  textConfidential: z.boolean({ error: "invalid_value" }).optional().default(false),
  textConfidentialReason: reason,
  confidential: z.boolean({ error: "invalid_value" }).optional().default(false),
  confidentialReason: reason,
});
export type ResponseInput = z.infer<typeof ResponseInputSchema>;

/** The API's JSON body: the same fields, documents by upload id (a stored file of the vendor's), and whether to submit. */
export const ResponseApiSchema = ResponseInputSchema.extend({
  submit: z.boolean({ error: "invalid_value" }).optional().default(false),
  documents: z
    .array(
      z.strictObject({
        uploadId: z.guid({ error: "invalid_value" }),
        confidential: z.boolean({ error: "invalid_value" }).optional().default(false),
        confidentialReason: reason,
      }),
      { error: "invalid_value" },
    )
    .max(50, "too_many")
    .optional()
    .default([]),
  removeDocuments: z.array(z.guid({ error: "invalid_value" }), { error: "invalid_value" }).max(50, "too_many").optional().default([]),
  /** Answers to the event's questionnaire by question key (app/domain/questionnaire.ts checks each value). */
  answers: z
    .record(
      z.string().max(100, "too_long"),
      z.strictObject({
        value: z.union([z.boolean(), z.number(), z.string(), z.array(z.string())], { error: "invalid_value" }),
        comment: z.string({ error: "invalid_value" }).nullable().optional(),
        confidential: z.boolean({ error: "invalid_value" }).optional().default(false),
        confidentialReason: reason,
      }),
      { error: "invalid_value" },
    )
    .optional(),
  saveToProfile: z.boolean({ error: "invalid_value" }).optional().default(false),
});

/** A marked part says why it is a secret (the vendor's reason is what the buyer weighs in an access request). */
export function confidentialProblems(input: { textConfidential: boolean; textConfidentialReason?: string | null; confidential: boolean; confidentialReason?: string | null }): Problem<ResponseProblemCode>[] {
  const problems: Problem<ResponseProblemCode>[] = [];
  if (input.confidential && isBlank(input.confidentialReason)) problems.push({ path: "confidentialReason", code: "confidential_reason_required" });
  if (input.textConfidential && isBlank(input.textConfidentialReason)) problems.push({ path: "textConfidentialReason", code: "confidential_reason_required" });
  return problems;
}

/** A submission says something: text, a document or an answer. */
export function submissionProblems(version: { text: string; documentCount: number; answerCount?: number }): Problem<ResponseProblemCode>[] {
  return isBlank(version.text) && version.documentCount === 0 && !version.answerCount ? [{ path: "text", code: "response_empty" }] : [];
}

/**
 * The event's team: the members the buyer's admin named, or, with none named, the buyer's admins
 * (ADR 0036: they could name themselves anyway, so no one else reads a secret without a choice).
 */
export function eventTeam(named: readonly string[], admins: readonly string[]): readonly string[] {
  return named.length ? named : admins;
}

/**
 * An effort request's team: the person who sent it, and the linked event's team (ADR 0036), or the
 * buyer's admins for a request of its own. The sender asked for the work and reads what it asked for;
 * nobody else reads a secret without an admin's choice.
 */
export function effortRequestTeam(requestedBy: string | null, eventTeamOrAdmins: readonly string[]): readonly string[] {
  return requestedBy === null || eventTeamOrAdmins.includes(requestedBy) ? eventTeamOrAdmins : [requestedBy, ...eventTeamOrAdmins];
}

/** What a person sees of a submitted response. */
export type ResponseReader = "vendor" | "team" | "buyer" | "none";

export function responseReader(viewer: { vendorMember: boolean; buyerMember: boolean; teamMember: boolean }): ResponseReader {
  if (viewer.vendorMember) return "vendor";
  if (viewer.buyerMember) return viewer.teamMember ? "team" : "buyer";
  return "none";
}

/** A part is secret when the vendor marked it or the whole response. */
export const isConfidential = (version: { confidentialReason: string | null }, partReason: string | null) => version.confidentialReason !== null || partReason !== null;

/**
 * Opening a part: the vendor and the team read everything; another member of the buyer reads what
 * is not secret and is refused (403, logged) a secret; anyone else does not learn it exists (404).
 */
export function partAccess(reader: ResponseReader, confidential: boolean): "read" | "refused" | "not_found" {
  if (reader === "none") return "not_found";
  if (!confidential || reader === "vendor" || reader === "team") return "read";
  return "refused";
}

/** Reads to log: a secret part opened by the buyer's side (the vendor reading its own is not logged). */
export const logsRead = (reader: ResponseReader, confidential: boolean) => confidential && (reader === "team" || reader === "buyer");

/**
 * The start of the read log's window that `at` falls in: the day in Oslo. The same person reading
 * the same secret part of the same version again that day is not logged again (ADR 0036), so the
 * vendor sees who read what on which days, not a row per page view.
 */
export function readLogWindowStart(at: Date): Date {
  return new Date(zonedLocalToIso(`${osloDate(at)}T00:00`) ?? at);
}
