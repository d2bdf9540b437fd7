import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// The effort ledger only shows what vendors report: one reminder after the event or the
// request's deadline, so the buyer's totals (public) are not just the diligent few.
export const effortReportReminder: EmailDefinition<"effort-report-reminder"> = {
  subject: ({ t, data }) => t("effort-report-reminder.subject", { title: data.title }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("effort-report-reminder.preview", { buyerName: data.buyerName })}
      heading={t("effort-report-reminder.heading")}
      reason={t("effort-report-reminder.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("effort-report-reminder.greeting", { name: data.name })}</Paragraph>
      <Paragraph>
        {t(`effort-report-reminder.body_${data.subject}`, { title: data.title, buyerName: data.buyerName, at: formatDateTime(data.at, language) })}
      </Paragraph>
      <Paragraph>{t("effort-report-reminder.why")}</Paragraph>
      <Action t={t} href={data.url} label={t("effort-report-reminder.action")} />
    </EmailLayout>
  ),
};
