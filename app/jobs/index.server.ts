// The portal's periodic jobs, started by server.ts. Add a job here with its interval.
import { sendEffortReportReminders } from "~/models/effort-reminders.server";
import { followUpReminders } from "./follow-up-reminders.server";
import type { ScheduledJob } from "./scheduler.server";

const baseUrl = () => (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

/** After an event is held or a request's deadline passes: ask vendors once to report the effort spent. */
export const effortReportReminders: ScheduledJob = {
  name: "effort-report-reminders",
  everyMs: 15 * 60 * 1000,
  run: (db, now) => sendEffortReportReminders(db, now, baseUrl()),
};

export const scheduledJobs: ScheduledJob[] = [effortReportReminders, followUpReminders];
