// The orders the upcoming-demand list can be read in. Kept apart from demand-filter.ts so
// that the filter form can list them without shipping the parser (and Zod) to the browser.
export const DEMAND_SORTS = ["relevance", "deadline", "tender", "budget"] as const;
export type DemandSort = (typeof DEMAND_SORTS)[number];
