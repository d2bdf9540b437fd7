// Rules for vendors taking part in an event (issue 5), as plain functions.

export type RegistrationStatus = "registered" | "waitlisted" | "withdrawn" | "declined";

/** Registered while a place is free; past capacity on the waiting list. No capacity: no limit. */
export function placeFor(registeredCount: number, capacity: number | null): "registered" | "waitlisted" {
  return capacity === null || registeredCount < capacity ? "registered" : "waitlisted";
}

/** Vendors change their own registration until the deadline; after it only the buyer changes the list. */
export function registrationOpen(deadline: Date | null, now: Date): boolean {
  return deadline === null || now.getTime() <= deadline.getTime();
}

export type AttendeeCode = "attendees_required" | "attendee_limit_exceeded" | "attendee_not_member";

/** Attendees are members of the vendor organisation, at least one, at most the buyer's limit. */
export function checkAttendees(attendeeIds: readonly string[], memberIds: readonly string[], limit: number | null): AttendeeCode | null {
  if (attendeeIds.length === 0) return "attendees_required";
  if (attendeeIds.some((id) => !memberIds.includes(id))) return "attendee_not_member";
  if (limit !== null && new Set(attendeeIds).size > limit) return "attendee_limit_exceeded";
  return null;
}

/** The median of some durations (ms), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
