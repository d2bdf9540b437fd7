import { addDays, contractEnd, nextDay, quarterOfDate, type CallOffResponse, type OptionStatus } from "./contracts";
import { addQuarters, compareQuarters, quarterEnd } from "./quarters";

// What a contract asks of each party next. Declared and realised can only be compared when
// the buyer records each quarter's call-offs and the vendor answers them, and an option the
// vendor planned for is only predictable when it is decided before its notice deadline.
// These are the one source for the contracts workspace and the reminder e-mails.

/** Days after a quarter ends within which the buyer records what it called off. */
export const CALL_OFF_RECORDING_DAYS = 30;
/** Days after a quarter is recorded within which the vendor confirms or disputes it. */
export const CALL_OFF_ANSWER_DAYS = 30;
/** How far ahead of an option's notice deadline it is shown as a task. */
export const OPTION_NOTICE_HORIZON_DAYS = 90;

export type ContractTask =
  | { kind: "record_call_off"; quarter: string; due: string; overdue: boolean }
  | { kind: "answer_call_off"; quarter: string; due: string; overdue: boolean }
  | { kind: "decide_option"; number: number; due: string; overdue: boolean };

export interface TaskContract {
  start: string;
  baseEnd: string;
  options: readonly { number: number; months: number; noticeDeadline: string; status: OptionStatus }[];
  /** `recordedAt`: the day the buyer recorded the quarter (YYYY-MM-DD). */
  callOffs: readonly { quarter: string; response: CallOffResponse | null; recordedAt: string }[];
}

/** The quarters the buyer can record now: from the contract's start through the quarter `today` is in, inside the contract, not yet recorded. */
export function recordableQuarters(c: TaskContract, today: string): string[] {
  const last = [quarterOfDate(contractEnd(c)), quarterOfDate(today)].sort(compareQuarters)[0]!;
  const recorded = new Set(c.callOffs.map((o) => o.quarter));
  const open: string[] = [];
  for (let q = quarterOfDate(c.start); compareQuarters(q, last) <= 0; q = addQuarters(q, 1)) if (!recorded.has(q)) open.push(q);
  return open;
}

/**
 * The quarters that have ended inside the contract (as it stands, options exercised) before
 * `today` and have no call-offs recorded: the buyer owes each a record, even of nothing bought.
 */
export function unrecordedQuarters(c: TaskContract, today: string): string[] {
  return recordableQuarters(c, today).filter((q) => quarterEnd(q) < today);
}

/** The tasks a party has on one contract as of `today` (YYYY-MM-DD), earliest due first. */
export function contractTasks(c: TaskContract, party: "buyer" | "vendor", today: string): ContractTask[] {
  const tasks: ContractTask[] = [];
  if (party === "buyer") {
    for (const quarter of unrecordedQuarters(c, today)) {
      const due = addDays(quarterEnd(quarter), CALL_OFF_RECORDING_DAYS);
      tasks.push({ kind: "record_call_off", quarter, due, overdue: due < today });
    }
    for (const option of c.options) {
      if (option.status !== "open" || option.noticeDeadline > addDays(today, OPTION_NOTICE_HORIZON_DAYS)) continue;
      tasks.push({ kind: "decide_option", number: option.number, due: option.noticeDeadline, overdue: option.noticeDeadline < today });
    }
  } else {
    for (const callOff of c.callOffs) {
      if (callOff.response !== null) continue;
      // A quarter is answered once it has ended and been recorded, whichever comes later.
      const ended = nextDay(quarterEnd(callOff.quarter));
      const due = addDays(ended > callOff.recordedAt ? ended : callOff.recordedAt, CALL_OFF_ANSWER_DAYS);
      tasks.push({ kind: "answer_call_off", quarter: callOff.quarter, due, overdue: due < today });
    }
  }
  return tasks.sort((a, b) => a.due.localeCompare(b.due));
}
