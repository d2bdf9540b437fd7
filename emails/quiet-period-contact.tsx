import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const quietPeriodContact: EmailDefinition<"quiet-period-contact"> = {
  subject: ({ t, data }) => t("quiet-period-contact.subject", { eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("quiet-period-contact.preview", { vendorName: data.vendorName })}
      heading={t("quiet-period-contact.heading")}
      reason={t("quiet-period-contact.reason", { organisationName: data.buyerName })}
    >
      <Paragraph>{t("quiet-period-contact.greeting", { name: data.name })}</Paragraph>
      <Paragraph>
        {t("quiet-period-contact.body", {
          vendorName: data.vendorName,
          eventTitle: data.eventTitle,
          occurredAt: formatDateTime(data.occurredAt, language),
          subject: data.subject,
        })}
      </Paragraph>
      <Paragraph>{t("quiet-period-contact.next")}</Paragraph>
      <Action t={t} href={data.url} label={t("quiet-period-contact.action")} />
    </EmailLayout>
  ),
};
