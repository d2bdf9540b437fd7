import type { Problem } from "./problems";

// The one answer a model gives when it acts: a value, or a failure saying why (the reason
// decides the HTTP status, see app/http/failure-status.ts) and which fields caused it.

export type FailureReason = "not_found" | "forbidden" | "invalid" | "conflict" | "refused";

export interface Failure {
  ok: false;
  /** not_found → 404, forbidden → 403, invalid → 400, conflict → 409, refused (publishing rules) → 422 */
  reason: FailureReason;
  problems: Problem[];
}

export type Result<T = undefined> = { ok: true; value: T } | Failure;

export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
  return { ok: true as const, value };
}

export const fail = (reason: FailureReason, problems: Problem[] = []): Failure => ({ ok: false, reason, problems });

/** A failure caused by one field: `failAt("invalid", "email", "taken")`. */
export const failAt = (reason: FailureReason, path: string, code: string): Failure => fail(reason, [{ path, code }]);
