import { describe, expect, it } from "vitest";
import type { Db } from "@db/client";
import { startScheduledJobs, type Exclusive, type ScheduledJob } from "~/jobs/scheduler.server";

const db = {} as Db; // the runner only hands it on; jobs are tested against the real database
const quietLog = { info: () => {}, error: () => {} };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startScheduledJobs", () => {
  it("runs each job at once and again after its interval, never two rounds of one job at a time", async () => {
    let running = 0;
    let maxRunning = 0;
    let rounds = 0;
    const job: ScheduledJob = {
      name: "slow",
      everyMs: 5,
      async run() {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await wait(20);
        running -= 1;
        rounds += 1;
        return 1;
      },
    };
    const stop = startScheduledJobs({ db, jobs: [job], log: quietLog });
    await wait(120);
    await stop();
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(maxRunning).toBe(1);
    const after = rounds;
    await wait(40);
    expect(rounds).toBe(after);
  });

  it("keeps going after a failed round and logs it", async () => {
    const errors: string[] = [];
    let calls = 0;
    const job: ScheduledJob = {
      name: "flaky",
      everyMs: 5,
      async run() {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        return 0;
      },
    };
    const stop = startScheduledJobs({ db, jobs: [job], log: { info: () => {}, error: (m) => errors.push(m) } });
    await wait(60);
    await stop();
    expect(errors).toEqual(["flaky: round failed, trying again later"]);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it("waits for a running round when stopped", async () => {
    let finished = false;
    const job: ScheduledJob = {
      name: "long",
      everyMs: 1000,
      async run() {
        await wait(50);
        finished = true;
        return 1;
      },
    };
    const stop = startScheduledJobs({ db, jobs: [job], log: quietLog });
    await wait(10);
    await stop();
    expect(finished).toBe(true);
  });

  it("runs a round only when `exclusive` lets it, except jobs whose work is this process's own", async () => {
    const asked: string[] = [];
    const othersHoldTheLock: Exclusive = async (name) => {
      asked.push(name);
      return { ran: false };
    };
    let shared = 0;
    let own = 0;
    const jobs: ScheduledJob[] = [
      { name: "digests", everyMs: 5, run: async () => (shared += 1) },
      { name: "warm my cache", everyMs: 5, perProcess: true, run: async () => (own += 1) },
    ];
    const stop = startScheduledJobs({ db, jobs, log: quietLog, exclusive: othersHoldTheLock });
    await wait(60);
    await stop();
    expect(shared).toBe(0);
    expect(own).toBeGreaterThanOrEqual(2);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked)).toEqual(new Set(["digests"]));
  });

  it("uses one interval for every job when given (JOB_INTERVAL_MS)", async () => {
    let rounds = 0;
    const job: ScheduledJob = { name: "hourly", everyMs: 3_600_000, run: async () => (rounds += 1) };
    const stop = startScheduledJobs({ db, jobs: [job], log: quietLog, everyMs: 5 });
    await wait(60);
    await stop();
    expect(rounds).toBeGreaterThanOrEqual(3);
  });
});
