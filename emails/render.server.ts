import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import { fixedT } from "~/i18n/i18n";
import { codeVersionPublished } from "./code-version-published";
import { interactionAnswered } from "./interaction-answered";
import { interactionLogged } from "./interaction-logged";
import { invitation } from "./invitation";
import { quietPeriodContact } from "./quiet-period-contact";
import type { EmailDefinition, EmailT } from "./layout";
import type { EmailMessage, EmailTemplate } from "./messages";
import { organisationRejected } from "./organisation-rejected";
import { organisationVerified } from "./organisation-verified";
import { passwordChanged } from "./password-changed";
import { resetPassword } from "./reset-password";
import { verifyEmail } from "./verify-email";
import { effortReportReminder } from "./effort-report-reminder";
import { effortRequested } from "./effort-requested";
import { effortRequestDocument } from "./effort-request-document";
import { consultationInvited } from "./consultation-invited";
import { consultationWithholdingRefused } from "./consultation-withholding-refused";
import { protectedReport } from "./protected-report";
import { accessExportMade } from "./access-export-made";
import { vendorActivity } from "./vendor-activity";
import { eventAmended } from "./event-amended";
import { contractTasks } from "./contract-tasks";
import { eventEnded } from "./event-ended";
import { followUpDue } from "./follow-up-due";
import { questionAnswered } from "./question-answered";
import { registrationConfirmed, registrationPromoted } from "./registration-confirmed";
import { watchDigest } from "./watch-digest";
import { vendorRequest } from "./vendor-request";
import { coBuyer } from "./co-buyer";

const definitions: { [T in EmailTemplate]: EmailDefinition<T> } = {
  "verify-email": verifyEmail,
  "reset-password": resetPassword,
  "password-changed": passwordChanged,
  invitation,
  "organisation-verified": organisationVerified,
  "organisation-rejected": organisationRejected,
  "interaction-logged": interactionLogged,
  "interaction-answered": interactionAnswered,
  "quiet-period-contact": quietPeriodContact,
  "code-version-published": codeVersionPublished,
  "registration-confirmed": registrationConfirmed,
  "registration-promoted": registrationPromoted,
  "event-amended": eventAmended,
  "event-ended": eventEnded,
  "question-answered": questionAnswered,
  "effort-requested": effortRequested,
  "effort-request-document": effortRequestDocument,
  "consultation-invited": consultationInvited,
  "consultation-withholding-refused": consultationWithholdingRefused,
  "vendor-activity": vendorActivity,
  "effort-report-reminder": effortReportReminder,
  "contract-tasks": contractTasks,
  "follow-up-due": followUpDue,
  "watch-digest": watchDigest,
  "vendor-request": vendorRequest,
  "co-buyer": coBuyer,
  "protected-report": protectedReport,
  "access-export-made": accessExportMade,
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Subject, HTML and plain-text part of a message, in the recipient's language. */
export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const translate = fixedT(message.language, "emails");
  const t: EmailT = (key, options) => String(translate(key, options));
  const definition = definitions[message.template] as EmailDefinition<EmailTemplate>;
  const props = { t, language: message.language, data: message.data };
  const html = await render(createElement(definition.Component, props));
  const text = toPlainText(html, {
    // Headings as written, not in capitals; links show their address (selectors from React Email).
    selectors: [
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  });
  return { subject: definition.subject(props).replace(/\s+/g, " ").trim(), html, text: text.replace(/\n{3,}/g, "\n\n").trim() + "\n" };
}
