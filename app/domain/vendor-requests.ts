import { z } from "zod";
import { text, type Entries } from "./form-entries";
import { isUuid } from "./ids";
import { isBlank, type Problem } from "./problems";
import { isCalendarDate } from "./relationships";

// Requests from vendors (issue 18): a vendor asks a buyer organisation something, the buyer
// owns the answer. The rules here are the one source for the forms, the API, the model and
// the database constraints of db/migrations/2026-12-06-0041-vendor-requests.ts.

export const VENDOR_REQUEST_TYPES = ["meeting", "clarification", "business_case", "follow_up"] as const;
export type VendorRequestType = (typeof VENDOR_REQUEST_TYPES)[number];

/** What a clarification is about: vendors report being passed between these functions. */
export const CLARIFICATION_TOPICS = ["technical", "privacy", "security", "legal", "procurement"] as const;
export type ClarificationTopic = (typeof CLARIFICATION_TOPICS)[number];

export const VENDOR_REQUEST_STATUSES = ["open", "answered", "declined"] as const;
export type VendorRequestStatus = (typeof VENDOR_REQUEST_STATUSES)[number];

export const VENDOR_REQUEST_STEP_KINDS = ["sent", "assigned", "referred_person", "referred_organisation", "answered", "declined", "reminded", "escalated"] as const;
export type VendorRequestStepKind = (typeof VENDOR_REQUEST_STEP_KINDS)[number];

export const SUBJECT_MAX = 200;
export const TEXT_MAX = 8000;
export const REASON_MAX = 2000;
/** Days past its due date before a request is escalated to the buyer's commercial lead. */
export const ESCALATE_AFTER_DAYS = 5;

export interface VendorRequestInput {
  buyerId: string;
  type: VendorRequestType;
  topic: ClarificationTopic | null;
  subject: string;
  body: string;
  eventId: string | null;
  contractId: string | null;
}

export interface AssignInput {
  ownerId: string;
  decisionMakerRole: string;
  decisionMandate: string;
  /** "YYYY-MM-DD", a date in Oslo */
  dueOn: string;
}

export interface AnswerInput {
  answer: string;
  /** Publish the answer to every taking-part vendor through the event's Q&A, worded as this question. */
  publishedQuestion: string | null;
}

export type ReferInput = { to: "person"; userId: string; reason: string } | { to: "organisation"; organisationId: string; reason: string };

const tooLong = (value: string, max: number) => value.length > max;

// ------------------------------------------------------------------ checks

/** Samspillsnormer: a request says what it is about, so it reaches someone who can answer it. */
export function checkVendorRequest(input: VendorRequestInput): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: string) => problems.push({ path, code });
  if (!isUuid(input.buyerId)) add("buyerId", input.buyerId === "" ? "required" : "invalid_choice");
  if (!VENDOR_REQUEST_TYPES.includes(input.type)) add("type", (input.type as string) === "" ? "required" : "invalid_choice");
  if (input.type === "clarification") {
    if (input.topic === null) add("topic", "topic_required");
    else if (!CLARIFICATION_TOPICS.includes(input.topic)) add("topic", "invalid_choice");
  } else if (input.topic !== null && VENDOR_REQUEST_TYPES.includes(input.type)) add("topic", "topic_only_for_clarification");
  if (isBlank(input.subject)) add("subject", "required");
  else if (tooLong(input.subject, SUBJECT_MAX)) add("subject", "too_long");
  if (isBlank(input.body)) add("body", "required");
  else if (tooLong(input.body, TEXT_MAX)) add("body", "too_long");
  if (input.eventId !== null && !isUuid(input.eventId)) add("eventId", "invalid_choice");
  if (input.contractId !== null && !isUuid(input.contractId)) add("contractId", "invalid_choice");
  return problems;
}

/** The buyer names an owner, who can decide and with what mandate, and a due date it sets itself. */
export function checkAssign(input: AssignInput, { today }: { today: string }): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: string) => problems.push({ path, code });
  if (!isUuid(input.ownerId)) add("ownerId", input.ownerId === "" ? "required" : "invalid_choice");
  if (isBlank(input.decisionMakerRole)) add("decisionMakerRole", "required");
  else if (tooLong(input.decisionMakerRole, SUBJECT_MAX)) add("decisionMakerRole", "too_long");
  if (isBlank(input.decisionMandate)) add("decisionMandate", "required");
  else if (tooLong(input.decisionMandate, REASON_MAX)) add("decisionMandate", "too_long");
  if (input.dueOn === "") add("dueOn", "required");
  else if (!isCalendarDate(input.dueOn)) add("dueOn", "invalid_date");
  else if (input.dueOn < today) add("dueOn", "due_in_past");
  return problems;
}

export function checkAnswer(input: AnswerInput): Problem[] {
  const problems: Problem[] = [];
  if (isBlank(input.answer)) problems.push({ path: "answer", code: "required" });
  else if (tooLong(input.answer, TEXT_MAX)) problems.push({ path: "answer", code: "too_long" });
  if (input.publishedQuestion !== null) {
    if (isBlank(input.publishedQuestion)) problems.push({ path: "publishedQuestion", code: "required" });
    else if (tooLong(input.publishedQuestion, REASON_MAX)) problems.push({ path: "publishedQuestion", code: "too_long" });
  }
  return problems;
}

export function checkReason(reason: string): Problem[] {
  if (isBlank(reason)) return [{ path: "reason", code: "request_reason_required" }];
  return tooLong(reason, REASON_MAX) ? [{ path: "reason", code: "too_long" }] : [];
}

/** Where a request has been: each organisation that held it and each person who owned it, in order. */
export interface ReferralTrail {
  organisationIds: readonly string[];
  /** Owners within the current organisation (earlier organisations' owners do not matter here). */
  ownerIds: readonly string[];
  currentOwnerId: string | null;
}

/**
 * A referral is kept and shown to the vendor, and it must move the request forward: never
 * back to an organisation that already held it, nor to someone who already owned it here
 * (that is how "passed around for two years" happens).
 */
export function checkReferral(input: ReferInput, trail: ReferralTrail): Problem[] {
  const problems = checkReason(input.reason);
  if (input.to === "person") {
    if (!isUuid(input.userId)) problems.push({ path: "userId", code: input.userId === "" ? "required" : "invalid_choice" });
    else if (input.userId === trail.currentOwnerId) problems.push({ path: "userId", code: "already_owner" });
    else if (trail.ownerIds.includes(input.userId)) problems.push({ path: "userId", code: "referral_loop" });
  } else {
    if (!isUuid(input.organisationId)) problems.push({ path: "organisationId", code: input.organisationId === "" ? "required" : "invalid_choice" });
    else if (trail.organisationIds.includes(input.organisationId)) problems.push({ path: "organisationId", code: "referral_loop" });
  }
  return problems;
}

/** Only an open request can be acted on; an answer or a refusal is final. */
export function checkOpen(status: VendorRequestStatus): Problem[] {
  return status === "open" ? [] : [{ path: "", code: "request_closed" }];
}

// ------------------------------------------------------------------ reminders

export type ReminderDue = "remind" | "escalate" | null;

/** Days from one Oslo date to another ("2027-01-01" → "2027-01-06" is 5). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * What an open request with a due date needs today: a reminder to its owner on the due date
 * (once), an escalation once it is ESCALATE_AFTER_DAYS past it (once). Escalation wins when both are due.
 */
export function reminderDue(
  request: { status: VendorRequestStatus; dueOn: string | null; remindedAt: unknown; escalatedAt: unknown },
  today: string,
  escalateAfterDays = ESCALATE_AFTER_DAYS,
): ReminderDue {
  if (request.status !== "open" || request.dueOn === null) return null;
  const late = daysBetween(request.dueOn, today);
  if (late >= escalateAfterDays && !request.escalatedAt) return "escalate";
  if (late >= 0 && !request.remindedAt) return "remind";
  return null;
}

/** Whether an open request concerns an upcoming procurement: then the answer may need to go to all (likebehandling). */
export function concernsOpenEvent(event: { status: string } | null): boolean {
  return event !== null && event.status === "published";
}

// ------------------------------------------------------------------ scorecard

export interface RequestFigureInput {
  createdAt: Date | string;
  /** The first answer or refusal, when there is one. */
  firstAnsweredAt: Date | string | null;
  /** Oslo date of the first answer or refusal. */
  firstAnsweredOn: string | null;
  dueOn: string | null;
  referrals: number;
}

export interface RequestFigures {
  received: number;
  /** Median days from arrival to the first answer (or reasoned refusal), one decimal; null with no answers. */
  medianDaysToFirstAnswer: number | null;
  /** Of requests whose due date has passed or that were answered, with a due date: answered by it. */
  withinDueDate: { answered: number; of: number };
  /** Requests passed on more than twice (to people or organisations). */
  referredMoreThanTwice: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Forutsigbarhet: how a buyer treats the requests it receives, measured against its own due dates. */
export function requestFigures(requests: readonly RequestFigureInput[], today: string): RequestFigures {
  const days = requests
    .filter((r) => r.firstAnsweredAt !== null)
    .map((r) => (new Date(r.firstAnsweredAt!).getTime() - new Date(r.createdAt).getTime()) / 86_400_000);
  const m = median(days);
  let answered = 0;
  let of = 0;
  for (const r of requests) {
    if (r.dueOn === null) continue;
    if (r.firstAnsweredOn !== null) {
      of += 1;
      if (r.firstAnsweredOn <= r.dueOn) answered += 1;
    } else if (r.dueOn < today) of += 1;
  }
  return {
    received: requests.length,
    medianDaysToFirstAnswer: m === null ? null : Math.round(m * 10) / 10,
    withinDueDate: { answered, of },
    referredMoreThanTwice: requests.filter((r) => r.referrals > 2).length,
  };
}

// ------------------------------------------------------------------ forms and API bodies

const orNull = (value: string) => (value === "" ? null : value);

export function vendorRequestFormToInput(form: Entries): VendorRequestInput {
  const type = text(form, "type");
  return {
    buyerId: text(form, "buyerId"),
    type: type as VendorRequestType,
    // A topic left selected after switching to another type means nothing: only a clarification has one.
    topic: type === "clarification" ? (orNull(text(form, "topic")) as ClarificationTopic | null) : null,
    subject: text(form, "subject"),
    body: text(form, "body"),
    eventId: orNull(text(form, "eventId")),
    contractId: orNull(text(form, "contractId")),
  };
}

export function assignFormToInput(form: Entries): AssignInput {
  return { ownerId: text(form, "ownerId"), decisionMakerRole: text(form, "decisionMakerRole"), decisionMandate: text(form, "decisionMandate"), dueOn: text(form, "dueOn") };
}

export function answerFormToInput(form: Entries): AnswerInput {
  const share = text(form, "shareOnEvent") === "on";
  return { answer: text(form, "answer"), publishedQuestion: share ? text(form, "publishedQuestion") : null };
}

export function referFormToInput(form: Entries): ReferInput {
  const reason = text(form, "reason");
  return text(form, "to") === "organisation" ? { to: "organisation", organisationId: text(form, "organisationId"), reason } : { to: "person", userId: text(form, "userId"), reason };
}

type Issue = { input?: unknown };
const typeError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_value");
const choiceError = (issue: Issue) => (issue.input === undefined || issue.input === null ? "required" : "invalid_choice");
const str = () => z.string({ error: typeError }).trim();

export const VendorRequestCreateSchema = z.strictObject(
  {
    buyerId: z.guid({ error: choiceError }),
    type: z.enum(VENDOR_REQUEST_TYPES, { error: choiceError }),
    topic: z.enum(CLARIFICATION_TOPICS, { error: choiceError }).nullable().optional(),
    subject: str(),
    body: str(),
    eventId: z.guid({ error: "invalid_choice" }).nullable().optional(),
    contractId: z.guid({ error: "invalid_choice" }).nullable().optional(),
  },
  { error: typeError },
);

export function vendorRequestBodyToInput(body: z.infer<typeof VendorRequestCreateSchema>): VendorRequestInput {
  return { buyerId: body.buyerId, type: body.type, topic: body.topic ?? null, subject: body.subject, body: body.body, eventId: body.eventId ?? null, contractId: body.contractId ?? null };
}

export const AssignSchema = z.strictObject({ ownerId: z.guid({ error: choiceError }), decisionMakerRole: str(), decisionMandate: str(), dueOn: str() }, { error: typeError });
export const AnswerSchema = z.strictObject({ answer: str(), publishedQuestion: str().nullable().optional() }, { error: typeError });
export const DeclineSchema = z.strictObject({ reason: str() }, { error: typeError });
export const ReferSchema = z.union([
  z.strictObject({ to: z.literal("person"), userId: z.guid({ error: choiceError }), reason: str() }),
  z.strictObject({ to: z.literal("organisation"), organisationId: z.guid({ error: choiceError }), reason: str() }),
], { error: () => "invalid_value" });
