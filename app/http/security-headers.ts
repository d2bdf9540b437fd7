// The security headers every response carries (pages, API, static files). The
// Content-Security-Policy allows no inline script or style except the ones that
// carry this request's nonce (Remix's hydration data and scroll restoration).
import { randomBytes } from "node:crypto";

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface SecurityHeaderOptions {
  nonce: string;
  /** `remix dev` serves live reload over a WebSocket, and runs on plain HTTP. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws://localhost:*", "ws://127.0.0.1:*"] : [])],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'none'"],
    ["object-src", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over HTTPS does the browser honour it; in development it would pin localhost.
    ...(options.development ? {} : { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }),
  };
}

/**
 * The e-mail preview an operator sees in /admin/outbox/<id> (issue 14): the message's own HTML,
 * served at its own URL with its own policy, since a srcdoc frame inherits the page's policy and
 * the mail's inline styles were blocked. No script, no form, no fetch, no outside request (images
 * only as data: URLs); framed only by the portal's own page, and sandboxed even when opened alone.
 */
export const EMAIL_PREVIEW_PATH = /^\/admin\/outbox\/[^/]+\/preview$/;

export function emailPreviewHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
  };
}

/** The headers for a path: the e-mail preview has its own; every other response the portal's. */
export function securityHeadersFor(path: string, options: SecurityHeaderOptions): Record<string, string> {
  return EMAIL_PREVIEW_PATH.test(path) ? emailPreviewHeaders() : securityHeaders(options);
}
