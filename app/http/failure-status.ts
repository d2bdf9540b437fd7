import type { FailureReason } from "~/domain/result";

// One answer for every model failure, so the API and the pages give the same status for it.
export const FAILURE_STATUS = { not_found: 404, forbidden: 403, invalid: 400, conflict: 409, refused: 422 } as const satisfies Record<FailureReason, number>;
