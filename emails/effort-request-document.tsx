import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// forutsigbarhet: a vendor asked for effort hears when a document it works from changes, and why
// (the effort request's counterpart of an event's amendment).
export const effortRequestDocument: EmailDefinition<"effort-request-document"> = {
  subject: ({ t, data }) => t("effort-request-document.subject", { title: data.title }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("effort-request-document.preview", { buyerName: data.buyerName })}
      heading={t("effort-request-document.heading", { documentTitle: data.documentTitle })}
      reason={t("effort-request-document.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("effort-request-document.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("effort-request-document.body", { buyerName: data.buyerName, documentTitle: data.documentTitle, version: data.version, title: data.title })}</Paragraph>
      <Paragraph>{t("effort-request-document.changeNote", { changeNote: data.changeNote })}</Paragraph>
      <Action t={t} href={data.url} label={t("effort-request-document.action")} />
    </EmailLayout>
  ),
};
