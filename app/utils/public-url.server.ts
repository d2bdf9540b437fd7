/** Absolute URL for links in e-mails: PUBLIC_URL when set (behind a proxy), else the request's origin. */
export function publicUrl(request: Request, path: string): string {
  const base = process.env.PUBLIC_URL || new URL(request.url).origin;
  return new URL(path, base).toString();
}
