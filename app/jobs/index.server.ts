// The portal's periodic jobs, started by server.ts. Add a job here with its interval.
import { refreshInsightsJob } from "~/models/scorecard-cache.server";
import type { ScheduledJob } from "./scheduler.server";

export const scheduledJobs: ScheduledJob[] = [refreshInsightsJob];
