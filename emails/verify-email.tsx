import { VERIFY_EMAIL_LINK_HOURS } from "~/domain/email-links";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const verifyEmail: EmailDefinition<"verify-email"> = {
  subject: ({ t }) => t("verify-email.subject"),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("verify-email.preview")}
      heading={t("verify-email.heading")}
      reason={t("verify-email.reason")}
    >
      <Paragraph>{t("verify-email.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("verify-email.body")}</Paragraph>
      <Action t={t} href={data.url} label={t("verify-email.action")} />
      <Paragraph>{t("verify-email.expiry", { count: VERIFY_EMAIL_LINK_HOURS })}</Paragraph>
    </EmailLayout>
  ),
};
