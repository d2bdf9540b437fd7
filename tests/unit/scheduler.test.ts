import { describe, expect, it } from "vitest";
import type { Db } from "@db/client";
import { startScheduledJobs, type ScheduledJob } from "~/jobs/scheduler.server";

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
});
