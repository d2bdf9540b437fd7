import { BUYER_SECTORS, VENDOR_SIZES, type BuyerSector, type VendorSize } from "./organisations";
import { EFFORT_LEVELS, type EffortLevel } from "./events";
import { LIGHT_EFFORT_MAX_HOURS } from "./predictability";
import { list, text, type Entries } from "./form-entries";
import { isBlank, visibleLength, type Problem } from "./problems";
import { zonedLocalToIso } from "./zoned-time";

// Consultations (høring): a buyer organisation or the operators ask for written input, and
// publish every response after the deadline. The rules here serve the form, the API and the
// tests of the database constraints in db/migrations/2026-12-06-0040-consultations.ts.

export const CONSULTATION_SUBJECTS = ["standards_roadmap", "category_plan", "draft_tender_document", "conduct_version", "other"] as const;
export type ConsultationSubject = (typeof CONSULTATION_SUBJECTS)[number];

/** What a consultation may ask of a responder: at most light effort. */
export const CONSULTATION_EFFORT_LEVELS = ["none", "light"] as const;
export type ConsultationEffortLevel = (typeof CONSULTATION_EFFORT_LEVELS)[number];

export const RESPONSE_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type WithholdDecision = "accepted" | "refused";

export const MAX_QUESTIONS = 20;
export const MAX_DOCUMENT_LINKS = 20;
export const MAX_INVITED = 100;
/** After a refused withholding, the responder has this long to withdraw before the part is published. */
export const REFUSAL_NOTICE_DAYS = 7;
/** A consultation without "slik brukte vi innspillene" this long after its deadline shows as missing its summary. */
export const SUMMARY_DUE_DAYS = 60;
const DAY = 86_400_000;

export interface ConsultationInput {
  caseNumber: string;
  title: string;
  summary: string;
  subject: string;
  conductVersion: number | null;
  questions: string[];
  documentLinks: string[];
  /** ISO instant, "invalid" when it could not be read. */
  deadline: string | null;
  effortLevel: string;
  hoursPerResponder: number | null;
  targetSectors: string[];
  targetVendorSizes: string[];
  /** Organisation ids, slugs or organisation numbers. */
  invited: string[];
}

/** One entry per line; blank lines dropped. */
const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => !isBlank(l));

function whole(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0]/g, "");
  if (compact === "") return null;
  return /^-?\d{1,9}$/.test(compact) ? Number(compact) : Number.NaN;
}

export function consultationFormToInput(form: Entries): ConsultationInput {
  const deadline = text(form, "deadline");
  return {
    caseNumber: text(form, "caseNumber"),
    title: text(form, "title"),
    summary: text(form, "summary"),
    subject: text(form, "subject"),
    conductVersion: whole(text(form, "conductVersion")),
    questions: lines(text(form, "questions")),
    documentLinks: lines(text(form, "documentLinks")),
    deadline: deadline === "" ? null : (zonedLocalToIso(deadline) ?? "invalid"),
    effortLevel: text(form, "effortLevel"),
    hoursPerResponder: whole(text(form, "hoursPerResponder")),
    targetSectors: [...new Set(list(form, "targetSectors"))],
    targetVendorSizes: [...new Set(list(form, "targetVendorSizes"))],
    invited: [...new Set(lines(text(form, "invited").replace(/,/g, "\n")))],
  };
}

function isWebAddress(value: string): boolean {
  if (value.length > 1000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The consultation's own fields (400 when wrong). */
export function consultationProblems(input: ConsultationInput, { now }: { now: Date }): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, code: string) => problems.push({ path, code });
  if (isBlank(input.caseNumber)) add("caseNumber", "required");
  else if (visibleLength(input.caseNumber) > 50) add("caseNumber", "too_long");
  if (isBlank(input.title)) add("title", "required");
  else if (input.title.length > 200) add("title", "too_long");
  if (isBlank(input.summary)) add("summary", "required");
  else if (input.summary.length > 8000) add("summary", "too_long");
  if (!(CONSULTATION_SUBJECTS as readonly string[]).includes(input.subject)) add("subject", input.subject === "" ? "required" : "invalid_choice");
  else if (input.subject === "conduct_version" && input.conductVersion === null) add("conductVersion", "required");
  if (input.conductVersion !== null && (Number.isNaN(input.conductVersion) || input.conductVersion < 1)) add("conductVersion", "invalid_value");
  const questions = input.questions.filter((q) => !isBlank(q));
  if (questions.length === 0) add("questions", "consultation_questions_required");
  else if (input.questions.length > MAX_QUESTIONS) add("questions", "too_many");
  else if (input.questions.some((q) => q.length > 1000)) add("questions", "too_long");
  if (input.documentLinks.length > MAX_DOCUMENT_LINKS) add("documentLinks", "too_many");
  else if (input.documentLinks.some((l) => !isWebAddress(l))) add("documentLinks", "invalid_url");
  if (input.deadline === null) add("deadline", "required");
  else if (Number.isNaN(Date.parse(input.deadline))) add("deadline", "invalid_datetime");
  else if (Date.parse(input.deadline) <= now.getTime()) add("deadline", "consultation_deadline_in_future");
  if (!(EFFORT_LEVELS as readonly string[]).includes(input.effortLevel)) add("effortLevel", input.effortLevel === "" ? "required" : "invalid_choice");
  if (input.hoursPerResponder !== null && Number.isNaN(input.hoursPerResponder)) add("hoursPerResponder", "must_be_whole_number");
  else if (input.hoursPerResponder !== null && input.hoursPerResponder < 0) add("hoursPerResponder", "must_not_be_negative");
  if (input.targetSectors.some((s) => !(BUYER_SECTORS as readonly string[]).includes(s))) add("targetSectors", "invalid_choice");
  if (input.targetVendorSizes.some((s) => !(VENDOR_SIZES as readonly string[]).includes(s))) add("targetVendorSizes", "invalid_choice");
  if (input.invited.length > MAX_INVITED) add("invited", "too_many");
  return problems;
}

/**
 * forutsigbarhet: a consultation asks at most light effort (up to LIGHT_EFFORT_MAX_HOURS per
 * responder, short written input). Anything more is an RFI and must go through the
 * predictability gate as an event. The database holds the same rule
 * (consultations_effort_at_most_light).
 */
export function checkConsultationEffort({ effortLevel, hoursPerResponder }: { effortLevel: EffortLevel | string; hoursPerResponder: number | null }): Problem<"consultation_effort_too_high">[] {
  const problems: Problem<"consultation_effort_too_high">[] = [];
  if (effortLevel === "significant") problems.push({ path: "effortLevel", code: "consultation_effort_too_high" });
  if (hoursPerResponder !== null && hoursPerResponder > LIGHT_EFFORT_MAX_HOURS) problems.push({ path: "hoursPerResponder", code: "consultation_effort_too_high" });
  return problems;
}

export function isConsultationEffortLevel(level: string): level is ConsultationEffortLevel {
  return (CONSULTATION_EFFORT_LEVELS as readonly string[]).includes(level);
}

export const isBuyerSector = (s: string): s is BuyerSector => (BUYER_SECTORS as readonly string[]).includes(s);
export const isVendorSize = (s: string): s is VendorSize => (VENDOR_SIZES as readonly string[]).includes(s);

// --- responses -----------------------------------------------------------------------

export interface ResponsePartInput {
  text: string;
  withhold: boolean;
  withholdReason: string | null;
}

export interface ResponseInput {
  parts: ResponsePartInput[];
  /** false: keep as a draft. */
  submit: boolean;
}

/** answers[0].text, answers[0].withhold, answers[0].withholdReason … one per question. */
export function responseFormToInput(form: Entries, questionCount: number): ResponseInput {
  const parts = Array.from({ length: questionCount }, (_, i) => ({
    text: text(form, `answers[${i}].text`),
    withhold: text(form, `answers[${i}].withhold`) === "on",
    withholdReason: text(form, `answers[${i}].withholdReason`) || null,
  }));
  return { parts, submit: text(form, "intent") === "submit" };
}

export function responseProblems(input: ResponseInput, questionCount: number): Problem[] {
  const problems: Problem[] = [];
  if (input.parts.length > questionCount) problems.push({ path: "answers", code: "too_many" });
  input.parts.forEach((part, i) => {
    if (part.text.length > 20000) problems.push({ path: `answers[${i}].text`, code: "too_long" });
    if (part.withhold && isBlank(part.withholdReason)) problems.push({ path: `answers[${i}].withholdReason`, code: "withhold_reason_required" });
    else if (part.withholdReason !== null && part.withholdReason.length > 2000) problems.push({ path: `answers[${i}].withholdReason`, code: "too_long" });
    if (part.withhold && isBlank(part.text)) problems.push({ path: `answers[${i}].text`, code: "required" });
  });
  if (input.submit && input.parts.every((p) => isBlank(p.text))) problems.push({ path: "answers", code: "consultation_answer_required" });
  return problems;
}

export function summaryProblems(summary: string): Problem[] {
  if (isBlank(summary)) return [{ path: "summary", code: "required" }];
  return summary.length > 20000 ? [{ path: "summary", code: "too_long" }] : [];
}

// --- what may be seen, and when ------------------------------------------------------

/** Responses can be written, and are seen by their author only, until the deadline. */
export function isOpenForResponses(deadline: Date, now: Date): boolean {
  return now.getTime() < deadline.getTime();
}

export interface PartVisibility {
  withholdRequested: boolean;
  withholdDecision: WithholdDecision | null;
  decidedAt: Date | null;
}

/**
 * Whether a part of a submitted response is published (after the deadline). A part the
 * responder asked to withhold is never published while the request is open or accepted; a
 * refused one only once the responder confirmed or had REFUSAL_NOTICE_DAYS to withdraw.
 */
export function isPartPublished(part: PartVisibility, { publicationConfirmedAt, now }: { publicationConfirmedAt: Date | null; now: Date }): boolean {
  if (!part.withholdRequested) return true;
  if (part.withholdDecision !== "refused" || part.decidedAt === null) return false;
  return publicationConfirmedAt !== null || now.getTime() >= part.decidedAt.getTime() + REFUSAL_NOTICE_DAYS * DAY;
}

/** A responder may withdraw before the deadline, or after it while a refused part is still unpublished. */
export function mayWithdraw(
  { deadline, status, publicationConfirmedAt, parts }: { deadline: Date; status: ResponseStatus; publicationConfirmedAt: Date | null; parts: PartVisibility[] },
  now: Date,
): boolean {
  if (status === "withdrawn") return false;
  if (isOpenForResponses(deadline, now)) return true;
  if (status !== "submitted") return false;
  return parts.some((p) => p.withholdDecision === "refused" && !isPartPublished(p, { publicationConfirmedAt, now }));
}

export type ConsultationState = "open" | "awaiting_summary" | "missing_summary" | "concluded";

/** open → (deadline) awaiting its summary → concluded; "missing_summary" SUMMARY_DUE_DAYS after the deadline without one. */
export function consultationState({ deadline, usageSummaryAt }: { deadline: Date; usageSummaryAt: Date | null }, now: Date): ConsultationState {
  if (usageSummaryAt !== null) return "concluded";
  if (isOpenForResponses(deadline, now)) return "open";
  return now.getTime() >= deadline.getTime() + SUMMARY_DUE_DAYS * DAY ? "missing_summary" : "awaiting_summary";
}

/** Who organises: a buyer organisation, or the operators (organiserId null). */
export interface ConsultationActor {
  userId: string;
  isOperator: boolean;
  /** The organisation the person acts for, if any. */
  organisationId: string | null;
}

export function mayOrganise(consultation: { organiserId: string | null }, actor: ConsultationActor | null): boolean {
  if (!actor) return false;
  return consultation.organiserId === null ? actor.isOperator : actor.organisationId === consultation.organiserId;
}
