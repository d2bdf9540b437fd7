import { z } from "zod";
import { SHARE_KINDS } from "./co-buyers";
import { EXPECTATION_STATUSES } from "./events";

// The forms and API bodies of joint demand (app/domain/co-buyers.ts holds the rules). Apart from
// the rules so that pages which only show shares (the scorecards, /insights) do not ship Zod.

type Issue = { input?: unknown };
const missing = (issue: Issue) => issue.input === undefined || issue.input === null || issue.input === "";
const shareFields = {
  shareKind: z.enum(SHARE_KINDS, { error: (issue) => (missing(issue) ? "share_kind_required" : "invalid_choice") }),
  // Forms send text; a missing value stays missing (so it is "required", not "not a number").
  shareValue: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: (issue) => (missing(issue) ? "share_required" : "share_positive_whole") })
      .int({ error: "share_positive_whole" })
      .positive({ error: "share_positive_whole" })
      .max(1_000_000_000_000, { error: "share_positive_whole" }),
  ),
};
const expectationStatus = z.enum(EXPECTATION_STATUSES, { error: (issue) => (missing(issue) ? "co_buyer_expectation_required" : "invalid_choice") });

/** The lead invites a buyer organisation, optionally proposing its share (the form and the API). */
export const InviteCoBuyerSchema = z
  .strictObject({
    organisationId: z.guid({ error: (issue) => (missing(issue) ? "organisation_required" : "unknown_organisation") }),
    shareKind: shareFields.shareKind.optional(),
    shareValue: shareFields.shareValue.optional(),
  })
  .superRefine((v, ctx) => {
    // A share is a kind and a number together, or not given.
    if ((v.shareKind === undefined) !== (v.shareValue === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.shareKind === undefined ? "shareKind" : "shareValue"], message: v.shareKind === undefined ? "share_kind_required" : "share_required" });
    }
  });
export type InviteCoBuyer = z.infer<typeof InviteCoBuyerSchema>;

/** A co-buyer accepts (its share and its own expectation), or a buyer asks to join with the same. */
export const AcceptCoBuyingSchema = z.strictObject({ ...shareFields, expectationStatus });
export type AcceptCoBuying = z.infer<typeof AcceptCoBuyingSchema>;
