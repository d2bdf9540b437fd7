// Whether an error means "the database cannot be reached right now" (as opposed
// to a bad query or a broken constraint). The one place that knows the drivers'
// connection failures: the HTTP layer turns these into 503 and the outbox and
// job runners retry them on their next round.

// Node socket errors seen by postgres.js when the server is down or goes away.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// postgres.js's own codes for a connection that closed or never opened.
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

// SQLSTATE: class 08 (connection exception), 57P01–57P03 (admin shutdown,
// crash shutdown, cannot connect now: the server is starting or stopping),
// 53300 (too many connections).
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Kysely and postgres.js sometimes wrap the socket error; AggregateError
  // (Node's happy-eyeballs connect) carries several.
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || isUnavailableSqlState(code))) return true;
    queue.push((current as { cause?: unknown }).cause);
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner)) queue.push(...inner);
  }
  return false;
}
