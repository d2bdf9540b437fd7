import type { ScheduledJob } from "./scheduler.server";
import { sendFollowUpReminders } from "~/models/relationships.server";

/** Where links in job e-mails point: no request to take the origin from. */
function jobBaseUrl(): string {
  return process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 3000}`;
}

// A follow-up's owner gets one e-mail on its due date (Oslo); every 10 minutes is
// soon enough for a reminder about a day.
export const followUpReminders: ScheduledJob = {
  name: "follow-up reminders",
  everyMs: 10 * 60_000,
  run: (db, now) => sendFollowUpReminders(db, now, jobBaseUrl()),
};
