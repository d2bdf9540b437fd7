import { z } from "zod";
import { isDigestDue } from "./watches";

// Buyers hear about what vendors do: a question asked, a registration (or a place on the
// waiting list), a withdrawal or a refusal to take part, a response submitted to an RFI or
// RFP, an effort request accepted, declined or answered. The buyer's scorecard publishes its time to answer, so the people who answer
// must be told. Each member of the buyer organisation chooses how: at once, in one daily
// digest (the watches' Oslo morning), or not at all. A member who has not chosen is told
// at once if they are an admin or the organisation's commercial contact, else not at all.

export const VENDOR_ACTIVITY_KINDS = ["question", "registered", "waitlisted", "withdrawn", "declined", "responded", "effort_accepted", "effort_declined", "effort_responded"] as const;
export type VendorActivityKind = (typeof VENDOR_ACTIVITY_KINDS)[number];

export const ACTIVITY_NOTICE_MODES = ["immediate", "daily", "off"] as const;
export type ActivityNoticeMode = (typeof ACTIVITY_NOTICE_MODES)[number];

/** The mode a member gets: their own choice, or the default for their role. */
export function activityNoticeMode(chosen: ActivityNoticeMode | null, member: { isAdmin: boolean; isCommercialContact: boolean }): ActivityNoticeMode {
  if (chosen !== null) return chosen;
  return member.isAdmin || member.isCommercialContact ? "immediate" : "off";
}

/**
 * Whether a daily member's digest is due at `now`: once each Oslo morning (the watches'
 * hour), when the last digest — or, before the first, the choice of daily — came before it.
 */
export function isActivityDigestDue(lastDigestOrChoice: Date, now: Date): boolean {
  return isDigestDue("daily", lastDigestOrChoice, now);
}

/** The registration change a vendor's sign-up or withdrawal is, for the buyer; null when nothing the buyer needs to hear. */
export function registrationActivity(before: string | null, after: "registered" | "waitlisted" | "withdrawn" | "declined"): VendorActivityKind | null {
  if (before === after) return null;
  if ((after === "registered" || after === "waitlisted") && (before === "registered" || before === "waitlisted")) return null;
  return after;
}

export const ActivityNoticeSchema = z.object({ mode: z.enum(ACTIVITY_NOTICE_MODES, { error: "invalid_choice" }) });
