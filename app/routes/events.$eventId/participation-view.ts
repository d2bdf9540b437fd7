import type { SubmissionResult } from "@conform-to/react";

// The event page's participation part: the count and the vendor's registration (aside),
// questions and answers, and the buyer's participant list (main column).
// participation.server.ts builds the view and answers the forms.

type Status = "registered" | "waitlisted" | "withdrawn" | "declined";

export interface ParticipationView {
  counts: { registered: number; waitlisted: number };
  capacity: number | null;
  attendeeLimit: number | null;
  published: boolean;
  open: boolean;
  signedIn: boolean;
  vendor: {
    organisation: { id: string; name: string };
    registration: { status: Status; note: string | null; shareAttendees: boolean; declineReason: string | null; attendeeIds: string[]; waitlistPosition: number | null } | null;
    takesPart: boolean;
    members: { id: string; name: string }[];
    questions: { id: string; text: string; askedAt: string; answered: boolean }[];
    others: { organisationName: string; attendees: string[] }[] | null;
  } | null;
  buyer: {
    participants: { registrationId: string; organisationName: string; status: Status; note: string | null; shareAttendees: boolean; declineReason: string | null; attendees: string[] }[];
    unanswered: { id: string; organisationName: string; text: string; askedAt: string }[];
  } | null;
  answers: { id: string; question: string; answer: string; answeredAt: string }[];
}

export type ParticipationReply = { form: string; result: unknown; questionId: string | null } | undefined;

/** The reply to this form (and this question), if the last submission was it. */
export function lastResult(reply: ParticipationReply, form: string, questionId: string | null = null) {
  return reply?.form === form && (questionId === null || reply.questionId === questionId) ? (reply.result as SubmissionResult<string[]>) : undefined;
}
