import type { Problem } from "./problems";

// The one answer a model gives when it acts: a value, or a failure saying why (the reason
// decides the HTTP status, see app/http/failure-status.ts) and which fields caused it.

export type FailureReason = "not_found" | "forbidden" | "invalid" | "conflict" | "refused";

/** `Code` narrows the problem codes a model may give (default: any string). */
export interface Failure<Code extends string = string> {
  ok: false;
  /** not_found → 404, forbidden → 403, invalid → 400, conflict → 409, refused (publishing rules) → 422 */
  reason: FailureReason;
  problems: Problem<Code>[];
}

export type Result<T = undefined, Code extends string = string> = { ok: true; value: T } | Failure<Code>;

export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
  return { ok: true as const, value };
}

export const fail = <Code extends string = string>(reason: FailureReason, problems: Problem<Code>[] = []): Failure<Code> => ({ ok: false, reason, problems });

/** A failure caused by one field: `failAt("invalid", "email", "taken")`. */
export const failAt = <Code extends string>(reason: FailureReason, path: string, code: Code): Failure<Code> => fail(reason, [{ path, code }]);
