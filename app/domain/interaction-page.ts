import { fromBase64Url, toBase64Url } from "./base64url";
import { isUuid } from "./ids";

// One page of an organisation's interaction log through the API, newest first. Pages are
// cut by keyset (occurred, recorded, id), so an entry logged while a client pages through
// neither repeats nor hides an older one, and no entry is out of reach however long the log.

export const INTERACTION_PAGE_DEFAULT = 100;
export const INTERACTION_PAGE_MAX = 500;

export interface InteractionCursor {
  occurredAt: Date;
  recordedAt: Date;
  id: string;
}

export interface InteractionPage {
  limit: number;
  after: InteractionCursor | null;
}

export type InteractionPageErrors = Partial<Record<"limit" | "cursor", "invalid_value">>;

export function encodeInteractionCursor(cursor: InteractionCursor): string {
  return toBase64Url(JSON.stringify([cursor.occurredAt.toISOString(), cursor.recordedAt.toISOString(), cursor.id]));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeInteractionCursor(value: string): InteractionCursor | null {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [occurred, recorded, id] = parsed as unknown[];
    if (typeof occurred !== "string" || typeof recorded !== "string" || typeof id !== "string") return null;
    if (!ISO_INSTANT.test(occurred) || !ISO_INSTANT.test(recorded) || !isUuid(id)) return null;
    const occurredAt = new Date(occurred);
    const recordedAt = new Date(recorded);
    if (Number.isNaN(occurredAt.getTime()) || Number.isNaN(recordedAt.getTime())) return null;
    return { occurredAt, recordedAt, id };
  } catch {
    return null;
  }
}

/** `limit` (1–500, default 100) and `cursor` (from the previous page's `next`) from a query string. */
export function parseInteractionPage(params: URLSearchParams): { ok: true; page: InteractionPage } | { ok: false; errors: InteractionPageErrors } {
  const errors: InteractionPageErrors = {};
  const rawLimit = params.get("limit");
  let limit = INTERACTION_PAGE_DEFAULT;
  if (rawLimit !== null) {
    const n = /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (n >= 1 && n <= INTERACTION_PAGE_MAX) limit = n;
    else errors.limit = "invalid_value";
  }
  const rawCursor = params.get("cursor");
  const after = rawCursor === null ? null : decodeInteractionCursor(rawCursor);
  if (rawCursor !== null && !after) errors.cursor = "invalid_value";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, page: { limit, after } };
}
