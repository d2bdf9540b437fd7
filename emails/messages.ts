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
  | { template: "organisation-rejected"; to: string; language: Language; data: { name: string; organisationName: string; reason: string } };

export type EmailTemplate = EmailMessage["template"];
