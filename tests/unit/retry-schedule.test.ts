import { describe, expect, it } from "vitest";
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from "@emails/retry-schedule";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe("e-mail retry schedule", () => {
  it("waits 30 seconds after the first failure and doubles the wait after each further one", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([
      30 * SECOND,
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      16 * MINUTE,
      32 * MINUTE,
    ]);
  });

  it("never waits more than an hour", () => {
    expect(retryDelayMs(8)).toBe(60 * MINUTE);
    expect(retryDelayMs(30)).toBe(60 * MINUTE);
    expect(retryDelayMs(1000)).toBe(60 * MINUTE);
  });

  it("schedules the next attempt from the time of the failure", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(afterFailure(1, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-11-24T12:00:30Z") });
    expect(afterFailure(3, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-11-24T12:02:00Z") });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(MAX_ATTEMPTS).toBe(8);
    expect(afterFailure(MAX_ATTEMPTS - 1, now).status).toBe("pending");
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(afterFailure(MAX_ATTEMPTS + 1, now)).toEqual({ status: "failed" });
  });
});
