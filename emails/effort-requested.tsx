import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// forutsigbarhet: the vendor hears what is asked, how much and by when, before deciding.
export const effortRequested: EmailDefinition<"effort-requested"> = {
  subject: ({ t, data }) => t("effort-requested.subject", { buyerName: data.buyerName, title: data.title }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("effort-requested.preview", { buyerName: data.buyerName })}
      heading={t("effort-requested.heading")}
      reason={t("effort-requested.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("effort-requested.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("effort-requested.body", { buyerName: data.buyerName, organisationName: data.organisationName, title: data.title })}</Paragraph>
      <Paragraph>{t("effort-requested.facts", { count: data.hoursPerVendor, deadline: formatDateTime(data.deadline, language) })}</Paragraph>
      <Action t={t} href={data.url} label={t("effort-requested.action")} />
    </EmailLayout>
  ),
};
