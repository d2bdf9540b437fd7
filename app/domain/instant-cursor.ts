import { fromBase64Url, toBase64Url } from "./base64url";
import { isUuid } from "./ids";

// A keyset cursor over (an instant, an id), opaque to readers: the instant as the database wrote
// it (ISO 8601 to the microsecond, so equal instants stay equal; null where the row has none).
// The pilot register and the events behind a buyer's scorecard page with it.

export interface InstantCursor {
  at: string | null;
  id: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/;

export function encodeInstantCursor(cursor: InstantCursor): string {
  return toBase64Url(JSON.stringify([cursor.at, cursor.id]));
}

/** The cursor, or null for anything not made by encodeInstantCursor. */
export function decodeInstantCursor(value: string): InstantCursor | null {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof id !== "string" || !isUuid(id)) return null;
    if (at === null) return { at: null, id };
    if (typeof at !== "string" || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at))) return null;
    return { at, id };
  } catch {
    return null;
  }
}
