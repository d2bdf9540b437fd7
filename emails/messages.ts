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
};

/** Every e-mail the portal sends, with the data its template needs. */
export type EmailMessage =
  | Envelope<"verify-email", { name: string; url: string }>
  | Envelope<"reset-password", { name: string; url: string }>
  | Envelope<"password-changed", { name: string }>
  | Envelope<
      "invitation",
      { organisationName: string; inviterName: string; role: "admin" | "member"; url: string; expiresAt: string }
    >
  | Envelope<"organisation-verified", { name: string; organisationName: string; url: string }>
  | Envelope<"organisation-rejected", { name: string; organisationName: string; reason: string }>;

export type EmailTemplate = EmailMessage["template"];

/** The data one template needs. */
export type EmailData<T extends EmailTemplate> = Extract<EmailMessage, { template: T }>["data"];
