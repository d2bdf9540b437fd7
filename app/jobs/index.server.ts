// The portal's periodic jobs, started by server.ts. Add a job here with its interval.
import { followUpReminders } from "./follow-up-reminders.server";
import type { ScheduledJob } from "./scheduler.server";

export const scheduledJobs: ScheduledJob[] = [followUpReminders];
