import { EVENT_KINDS, type EventKind } from "./events";

// What /demand lists, as its `kind` parameter names it: the kinds of event, and consultations
// (høring, issue 18), which are no event but are chosen as a kind. Kept apart from
// demand-filter.ts so that the filter form can list them without shipping the parser (and Zod)
// to the browser.
export const DEMAND_KINDS = [...EVENT_KINDS, "consultation"] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

/** The kinds of event among `kinds`; `consultation` is not one. */
export const eventKindsOf = (kinds: readonly DemandKind[]): EventKind[] => kinds.filter((k): k is EventKind => k !== "consultation");
