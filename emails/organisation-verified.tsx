import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const organisationVerified: EmailDefinition<"organisation-verified"> = {
  subject: ({ t, data }) => t("organisation-verified.subject", { organisationName: data.organisationName }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("organisation-verified.preview")}
      heading={t("organisation-verified.heading", { organisationName: data.organisationName })}
      reason={t("organisation-verified.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("organisation-verified.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("organisation-verified.body", { organisationName: data.organisationName })}</Paragraph>
      <Action t={t} href={data.url} label={t("organisation-verified.action")} />
    </EmailLayout>
  ),
};
