import type { ScheduledJob } from "./scheduler.server";
import { sendVendorRequestReminders } from "~/models/vendor-requests.server";
import { publicBaseUrl } from "~/http/public-url.server";

// Requests from vendors: the owner is reminded on the due date (Oslo), the commercial lead
// told when a request is ESCALATE_AFTER_DAYS overdue; each once, at most 200 requests a round.
export const vendorRequestReminders: ScheduledJob = {
  name: "vendor-request-reminders",
  everyMs: 15 * 60_000,
  run: async (db, now) => {
    const { reminded, escalated } = await sendVendorRequestReminders(db, now, publicBaseUrl());
    return reminded + escalated;
  },
};
