import { describe, expect, it } from "vitest";
import { activityNoticeMode, isActivityDigestDue, registrationActivity } from "~/domain/vendor-activity";

describe("activityNoticeMode", () => {
  it("is the member's own choice when made, whatever the role", () => {
    expect(activityNoticeMode("off", { isAdmin: true, isCommercialContact: true })).toBe("off");
    expect(activityNoticeMode("daily", { isAdmin: false, isCommercialContact: false })).toBe("daily");
  });
  it("tells admins and the commercial contact at once by default, and nobody else", () => {
    expect(activityNoticeMode(null, { isAdmin: true, isCommercialContact: false })).toBe("immediate");
    expect(activityNoticeMode(null, { isAdmin: false, isCommercialContact: true })).toBe("immediate");
    expect(activityNoticeMode(null, { isAdmin: false, isCommercialContact: false })).toBe("off");
  });
});

describe("registrationActivity", () => {
  it("names a new place, a place in the queue, a withdrawal and a refusal", () => {
    expect(registrationActivity(null, "registered")).toBe("registered");
    expect(registrationActivity(null, "waitlisted")).toBe("waitlisted");
    expect(registrationActivity("withdrawn", "registered")).toBe("registered");
    expect(registrationActivity("registered", "withdrawn")).toBe("withdrawn");
    expect(registrationActivity("waitlisted", "withdrawn")).toBe("withdrawn");
    expect(registrationActivity(null, "declined")).toBe("declined");
  });
  it("stays quiet when a vendor only changes its attendees or repeats itself", () => {
    expect(registrationActivity("registered", "registered")).toBeNull();
    expect(registrationActivity("waitlisted", "waitlisted")).toBeNull();
    expect(registrationActivity("waitlisted", "registered")).toBeNull();
    expect(registrationActivity("declined", "declined")).toBeNull();
  });
});

describe("isActivityDigestDue", () => {
  // 2026-12-07 is a Monday; Oslo is UTC+1 in winter, so 07:00 Oslo is 06:00Z.
  it("is due once the Oslo morning hour has passed, if the last digest came before it", () => {
    expect(isActivityDigestDue(new Date("2026-12-06T14:00:00Z"), new Date("2026-12-07T05:59:00Z"))).toBe(false);
    expect(isActivityDigestDue(new Date("2026-12-06T14:00:00Z"), new Date("2026-12-07T06:00:00Z"))).toBe(true);
    expect(isActivityDigestDue(new Date("2026-12-07T06:02:00Z"), new Date("2026-12-07T18:00:00Z"))).toBe(false);
  });
  it("waits for the next morning after a choice made in the afternoon", () => {
    expect(isActivityDigestDue(new Date("2026-12-07T14:00:00Z"), new Date("2026-12-07T20:00:00Z"))).toBe(false);
    expect(isActivityDigestDue(new Date("2026-12-07T14:00:00Z"), new Date("2026-12-08T06:05:00Z"))).toBe(true);
  });
});
