// Every absolute URL the portal writes (links in e-mails, feed ids, OCDS uris, calendar
// files) comes from configuration, never from the request: a forged Host header must not
// reach a password-reset link or a publicly cached feed (issue 14).

/**
 * The portal's public address without a trailing slash: PUBLIC_URL, or outside production
 * this server on localhost. server.ts refuses to start in production without PUBLIC_URL.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  if (env.NODE_ENV === "production") throw new Error(MISSING_PUBLIC_URL);
  return `http://localhost:${env.PORT ?? 3000}`;
}

/** An absolute URL on the portal for a path such as "/events/123". */
export function absoluteUrl(path: string): string {
  return new URL(path, `${publicBaseUrl()}/`).toString();
}

export const MISSING_PUBLIC_URL =
  "PUBLIC_URL is not set. In production every link in e-mails and feeds is built from it; set it to the portal's public address, e.g. PUBLIC_URL=https://markedsdialog.example.no";
