import { refreshInsights, SCORECARD_TTL_MS } from "~/models/scorecard-cache.server";
import type { ScheduledJob } from "./scheduler.server";

/** Recomputes the sector overview for both windows a little before the cached copy runs out. */
export const refreshInsightsJob: ScheduledJob = {
  name: "scorecard insights",
  everyMs: SCORECARD_TTL_MS - 30_000,
  // The figures live in each process's memory: every process refreshes its own.
  perProcess: true,
  async run(db, now) {
    await refreshInsights(db, now);
    return 0;
  },
};
