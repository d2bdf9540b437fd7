import { EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// A way into the account was removed (ADR 0034): said to the person as a changed password is.
export const ssoUnlinked: EmailDefinition<"sso-unlinked"> = {
  subject: ({ t }) => t("sso-unlinked.subject"),
  Component: ({ t, language, data }) => (
    <EmailLayout t={t} language={language} preview={t("sso-unlinked.preview", { provider: data.provider })} heading={t("sso-unlinked.heading")} reason={t("sso-unlinked.reason")}>
      <Paragraph>{t("sso-unlinked.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("sso-unlinked.body", { provider: data.provider })}</Paragraph>
      <Paragraph>{t("sso-unlinked.notYou")}</Paragraph>
    </EmailLayout>
  ),
};
