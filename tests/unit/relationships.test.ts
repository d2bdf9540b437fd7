import { describe, expect, it } from "vitest";
import {
  ContactSchema,
  FollowUpSchema,
  followUpState,
  isCalendarDate,
  isStale,
  osloYearStart,
  parseRelationshipQuery,
  parseTimelineType,
  sortFollowUps,
  valuePerHour,
} from "~/domain/relationships";
import { osloDate } from "~/domain/zoned-time";

describe("relationship dates in Oslo", () => {
  it("turns an instant into the Oslo calendar day, also around midnight and the clock change", () => {
    expect(osloDate(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(osloDate(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(osloDate(new Date("2027-06-30T21:59:00Z"))).toBe("2027-06-30");
    expect(osloDate(new Date("2027-06-30T22:00:00Z"))).toBe("2027-07-01");
  });

  it("starts the year at midnight in Oslo", () => {
    expect(osloYearStart(new Date("2027-05-01T12:00:00Z")).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    // Already 2027 in Oslo, still 2026 in UTC.
    expect(osloYearStart(new Date("2026-12-31T23:30:00Z")).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});

describe("follow-ups", () => {
  const today = "2026-11-24";
  it("are overdue, due today, upcoming or done", () => {
    expect(followUpState({ dueOn: "2026-11-23", doneAt: null }, today)).toBe("overdue");
    expect(followUpState({ dueOn: "2026-11-24", doneAt: null }, today)).toBe("due_today");
    expect(followUpState({ dueOn: "2026-11-25", doneAt: null }, today)).toBe("upcoming");
    expect(followUpState({ dueOn: "2026-11-01", doneAt: new Date() }, today)).toBe("done");
  });

  it("sort overdue first, then today, then upcoming by date, done last", () => {
    const items = [
      { title: "gjort", dueOn: "2026-11-01", doneAt: "2026-11-02T10:00:00Z" },
      { title: "senere", dueOn: "2026-12-01", doneAt: null },
      { title: "i dag", dueOn: "2026-11-24", doneAt: null },
      { title: "forfalt b", dueOn: "2026-11-20", doneAt: null },
      { title: "forfalt a", dueOn: "2026-11-10", doneAt: null },
    ];
    expect(sortFollowUps(items, today).map((i) => i.title)).toEqual(["forfalt a", "forfalt b", "i dag", "senere", "gjort"]);
  });
});

describe("the list's URL", () => {
  it("reads sort and filter, and falls back to the defaults for anything else", () => {
    expect(parseRelationshipQuery(new URLSearchParams("sort=hours&show=concerns"))).toEqual({ sort: "hours", show: "concerns" });
    expect(parseRelationshipQuery(new URLSearchParams("sort=1;drop&show="))).toEqual({ sort: "lastContact", show: "all" });
    expect(parseTimelineType("outcome")).toBe("outcome");
    expect(parseTimelineType("notes")).toBeNull();
    expect(parseTimelineType(null)).toBeNull();
  });

  it("calls a relationship stale after 90 days without contact, or with none", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(isStale(null, now)).toBe(true);
    expect(isStale(new Date("2026-08-26T12:00:00Z"), now)).toBe(false);
    expect(isStale(new Date("2026-08-25T11:00:00Z"), now)).toBe(true);
  });

  it("relates procured value to hours only when hours were reported", () => {
    expect(valuePerHour(4_500_000, 42)).toBe(107_143);
    expect(valuePerHour(4_500_000, 0)).toBeNull();
  });
});

describe("form schemas", () => {
  it("takes only real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("24.11.2026")).toBe(false);
    const parsed = FollowUpSchema.safeParse({ title: "Ring", dueOn: "2027-02-29", ownerId: "00000000-0000-4000-8000-000000000000" });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["dueOn", "invalid_date"]]);
  });

  it("checks a contact's e-mail and phone the way the database does", () => {
    expect(ContactSchema.safeParse({ name: "Per", email: "per@bergvik.example", phone: "+47 (912) 34-567" }).success).toBe(true);
    const parsed = ContactSchema.safeParse({ name: "Per", email: "per", phone: "12" });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message).sort()).toEqual(["invalid_email", "invalid_phone"]);
  });
});
