// The portal's periodic jobs, started by server.ts. Add a job here with its interval.
import { DIGEST_INTERVAL_MS } from "~/domain/watches";
import { sendContractReminders } from "~/models/contract-reminders.server";
import { sendEffortReportReminders } from "~/models/effort-reminders.server";
import { sendVendorActivityDigests } from "~/models/vendor-activity.server";
import { runWatchDigests } from "~/models/watches.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { followUpReminders } from "./follow-up-reminders.server";
import { refreshInsightsJob } from "./refresh-insights.server";
import { vendorRequestReminders } from "./vendor-request-reminders.server";
import type { ScheduledJob } from "./scheduler.server";

/** After an event is held or a request's deadline passes: ask vendors once to report the effort spent. */
export const effortReportReminders: ScheduledJob = {
  name: "effort-report-reminders",
  everyMs: 15 * 60 * 1000,
  run: (db, now) => sendEffortReportReminders(db, now, publicBaseUrl()),
};

/** Contract tasks (call-offs to record or answer, options to decide): each party's admins, once per task and stage. */
export const contractReminders: ScheduledJob = {
  name: "contract-reminders",
  everyMs: 60 * 60 * 1000,
  run: (db, now) => sendContractReminders(db, now, publicBaseUrl()),
};

export const scheduledJobs: ScheduledJob[] = [
  effortReportReminders,
  contractReminders,
  followUpReminders,
  vendorRequestReminders,
  refreshInsightsJob,
  // Watches: immediate digests every round, daily ones once each Oslo morning.
  { name: "watch-digests", everyMs: DIGEST_INTERVAL_MS, run: (db, now) => runWatchDigests(db, now, { baseUrl: publicBaseUrl() }) },
  // Vendor activity for buyers who chose one digest each Oslo morning (the rest hear at once).
  { name: "vendor-activity-digests", everyMs: DIGEST_INTERVAL_MS, run: (db, now) => sendVendorActivityDigests(db, now, publicBaseUrl()) },
];
