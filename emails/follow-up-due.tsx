import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";
import { formatDate } from "~/i18n/format";

// To the owner of a follow-up, on its due date (Oslo): one reminder, never the note's content.
export const followUpDue: EmailDefinition<"follow-up-due"> = {
  subject: ({ t, data }) => t("follow-up-due.subject", { title: data.title }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("follow-up-due.preview", { counterpartName: data.counterpartName })}
      heading={t("follow-up-due.heading")}
      reason={t("follow-up-due.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("follow-up-due.greeting", { name: data.name })}</Paragraph>
      <Paragraph>
        {t("follow-up-due.body", { title: data.title, counterpartName: data.counterpartName, dueOn: formatDate(data.dueOn, language) })}
      </Paragraph>
      <Action t={t} href={data.url} label={t("follow-up-due.action")} />
    </EmailLayout>
  ),
};
