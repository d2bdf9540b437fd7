import { EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const passwordChanged: EmailDefinition<"password-changed"> = {
  subject: ({ t }) => t("password-changed.subject"),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("password-changed.preview")}
      heading={t("password-changed.heading")}
      reason={t("password-changed.reason")}
    >
      <Paragraph>{t("password-changed.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("password-changed.body")}</Paragraph>
      <Paragraph>{t("password-changed.notYou")}</Paragraph>
    </EmailLayout>
  ),
};
