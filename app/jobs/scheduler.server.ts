// Periodic background jobs (reminders, digests): each runs on its own timer,
// one round at a time, and a failed round is logged and tried again next time.
// Jobs must be idempotent: they mark what they have done in the same
// transaction as the e-mail they queue, so a restart never sends twice.
import type { Db } from "@db/client";

export interface ScheduledJob {
  /** For the log. */
  name: string;
  /** Time between the end of one round and the start of the next. */
  everyMs: number;
  /** Does what is due at `now`; returns how many items it handled. */
  run(db: Db, now: Date): Promise<number>;
}

interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Starts every job; the returned function stops the timers and waits for running rounds. */
export function startScheduledJobs(options: { db: Db; jobs: readonly ScheduledJob[]; log?: Log; now?: () => Date }): () => Promise<void> {
  const { db, jobs, log = console, now = () => new Date() } = options;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const rounds = new Set<Promise<void>>();

  function schedule(job: ScheduledJob, delay: number) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const round = runOnce(job).finally(() => {
        rounds.delete(round);
        schedule(job, job.everyMs);
      });
      rounds.add(round);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  async function runOnce(job: ScheduledJob) {
    try {
      const handled = await job.run(db, now());
      if (handled > 0) log.info(`${job.name}: handled ${handled}`);
    } catch (error) {
      log.error(`${job.name}: round failed, trying again later`, error);
    }
  }

  for (const job of jobs) schedule(job, 0);

  return async function stop() {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.all([...rounds]);
  };
}
