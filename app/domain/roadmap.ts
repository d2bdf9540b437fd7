import { z } from "zod";
import { isIsoDate } from "./quarters";

// A buyer's own standards roadmap: for each standard, implemented (since when, if told),
// required from a date, or planned by a date, with a note. Every change is kept.

/** A catalogue code: never control characters (PostgreSQL text cannot hold NUL). */
const standardCode = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(100, "invalid_choice")
  .refine((code) => ![...code].some((c) => c.charCodeAt(0) < 0x20), "invalid_choice");

export const ROADMAP_STATUSES = ["implemented", "required", "planned"] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export const ROADMAP_NOTE_MAX = 1000;

/** Required and planned entries say when; implemented may. Same rule as the database constraint. */
export function roadmapDateRequired(status: RoadmapStatus): boolean {
  return status !== "implemented";
}

export const RoadmapEntrySchema = z
  .object({
    intent: z.literal("save"),
    standard: standardCode,
    status: z.enum(ROADMAP_STATUSES, { error: "invalid_choice" }),
    date: z
      .string()
      .trim()
      .optional()
      .refine((value) => value === undefined || value === "" || isIsoDate(value), "invalid_date"),
    note: z.string().trim().max(ROADMAP_NOTE_MAX, "too_long").default(""),
  })
  .superRefine((value, ctx) => {
    if (roadmapDateRequired(value.status) && !value.date) ctx.addIssue({ code: "custom", path: ["date"], message: "roadmap_date_required" });
  })
  .transform((value) => ({ ...value, date: value.date ? value.date : null }));

export const RemoveRoadmapEntrySchema = z.object({
  intent: z.literal("remove"),
  standard: standardCode,
});
