import { describe, expect, it } from "vitest";
import { authenticatedSince, recentlyReauthenticated, REAUTHENTICATION_WINDOW_SECONDS } from "~/domain/reauthentication";

describe("re-authentication window", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("holds for ten minutes after a fresh sign-in at the provider", () => {
    expect(recentlyReauthenticated(ago(0), now)).toBe(true);
    expect(recentlyReauthenticated(ago(REAUTHENTICATION_WINDOW_SECONDS), now)).toBe(true);
    expect(recentlyReauthenticated(ago(REAUTHENTICATION_WINDOW_SECONDS + 1), now)).toBe(false);
  });

  it("does not hold without one, or with one stamped far in the future", () => {
    expect(recentlyReauthenticated(null, now)).toBe(false);
    expect(recentlyReauthenticated(ago(-3600), now)).toBe(false);
  });
});

describe("auth_time of a re-authentication", () => {
  const started = new Date("2026-12-07T10:00:00Z");
  const seconds = (date: Date) => date.getTime() / 1000;

  it("must be after the request was sent, give or take the providers' clock skew", () => {
    expect(authenticatedSince(seconds(started) + 5, started)).toBe(true);
    expect(authenticatedSince(seconds(started) - 10, started)).toBe(true);
    expect(authenticatedSince(seconds(started) - 3600, started)).toBe(false);
  });

  it("must be there, as a number", () => {
    expect(authenticatedSince(undefined, started)).toBe(false);
    expect(authenticatedSince(null, started)).toBe(false);
    expect(authenticatedSince(Number.NaN, started)).toBe(false);
  });
});
