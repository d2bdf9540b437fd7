import type { ExpectationStatus } from "./events";
import type { GateResult, Problem } from "./problems";
import { gateResult } from "./problems";

// Joint demand with consent and shares (issue 19). A lead buyer invites other buyer
// organisations to hold an event with it; each must consent before the event speaks for it,
// stating its share of the combined frame and its own expectation status (the event's
// vocabulary, app/domain/predictability.ts). An event may stay open for other buyers to ask
// to join until a date, so small municipalities can join a dialogue a larger buyer leads.

/** requested: a buyer asked to join (the lead decides); invited: the lead asked (the co-buyer decides). */
export const CO_BUYER_STATUSES = ["requested", "invited", "accepted", "declined"] as const;
export type CoBuyerStatus = (typeof CO_BUYER_STATUSES)[number];

/** A share: a percentage of the combined frame, an amount in NOK within it, or a quantity within the expected quantity. */
export const SHARE_KINDS = ["percent", "budget_nok", "quantity"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export interface Share {
  kind: ShareKind;
  /** Whole number: percent 1–100, NOK, or units of the expectation's quantity. */
  value: number;
}

/** What the event declares that shares are measured against. */
export interface ShareFrame {
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  quantity: number | null;
  unit: string | null;
}

export interface CoBuyerShare {
  organisationId: string;
  status: CoBuyerStatus;
  share: Share | null;
}

/** The share kinds the event's declared expectation can measure: percent always, NOK with a frame, quantity with a quantity. */
export function shareKindsFor(frame: ShareFrame): ShareKind[] {
  return SHARE_KINDS.filter((kind) => (kind === "budget_nok" ? frame.budgetMaxNok !== null : kind === "quantity" ? frame.quantity !== null : true));
}

/** Rows that are part of the joint demand, or may become so: everything but a declined answer. */
const counts = (c: CoBuyerShare) => c.status !== "declined";

/**
 * Whether `share` fits beside the others' shares (every other row of the event, any status) within
 * the frame. forutsigbarhet: vendors read the combined frame and each buyer's part of it; parts
 * that add up to more than the whole would declare demand nobody has.
 */
export function shareProblems(share: Share, others: readonly CoBuyerShare[], frame: ShareFrame, path = "share"): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(share.value) || share.value <= 0) return [{ path: `${path}.value`, code: "share_positive_whole" }];
  if (share.kind === "percent" && share.value > 100) return [{ path: `${path}.value`, code: "shares_above_whole" }];
  if (!shareKindsFor(frame).includes(share.kind)) return [{ path: `${path}.kind`, code: share.kind === "budget_nok" ? "share_needs_frame" : "share_needs_quantity" }];
  const sharing = others.filter(counts).flatMap((o) => (o.share ? [o.share] : []));
  if (sharing.some((s) => s.kind !== share.kind)) problems.push({ path: `${path}.kind`, code: "share_kind_mismatch" });
  const total = sharing.filter((s) => s.kind === share.kind).reduce((sum, s) => sum + s.value, share.value);
  if (share.kind === "percent" && total > 100) problems.push({ path: `${path}.value`, code: "shares_above_whole" });
  if (share.kind === "budget_nok" && total > frame.budgetMaxNok!) problems.push({ path: `${path}.value`, code: "shares_above_frame" });
  if (share.kind === "quantity" && total > frame.quantity!) problems.push({ path: `${path}.value`, code: "shares_above_quantity" });
  return problems;
}

/**
 * The publishing gate's part (forutsigbarhet): an event speaks for every buyer on it, so none
 * is named without its consent. A declined invitation is not part of the joint demand, and a
 * request to join is the lead's to answer: neither holds publishing up.
 */
export function checkCoBuyerConsent(coBuyers: readonly Pick<CoBuyerShare, "status">[]): GateResult<"co_buyer_consent_required"> {
  return gateResult(coBuyers.some((c) => c.status === "invited") ? [{ path: "coBuyers", code: "co_buyer_consent_required" as const }] : []);
}

/** The part of the combined frame a share stands for (0–1), or null when it cannot be told (no share, or nothing to measure it against). */
export function shareFraction(share: Share | null, frame: ShareFrame): number | null {
  if (!share) return null;
  if (share.kind === "percent") return share.value / 100;
  if (share.kind === "budget_nok") return frame.budgetMaxNok ? Math.min(1, share.value / frame.budgetMaxNok) : null;
  return frame.quantity ? Math.min(1, share.value / frame.quantity) : null;
}

/** The share as NOK of the frame (min–max), for showing beside the combined frame; null when there is no frame or no share. */
export function shareOfFrameNok(share: Share | null, frame: ShareFrame): { minNok: number | null; maxNok: number } | null {
  if (!share || frame.budgetMaxNok === null) return null;
  if (share.kind === "budget_nok") return { minNok: null, maxNok: share.value };
  const fraction = shareFraction(share, frame);
  if (fraction === null) return null;
  return { minNok: frame.budgetMinNok === null ? null : Math.round(frame.budgetMinNok * fraction), maxNok: Math.round(frame.budgetMaxNok * fraction) };
}

/** The lead buyer's part: what the accepted co-buyers' shares leave, as a fraction of the whole (null when any share cannot be told). */
export function leadFraction(coBuyers: readonly CoBuyerShare[], frame: ShareFrame): number | null {
  let rest = 1;
  for (const c of coBuyers.filter((c) => c.status === "accepted")) {
    const fraction = shareFraction(c.share, frame);
    if (fraction === null) return null;
    rest -= fraction;
  }
  return Math.max(0, rest);
}

/** Whether another buyer may still ask to join: a published event, open to join until a day not yet past (Europe/Oslo). */
export function openToJoin(event: { status: string; openToJoinUntil: string | null }, today: string): boolean {
  return event.status === "published" && event.openToJoinUntil !== null && event.openToJoinUntil >= today;
}

/** The last day to ask to join cannot already be past when it is set. */
export function openToJoinProblems(until: string | null, today: string): Problem[] {
  return until !== null && until < today ? [{ path: "openToJoinUntil", code: "open_to_join_in_past" }] : [];
}

/** The share as the form and API send it, or null when none was given. */
export function shareOf(input: { shareKind?: ShareKind; shareValue?: number }): Share | null {
  return input.shareKind && input.shareValue !== undefined ? { kind: input.shareKind, value: input.shareValue } : null;
}

export type { ExpectationStatus };
