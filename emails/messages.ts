import type { Language } from "~/i18n/resources";

/** Every e-mail the portal sends, with the data its template needs. */
export type EmailMessage =
  | { template: "verify-email"; to: string; language: Language; data: { name: string; url: string } }
  | { template: "reset-password"; to: string; language: Language; data: { name: string; url: string } }
  | { template: "password-changed"; to: string; language: Language; data: { name: string } }
  | {
      template: "invitation";
      to: string;
      language: Language;
      data: { organisationName: string; inviterName: string; role: "admin" | "member"; url: string; expiresAt: string };
    }
  | { template: "organisation-verified"; to: string; language: Language; data: { name: string; organisationName: string; url: string } }
  | { template: "organisation-rejected"; to: string; language: Language; data: { name: string; organisationName: string; reason: string } }
  | {
      // To the admins of the counterpart organisation: an entry about them was logged.
      template: "interaction-logged";
      to: string;
      language: Language;
      data: {
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
      };
    }
  | {
      // To the admins of the organisation that logged an entry: the counterpart answered.
      template: "interaction-answered";
      to: string;
      language: Language;
      data: {
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
      };
    }
  | {
      // To the buyer's admins: a one-to-one contact about an RFP in its tender phase was logged;
      // publish what was shared to all participants.
      template: "quiet-period-contact";
      to: string;
      language: Language;
      data: { name: string; buyerName: string; vendorName: string; eventTitle: string; subject: string; occurredAt: string; url: string };
    }
  | {
      // To the admins of organisations that adopted an earlier version: please re-adopt.
      template: "code-version-published";
      to: string;
      language: Language;
      data: { name: string; organisationName: string; versionNumber: string; summary: string; url: string };
    };

export type EmailTemplate = EmailMessage["template"];
