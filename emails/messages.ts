import type { ContractTask } from "~/domain/contract-tasks";
import type { FactorChange } from "~/domain/two-factor";
import type { VendorActivityKind } from "~/domain/vendor-activity";
import type { Language } from "~/i18n/resources";

/** A file sent with a message, e.g. an .ics invitation. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** Text (written as UTF-8) or raw bytes. */
  content: string | Uint8Array;
}

type Envelope<Template extends string, Data> = {
  template: Template;
  to: string;
  language: Language;
  data: Data;
  attachments?: EmailAttachment[];
  /** Extra headers, such as RFC 8058's List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
};

/** Every e-mail the portal sends, with the data its template needs. */
export type EmailMessage =
  | Envelope<"verify-email", { name: string; url: string }>
  | Envelope<"reset-password", { name: string; url: string }>
  | Envelope<"password-changed", { name: string }>
  // A link to an identity provider was removed; `provider` names the organisations (or the issuer).
  | Envelope<"sso-unlinked", { name: string; provider: string }>
  // A passkey or the authenticator app was added or removed, or new recovery codes made; `passkey` names the passkey.
  | Envelope<"factor-changed", { name: string; change: FactorChange; passkey?: string }>
  | Envelope<
      "invitation",
      { organisationName: string; inviterName: string; role: "admin" | "member"; url: string; expiresAt: string }
    >
  | Envelope<"organisation-verified", { name: string; organisationName: string; url: string }>
  | Envelope<"organisation-rejected", { name: string; organisationName: string; reason: string }>
  // To the admins of the counterpart organisation: an entry about them was logged.
  | Envelope<
      "interaction-logged",
      {
        name: string;
        /** The recipient's organisation. */
        counterpartName: string;
        loggedByOrganisation: string;
        loggedByName: string;
        subject: string;
        /** "in_line" | "concern" */
        assessment: string;
        /** A concern category code, or "" for in_line. */
        concernCategory: string;
        /** An ISO timestamp; render in Europe/Oslo. */
        occurredAt: string;
        url: string;
      }
    >
  // To the admins of the organisation that logged an entry: the counterpart answered.
  | Envelope<
      "interaction-answered",
      {
        name: string;
        organisationName: string;
        answeredByOrganisation: string;
        answeredByName: string;
        subject: string;
        /** "confirm" | "dispute" */
        response: string;
        /** The counterpart's account, "" when none was given. */
        account: string;
        url: string;
      }
    >
  // To the buyer's admins: a one-to-one contact about an RFP in its tender phase was logged.
  | Envelope<"quiet-period-contact", { name: string; buyerName: string; vendorName: string; eventTitle: string; subject: string; occurredAt: string; url: string }>
  // To the admins of organisations that adopted an earlier version: please re-adopt.
  | Envelope<"code-version-published", { name: string; organisationName: string; versionNumber: string; summary: string; url: string }>
  // To the attendees and whoever registered: a place, or a place on the waiting list (.ics attached with a place).
  | Envelope<"registration-confirmed", RegistrationMailData>
  // To the attendees of the first on the waiting list: a place was freed for them (.ics attached).
  | Envelope<"registration-promoted", RegistrationMailData>
  // To every member of every vendor taking part: a published event was amended.
  | Envelope<"event-amended", { name: string; eventTitle: string; buyerName: string; reason: string; changes: { field: string; before: string; after: string }[]; url: string }>
  // To every member of every vendor taking part (the recorded winner in its own words) and to each
  // watcher whose watch matched: the event was closed, withdrawn, or its outcome recorded.
  | Envelope<
      "event-ended",
      {
        name: string;
        eventTitle: string;
        buyerName: string;
        ending: "closed" | "withdrawn" | "procured" | "not_procured";
        recipient: "participant" | "winner" | "watcher";
        /** The recipient's organisation (for the winner), or "". */
        organisationName: string;
        /** The buyer's reason (withdrawn: as written; not procured: translated), or "". */
        why: string;
        url: string;
      }
    >
  // To every member of every vendor taking part: a question was answered to all. Never names who asked.
  | Envelope<"question-answered", { name: string; eventTitle: string; buyerName: string; question: string; answer: string; url: string }>
  // To the admins of each vendor asked: a buyer asks for work (the request passed the predictability gate).
  // To the admins of each vendor an effort request was sent to (and did not decline): a new version of one of its documents.
  | Envelope<"effort-request-document", { name: string; buyerName: string; organisationName: string; title: string; documentTitle: string; version: number; changeNote: string; url: string }>
  | Envelope<"effort-requested", { name: string; buyerName: string; organisationName: string; title: string; hoursPerVendor: number; /** ISO timestamp */ deadline: string; url: string }>
  // To the admins of each organisation invited to a consultation (høring). organiserName "" = the operators.
  | Envelope<"consultation-invited", { name: string; organisationName: string; organiserName: string; title: string; caseNumber: string; /** ISO timestamp */ deadline: string; url: string }>
  // To the admins of a responding organisation: the organiser refused to withhold part of its response.
  | Envelope<"consultation-withholding-refused", { name: string; organisationName: string; organiserName: string; title: string; question: string; days: number; url: string }>
  // To a member of a buyer organisation: what vendors did (app/domain/vendor-activity.ts), one item at once or a daily digest.
  | Envelope<"vendor-activity", { name: string; buyerName: string; digest: boolean; items: VendorActivityItem[]; settingsUrl: string }>
  // To whoever registered for a held event, or accepted a request past its deadline: please report the effort spent. Once.
  | Envelope<
      "effort-report-reminder",
      { name: string; organisationName: string; buyerName: string; subject: "event" | "request"; title: string; /** ISO timestamp: when it was held, or the deadline */ at: string; url: string }
    >
  // To the admins of a party to a contract: call-offs to record or answer, options to decide (see app/domain/contract-tasks.ts).
  | Envelope<"contract-tasks", { name: string; organisationName: string; tasks: ContractTaskMail[]; /** Tasks beyond those listed. */ more: number; url: string }>
  // To the owner of a relationship follow-up, on its due date in Oslo.
  | Envelope<"follow-up-due", { name: string; title: string; /** "YYYY-MM-DD" */ dueOn: string; organisationName: string; counterpartName: string; url: string }>
  // Requests from vendors (app/domain/vendor-requests.ts): to the buyer on arrival, the owner on the due date, the
  // commercial lead when overdue, the vendor's sender when it is assigned, referred, answered or declined.
  | Envelope<"vendor-request", VendorRequestMail>
  // Joint demand (app/domain/co-buyers.ts): to the admins of an invited buyer (accept or decline), or of the lead when a buyer asks to join.
  // Protected reports (app/domain/protected-reports.ts): to operators on a new report or the reporter's answer;
  // to the reporter when operators ask (no words of the question, no reporter named to anyone but operators).
  // To the admins of each vendor whose response an access export (innsyn) covers: that it was made. Never who asked, nor content.
  | Envelope<"access-export-made", { name: string; organisationName: string; buyerName: string; eventTitle: string; url: string }>
  | Envelope<"protected-report", { kind: "new" | "answered" | "question"; name: string; counterpartName: string; url: string }>
  | Envelope<"co-buyer", { kind: "invited" | "requested"; name: string; organisationName: string; /** The lead (invited) or the buyer asking (requested). */ otherName: string; eventTitle: string; url: string }>
  // To the owner of a watch: events published or amended since the last digest that match its filter.
  | Envelope<"watch-digest", WatchDigestData>;

export interface VendorRequestMail {
  kind: "received" | "due" | "overdue" | "assigned" | "referred" | "answered" | "declined";
  /** Why this person gets it: the buyer's commercial contact, an admin (no contact named), the owner, the commercial lead, the vendor's sender. */
  reason: "contact" | "admin" | "owner" | "lead" | "sender";
  name: string;
  vendorName: string;
  buyerName: string;
  subject: string;
  /** "YYYY-MM-DD" or "" */
  dueOn: string;
  /** The answer, the reason, or "" */
  detail: string;
  url: string;
}

/** One thing a vendor did, as a buyer's notice shows it. */
export interface VendorActivityItem {
  kind: VendorActivityKind;
  vendorName: string;
  /** The event's or the effort request's title. */
  title: string;
  /** The question as asked, or the reason for declining; "" for none. */
  detail: string;
  /** ISO timestamp; render in Europe/Oslo. */
  at: string;
  url: string;
}

/** One contract task in a reminder: the task (app/domain/contract-tasks.ts), its contract and link. */
export type ContractTaskMail = ContractTask & { contractTitle: string; url: string };

export interface WatchDigestEvent {
  title: string;
  buyerName: string;
  /** An event kind code. */
  kind: string;
  url: string;
}

export interface WatchDigestConsultation {
  title: string;
  /** The organiser, or "Markedsdialog" for the operators. */
  organiserName: string;
  /** ISO timestamp; render in Europe/Oslo. */
  deadline: string;
  url: string;
}

export interface WatchDigestData {
  name: string;
  watchName: string;
  frequency: "immediate" | "daily";
  newEvents: WatchDigestEvent[];
  /** Amended events, with the reason given for each amendment since the last digest. */
  amendedEvents: (WatchDigestEvent & { reasons: string[] })[];
  /** Consultations (høring, issue 18) opened since the last digest; absent in digests queued before them. */
  newConsultations?: WatchDigestConsultation[];
  demandUrl: string;
  watchesUrl: string;
  /** One-click unsubscribe (RFC 8058), works without signing in. */
  unsubscribeUrl: string;
}

export interface RegistrationMailData {
  name: string;
  eventTitle: string;
  buyerName: string;
  organisationName: string;
  status: "registered" | "waitlisted";
  /** An ISO timestamp, or "" when the event has no start time. */
  startsAt: string;
  url: string;
}

export type EmailTemplate = EmailMessage["template"];

/** The data one template needs. */
export type EmailData<T extends EmailTemplate> = Extract<EmailMessage, { template: T }>["data"];
