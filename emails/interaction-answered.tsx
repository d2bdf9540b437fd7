import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const interactionAnswered: EmailDefinition<"interaction-answered"> = {
  subject: ({ t, data }) =>
    t(data.response === "dispute" ? "interaction-answered.subjectDisputed" : "interaction-answered.subjectConfirmed", {
      answeredByOrganisation: data.answeredByOrganisation,
    }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("interaction-answered.preview", { subject: data.subject })}
      heading={t(data.response === "dispute" ? "interaction-answered.headingDisputed" : "interaction-answered.headingConfirmed", {
        answeredByOrganisation: data.answeredByOrganisation,
      })}
      reason={t("interaction-answered.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("interaction-answered.greeting", { name: data.name })}</Paragraph>
      <Paragraph>
        {t(data.response === "dispute" ? "interaction-answered.bodyDisputed" : "interaction-answered.bodyConfirmed", {
          answeredByName: data.answeredByName,
          answeredByOrganisation: data.answeredByOrganisation,
          subject: data.subject,
        })}
      </Paragraph>
      {data.account ? (
        <Paragraph>
          <strong>{t("interaction-answered.accountLabel")}</strong> {data.account}
        </Paragraph>
      ) : null}
      <Action t={t} href={data.url} label={t("interaction-answered.action")} />
    </EmailLayout>
  ),
};
