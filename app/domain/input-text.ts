// Text as it enters the portal, made one canonical form before anything reads, hashes or
// stores it: well-formed Unicode (a lone surrogate becomes U+FFFD, as PostgreSQL would
// store it anyway), line breaks as LF, no NUL or other control characters except newline
// and tab (PostgreSQL refuses NUL in text; RFC 5545 and XML forbid the rest), and NFC (so
// "e" + combining acute and "é" are the same text, and hash the same).

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// C0 except tab (09) and newline (0a), DEL, and C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The canonical form of a text that enters the portal (form field, JSON string, URL parameter). */
export function normaliseText(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd").replace(/\r\n?/g, "\n").replace(CONTROL, "").normalize("NFC");
}

/** Every string in a parsed JSON value normalised, keys included; other values as they were. */
export function normaliseJson(value: unknown): unknown {
  if (typeof value === "string") return normaliseText(value);
  if (Array.isArray(value)) return value.map(normaliseJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [normaliseText(key), normaliseJson(inner)]));
  }
  return value;
}
