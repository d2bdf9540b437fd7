// Periodic background jobs (reminders, digests): each runs on its own timer,
// one round at a time, and a failed round is logged and tried again next time.
// Jobs must be idempotent: they mark what they have done in the same
// transaction as the e-mail they queue, so a restart never sends twice.
// With several processes on one PostgreSQL server (ADR 0026) every process runs this
// scheduler, and `exclusive` lets only one of them run a round of a job at a time: the
// next round, wherever it runs, sees the marks the last one committed.
import type { Db } from "@db/client";

export interface ScheduledJob {
  /** For the log. */
  name: string;
  /** Time between the end of one round and the start of the next. */
  everyMs: number;
  /** Does what is due at `now`; returns how many items it handled. */
  run(db: Db, now: Date): Promise<number>;
  /**
   * The job's work lives in this process only (warming its in-memory cache): every process
   * runs it, outside `exclusive`. Jobs that write to the database leave this unset.
   */
  perProcess?: boolean;
}

/** Runs `round` if this process may run the job now (it holds the job's lock); false if another process does. */
export type Exclusive = (jobName: string, round: () => Promise<number>) => Promise<{ ran: true; handled: number } | { ran: false }>;

/** The single process of the embedded database: every round is ours. */
export const alone: Exclusive = async (_name, round) => ({ ran: true, handled: await round() });

interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Starts every job; the returned function stops the timers and waits for running rounds. */
export function startScheduledJobs(options: {
  db: Db;
  jobs: readonly ScheduledJob[];
  log?: Log;
  now?: () => Date;
  /** How a round is kept to one process at a time (db/coordination.ts's `jobLock` on a PostgreSQL server). */
  exclusive?: Exclusive;
  /** Every job's interval instead of its own (JOB_INTERVAL_MS: tests that watch several rounds). */
  everyMs?: number;
}): () => Promise<void> {
  const { db, jobs, log = console, now = () => new Date(), exclusive = alone } = options;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const rounds = new Set<Promise<void>>();

  function schedule(job: ScheduledJob, delay: number) {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const round = runOnce(job).finally(() => {
        rounds.delete(round);
        schedule(job, options.everyMs ?? job.everyMs);
      });
      rounds.add(round);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  async function runOnce(job: ScheduledJob) {
    try {
      const round = () => job.run(db, now());
      const result = job.perProcess ? await alone(job.name, round) : await exclusive(job.name, round);
      const handled = result.ran ? result.handled : 0;
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
