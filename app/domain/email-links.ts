// How long the single-use links in e-mails stay valid. The pages and the e-mails that name
// the time read it from here, so they cannot say two different things.

export const VERIFY_EMAIL_LINK_HOURS = 48;
export const RESET_PASSWORD_LINK_HOURS = 1;

/** The query parameter that tells the page a person lands on that the address was just confirmed. */
export const EMAIL_CONFIRMED_PARAM = "emailConfirmed";

/** A local path ("/organisations/new?x=1#y") with the confirmation marked, so the page can say so. */
export function withEmailConfirmed(path: string): string {
  const url = new URL(path, "http://local");
  url.searchParams.set(EMAIL_CONFIRMED_PARAM, "1");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Whether the page should say the address was just confirmed: marked so, and it is confirmed. */
export function emailJustConfirmed(url: URL, user: { emailVerifiedAt: Date | null } | null): boolean {
  return url.searchParams.get(EMAIL_CONFIRMED_PARAM) === "1" && Boolean(user?.emailVerifiedAt);
}
