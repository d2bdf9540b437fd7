import { EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// A way into the account or its second factor changed (issue 21): said to the person as a changed password is.
export const factorChanged: EmailDefinition<"factor-changed"> = {
  subject: ({ t, data }) => t(`factor-changed.subject.${data.change}`),
  Component: ({ t, language, data }) => (
    <EmailLayout t={t} language={language} preview={t(`factor-changed.subject.${data.change}`)} heading={t(`factor-changed.subject.${data.change}`)} reason={t("factor-changed.reason")}>
      <Paragraph>{t("factor-changed.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t(`factor-changed.body.${data.change}`, { passkey: data.passkey ?? "" })}</Paragraph>
      <Paragraph>{t("factor-changed.notYou")}</Paragraph>
    </EmailLayout>
  ),
};
