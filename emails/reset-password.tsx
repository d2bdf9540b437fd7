import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const resetPassword: EmailDefinition<"reset-password"> = {
  subject: ({ t }) => t("reset-password.subject"),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("reset-password.preview")}
      heading={t("reset-password.heading")}
      reason={t("reset-password.reason")}
    >
      <Paragraph>{t("reset-password.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("reset-password.body")}</Paragraph>
      <Action t={t} href={data.url} label={t("reset-password.action")} />
      <Paragraph>{t("reset-password.expiry")}</Paragraph>
    </EmailLayout>
  ),
};
