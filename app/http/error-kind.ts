/** Which explanation the error page gives for an HTTP status (keys of the `errors` namespace). */
export type ErrorKind = "notFound" | "forbidden" | "unavailable" | "tooMany" | "tooLarge" | "badRequest" | "server";

export function errorKind(status: number): ErrorKind {
  if (status === 404) return "notFound";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 429) return "tooMany";
  if (status === 413) return "tooLarge";
  if (status === 503) return "unavailable";
  if (status >= 400 && status < 500) return "badRequest";
  return "server";
}
