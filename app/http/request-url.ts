import { normaliseText } from "~/domain/input-text";

// The request's path and query string normalised like every other text that enters
// (app/domain/input-text.ts), so route params and query values reach loaders in the one
// canonical form. A path segment with a control character in it (a NUL, say) names no
// page: the caller answers 404. Segments and values that are already normal keep their
// spelling; one that is not valid percent-encoding is left for the router to refuse.

/** The normalised path and query ("/a/b?x=1"), or "no_such_path" when a path segment holds a control character. */
export function normaliseRequestPath(pathAndQuery: string): string | "no_such_path" {
  const q = pathAndQuery.indexOf("?");
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q === -1 ? null : pathAndQuery.slice(q + 1);
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      segments.push(segment);
      continue;
    }
    const normal = normaliseText(decoded);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(decoded)) return "no_such_path";
    segments.push(normal === decoded ? segment : encodeURIComponent(normal));
  }
  if (query === null) return segments.join("/");
  const params = new URLSearchParams(query);
  const normal = new URLSearchParams();
  let changed = false;
  for (const [key, value] of params) {
    const [k, v] = [normaliseText(key), normaliseText(value)];
    changed ||= k !== key || v !== value;
    normal.append(k, v);
  }
  return `${segments.join("/")}?${changed ? normal.toString() : query}`;
}
