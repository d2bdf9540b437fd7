import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// høring: an organisation named among the consulted bodies hears of it, with its deadline.
export const consultationInvited: EmailDefinition<"consultation-invited"> = {
  subject: ({ t, data }) => t("consultation-invited.subject", { organiserName: data.organiserName || t("consultation-invited.operators"), title: data.title }),
  Component: ({ t, language, data }) => {
    const organiserName = data.organiserName || t("consultation-invited.operators");
    return (
      <EmailLayout
        t={t}
        language={language}
        preview={t("consultation-invited.preview", { organiserName })}
        heading={t("consultation-invited.heading")}
        reason={t("consultation-invited.reason", { organisationName: data.organisationName })}
      >
        <Paragraph>{t("consultation-invited.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("consultation-invited.body", { organiserName, organisationName: data.organisationName, title: data.title, caseNumber: data.caseNumber })}</Paragraph>
        <Paragraph>{t("consultation-invited.deadline", { deadline: formatDateTime(data.deadline, language) })}</Paragraph>
        <Action t={t} href={data.url} label={t("consultation-invited.action")} />
      </EmailLayout>
    );
  },
};
