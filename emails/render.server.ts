import { toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
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
import { ssoUnlinked } from "./sso-unlinked";
import { factorChanged } from "./factor-changed";
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
  "sso-unlinked": ssoUnlinked,
  "factor-changed": factorChanged,
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

// React Email's own `render` streams the document, and a stream gives the event loop away some
// two hundred times per message. Messages are rendered inside the transaction that makes the
// change they are about (the outbox, ADR 0015), and on the embedded database that transaction
// holds the one connection: every other request waited while pages rendered in those turns
// (issue 20: the load test's writes had a p99 of 6–30 s). Our templates use no Suspense or
// async components, so one synchronous call gives the same document, with the doctype React
// Email puts first, without letting go of the thread (ADR 0038).
const XHTML_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

function renderDocument(element: ReactElement): string {
  return XHTML_DOCTYPE + renderToStaticMarkup(element).replace(/<!DOCTYPE.*?>/, "").replaceAll("\0", "");
}

function emailParts(message: EmailMessage) {
  const translate = fixedT(message.language, "emails");
  const t: EmailT = (key, options) => String(translate(key, options));
  const definition = definitions[message.template] as EmailDefinition<EmailTemplate>;
  const props = { t, language: message.language, data: message.data };
  return { definition, props, element: createElement(definition.Component, props) };
}

/** The message's React element, for the test that holds our rendering to React Email's own. */
export function emailElement(message: EmailMessage): ReactElement {
  return emailParts(message).element;
}

/** Subject, HTML and plain-text part of a message, in the recipient's language. */
export function renderEmail(message: EmailMessage): RenderedEmail {
  const { definition, props, element } = emailParts(message);
  const html = renderDocument(element);
  const text = toPlainText(html, {
    // Headings as written, not in capitals; links show their address (selectors from React Email).
    selectors: [
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  });
  return { subject: definition.subject(props).replace(/\s+/g, " ").trim(), html, text: text.replace(/\n{3,}/g, "\n\n").trim() + "\n" };
}
