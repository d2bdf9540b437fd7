/** Absolute URL for links in e-mails: PUBLIC_URL when set (behind a proxy), else the request's origin. */
export function publicUrl(request: Request, path: string): string {
  const base = process.env.PUBLIC_URL || new URL(request.url).origin;
  return new URL(path, base).toString();
}

/** The base for links in mail sent without a request (jobs): PUBLIC_URL, else this server on localhost. */
export function configuredBaseUrl(): string {
  return (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
