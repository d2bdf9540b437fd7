import { z } from "zod";
import type { InteractionChannel } from "./conduct";
import { osloDate, zonedLocalToIso } from "./zoned-time";

// Relationships (issue 8): my organisation × one counterpart, derived from events,
// registrations, questions, effort requests, interactions and outcomes, plus what my
// organisation keeps privately about it (notes, follow-ups, contacts).

// ------------------------------------------------------------------ list query (URL)

export const RELATIONSHIP_SORTS = ["lastContact", "hours", "concerns", "name"] as const;
export type RelationshipSort = (typeof RELATIONSHIP_SORTS)[number];

/** all; with concerns logged; with hours reported; no contact for STALE_DAYS; with open follow-ups. */
export const RELATIONSHIP_FILTERS = ["all", "concerns", "hours", "stale", "followUps"] as const;
export type RelationshipFilter = (typeof RELATIONSHIP_FILTERS)[number];

/** No logged contact for this many days makes a relationship "gone quiet". */
export const STALE_DAYS = 90;

export interface RelationshipQuery {
  sort: RelationshipSort;
  show: RelationshipFilter;
}

function pick<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown values fall back to the defaults: a hand-edited URL never fails. */
export function parseRelationshipQuery(params: URLSearchParams): RelationshipQuery {
  return { sort: pick(RELATIONSHIP_SORTS, params.get("sort"), "lastContact"), show: pick(RELATIONSHIP_FILTERS, params.get("show"), "all") };
}

export const TIMELINE_TYPES = ["interaction", "registration", "question", "effort", "request", "outcome"] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/** The timeline's type filter: null shows every type. */
export function parseTimelineType(value: string | null): TimelineType | null {
  return value !== null && (TIMELINE_TYPES as readonly string[]).includes(value) ? (value as TimelineType) : null;
}

// ------------------------------------------------------------------------ dates

/** The instant the current year began in Oslo ("hours this year"). */
export function osloYearStart(now: Date): Date {
  return new Date(zonedLocalToIso(`${osloDate(now).slice(0, 4)}-01-01T00:00`)!);
}

export type FollowUpState = "done" | "overdue" | "due_today" | "upcoming";

export function followUpState(followUp: { dueOn: string; doneAt: Date | string | null }, today: string): FollowUpState {
  if (followUp.doneAt) return "done";
  if (followUp.dueOn < today) return "overdue";
  return followUp.dueOn === today ? "due_today" : "upcoming";
}

const STATE_ORDER: Record<FollowUpState, number> = { overdue: 0, due_today: 1, upcoming: 2, done: 3 };

/** Overdue first, then due today, then upcoming by date; done last. */
export function sortFollowUps<T extends { dueOn: string; doneAt: Date | string | null; title: string }>(items: readonly T[], today: string): T[] {
  return [...items].sort(
    (a, b) =>
      STATE_ORDER[followUpState(a, today)] - STATE_ORDER[followUpState(b, today)] || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, "nb"),
  );
}

/** Whether a relationship has gone quiet: no logged contact, or none for STALE_DAYS. */
export function isStale(lastContactAt: Date | string | null, now: Date): boolean {
  if (!lastContactAt) return true;
  return now.getTime() - new Date(lastContactAt).getTime() > STALE_DAYS * 86_400_000;
}

/** Procured value per reported hour, for "effort vs. purchases"; null without hours. */
export function valuePerHour(procuredNok: number, hours: number): number | null {
  return hours > 0 ? Math.round(procuredNok / hours) : null;
}

// ------------------------------------------------------------------------ forms
// One schema per form, shared by the browser (Conform) and the server; messages are
// codes translated through the `forms` namespace. The database checks the same limits.

const uuid = z.string({ error: "required" }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "invalid_value");
const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "too_long");
const optionalText = (max: number) => z.string().trim().max(max, "too_long").optional();

/** Same pattern as relationship_contacts_phone_format. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{3,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const NoteSchema = z.object({ body: text(10000) });

export const FollowUpSchema = z.object({
  title: text(200),
  dueOn: z.string({ error: "required" }).refine(isCalendarDate, "invalid_date"),
  ownerId: uuid,
});

export const ContactSchema = z.object({
  name: text(200),
  role: optionalText(200),
  email: z.string().trim().max(320, "too_long").email("invalid_email").optional(),
  phone: z.string().trim().regex(PHONE_PATTERN, "invalid_phone").optional(),
});

/** Which row an edit, delete or done/undone form acts on. */
export const RowSchema = z.object({ id: uuid });

export const RELATIONSHIP_INTENTS = [
  "add-note",
  "edit-note",
  "delete-note",
  "add-follow-up",
  "edit-follow-up",
  "delete-follow-up",
  "toggle-follow-up",
  "add-contact",
  "edit-contact",
  "delete-contact",
] as const;
export type RelationshipIntent = (typeof RELATIONSHIP_INTENTS)[number];

export function parseIntent(value: FormDataEntryValue | null): RelationshipIntent | null {
  return typeof value === "string" && (RELATIONSHIP_INTENTS as readonly string[]).includes(value) ? (value as RelationshipIntent) : null;
}

/** One relationship as the list and the relationship page show it: the counterpart and its figures. */
export interface RelationshipRow {
  id: string;
  slug: string;
  name: string;
  isBuyer: boolean;
  isVendor: boolean;
  lastContactAt: Date | null;
  lastContactChannel: InteractionChannel | null;
  lastContactBy: string | null;
  lastContactOrganisation: string | null;
  openFollowUps: number;
  upcomingEvents: number;
  openEffortRequests: number;
  confirmed: number;
  disputed: number;
  concerns: number;
  hoursThisYear: number;
  hoursTotal: number;
  procuredNok: number;
  contracts: number;
}
