import { describe, expect, it } from "vitest";
import { contractTasks, recordableQuarters, unrecordedQuarters, type TaskContract } from "~/domain/contract-tasks";
import { addDays } from "~/domain/contracts";

const contract = (extra: Partial<TaskContract> = {}): TaskContract => ({
  start: "2026-01-01",
  baseEnd: "2027-12-31",
  options: [{ number: 1, months: 12, noticeDeadline: "2027-09-30", status: "open" }],
  callOffs: [],
  ...extra,
});

describe("addDays", () => {
  it("crosses months and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 30)).toBe("2027-01-30");
  });
});

describe("unrecordedQuarters", () => {
  it("lists every ended quarter of the contract without call-offs, and no quarter still running", () => {
    const c = contract({ callOffs: [{ quarter: "2026-Q2", response: null, recordedAt: "2026-07-05" }] });
    expect(unrecordedQuarters(c, "2026-12-05")).toEqual(["2026-Q1", "2026-Q3"]);
    expect(unrecordedQuarters(c, "2027-01-01")).toEqual(["2026-Q1", "2026-Q3", "2026-Q4"]);
  });

  it("stops at the contract's end as it stands: an option exercised adds its quarters", () => {
    const ended = contract({ start: "2026-01-01", baseEnd: "2026-06-30", options: [{ number: 1, months: 3, noticeDeadline: "2026-03-31", status: "open" }] });
    expect(unrecordedQuarters(ended, "2027-06-01")).toEqual(["2026-Q1", "2026-Q2"]);
    const extended = { ...ended, options: [{ ...ended.options[0]!, status: "exercised" as const }] };
    expect(unrecordedQuarters(extended, "2027-06-01")).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
  });
});

describe("recordableQuarters", () => {
  it("offers the quarters from the start through the current one, without those recorded or beyond the contract", () => {
    const c = contract({ callOffs: [{ quarter: "2026-Q2", response: null, recordedAt: "2026-07-05" }] });
    expect(recordableQuarters(c, "2026-12-05")).toEqual(["2026-Q1", "2026-Q3", "2026-Q4"]);
    expect(recordableQuarters(contract({ baseEnd: "2026-03-31", options: [] }), "2027-06-01")).toEqual(["2026-Q1"]);
    expect(recordableQuarters(contract({ start: "2027-04-01" }), "2026-12-05")).toEqual([]);
  });
});

describe("contractTasks", () => {
  it("asks the buyer for each ended quarter, due 30 days after it ends, overdue after that", () => {
    const tasks = contractTasks(contract({ start: "2026-07-01" }), "buyer", "2026-11-15");
    expect(tasks).toEqual([{ kind: "record_call_off", quarter: "2026-Q3", due: "2026-10-30", overdue: true }]);
  });

  it("shows an open option 90 days before its notice deadline, and as overdue once the deadline has passed undecided", () => {
    const c = contract({ start: "2027-07-01" });
    expect(contractTasks(c, "buyer", "2027-06-01")).toEqual([]);
    expect(contractTasks(c, "buyer", "2027-07-02")).toEqual([{ kind: "decide_option", number: 1, due: "2027-09-30", overdue: false }]);
    expect(contractTasks(c, "buyer", "2027-10-01")).toContainEqual({ kind: "decide_option", number: 1, due: "2027-09-30", overdue: true });
    const decided = contract({ start: "2027-07-01", options: [{ number: 1, months: 12, noticeDeadline: "2027-09-30", status: "declined" }] });
    expect(contractTasks(decided, "buyer", "2027-09-01")).toEqual([]);
  });

  it("asks the vendor to answer each unanswered quarter, due 30 days after it ended or was recorded, whichever is later", () => {
    const c = contract({
      start: "2026-07-01",
      callOffs: [
        { quarter: "2026-Q3", response: null, recordedAt: "2026-11-20" },
        { quarter: "2026-Q4", response: null, recordedAt: "2026-12-01" },
        { quarter: "2026-Q2", response: "confirm", recordedAt: "2026-07-02" },
      ],
    });
    expect(contractTasks(c, "vendor", "2026-12-05")).toEqual([
      { kind: "answer_call_off", quarter: "2026-Q3", due: "2026-12-20", overdue: false },
      { kind: "answer_call_off", quarter: "2026-Q4", due: "2027-01-31", overdue: false },
    ]);
  });

  it("gives the vendor no buyer tasks and the buyer no vendor tasks", () => {
    const c = contract({ callOffs: [{ quarter: "2026-Q1", response: null, recordedAt: "2026-04-02" }] });
    expect(contractTasks(c, "vendor", "2026-12-05").every((t) => t.kind === "answer_call_off")).toBe(true);
    expect(contractTasks(c, "buyer", "2026-12-05").some((t) => t.kind === "answer_call_off")).toBe(false);
  });

  it("orders tasks by due date across kinds", () => {
    const c = contract({ start: "2027-04-01", options: [{ number: 1, months: 12, noticeDeadline: "2027-08-15", status: "open" }] });
    const tasks = contractTasks(c, "buyer", "2027-07-20");
    expect(tasks.map((t) => t.due)).toEqual(["2027-07-30", "2027-08-15"]);
  });
});
