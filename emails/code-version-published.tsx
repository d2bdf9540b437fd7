import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const codeVersionPublished: EmailDefinition<"code-version-published"> = {
  subject: ({ t, data }) => t("code-version-published.subject", { versionNumber: data.versionNumber }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("code-version-published.preview", { versionNumber: data.versionNumber })}
      heading={t("code-version-published.heading", { versionNumber: data.versionNumber })}
      reason={t("code-version-published.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("code-version-published.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("code-version-published.body", { organisationName: data.organisationName, versionNumber: data.versionNumber })}</Paragraph>
      {data.summary ? <Paragraph>{data.summary}</Paragraph> : null}
      <Action t={t} href={data.url} label={t("code-version-published.action")} />
    </EmailLayout>
  ),
};
