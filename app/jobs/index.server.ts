// The portal's periodic jobs, started by server.ts. Add a job here with its interval.
import { DIGEST_INTERVAL_MS } from "~/domain/watches";
import { runWatchDigests } from "~/models/watches.server";
import type { ScheduledJob } from "./scheduler.server";

export const scheduledJobs: ScheduledJob[] = [
  // Watches: immediate digests every round, daily ones once each Oslo morning.
  { name: "watch-digests", everyMs: DIGEST_INTERVAL_MS, run: (db, now) => runWatchDigests(db, now) },
];
