import type { ScheduledJob } from "./scheduler.server";
import { sendFollowUpReminders } from "~/models/relationship-records.server";
import { publicBaseUrl } from "~/http/public-url.server";

// A follow-up's owner gets one e-mail on its due date (Oslo); every 10 minutes is
// soon enough for a reminder about a day.
export const followUpReminders: ScheduledJob = {
  name: "follow-up reminders",
  everyMs: 10 * 60_000,
  run: (db, now) => sendFollowUpReminders(db, now, publicBaseUrl()),
};
