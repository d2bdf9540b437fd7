import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// An access export (innsyn, ADR 0037) covering the vendor's response was made. Says which buyer and
// event, never who asked for access, and no content of the response.
export const accessExportMade: EmailDefinition<"access-export-made"> = {
  subject: ({ t, data }) => t("access-export-made.subject", { eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout t={t} language={language} preview={t("access-export-made.heading")} heading={t("access-export-made.heading")} reason={t("access-export-made.reason")}>
      <Paragraph>{t("access-export-made.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("access-export-made.body", { buyerName: data.buyerName, eventTitle: data.eventTitle, organisationName: data.organisationName })}</Paragraph>
      <Paragraph>{t("access-export-made.contact", { buyerName: data.buyerName })}</Paragraph>
      <Action t={t} href={data.url} label={t("access-export-made.action")} />
    </EmailLayout>
  ),
};
