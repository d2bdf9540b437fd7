import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// høring: a refused request to withhold is told before anything is published, so the responder may withdraw.
export const consultationWithholdingRefused: EmailDefinition<"consultation-withholding-refused"> = {
  subject: ({ t, data }) => t("consultation-withholding-refused.subject", { title: data.title }),
  Component: ({ t, language, data }) => {
    const organiserName = data.organiserName || t("consultation-invited.operators");
    return (
      <EmailLayout
        t={t}
        language={language}
        preview={t("consultation-withholding-refused.preview", { organiserName })}
        heading={t("consultation-withholding-refused.heading")}
        reason={t("consultation-withholding-refused.reason", { organisationName: data.organisationName })}
      >
        <Paragraph>{t("consultation-withholding-refused.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("consultation-withholding-refused.body", { organiserName, title: data.title, question: data.question })}</Paragraph>
        <Paragraph>{t("consultation-withholding-refused.choice", { count: data.days })}</Paragraph>
        <Action t={t} href={data.url} label={t("consultation-withholding-refused.action")} />
      </EmailLayout>
    );
  },
};
