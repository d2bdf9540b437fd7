import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// Protected reports: operators hear of a new report or an answer; the reporter hears that a
// question waits, without its words. No mail names the reporter to anyone but operators.
export const protectedReport: EmailDefinition<"protected-report"> = {
  subject: ({ t, data }) => t(`protected-report.${data.kind}.subject`, { counterpartName: data.counterpartName }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t(`protected-report.${data.kind}.heading`)}
      heading={t(`protected-report.${data.kind}.heading`)}
      reason={t(`protected-report.${data.kind}.reason`)}
    >
      <Paragraph>{t("protected-report.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t(`protected-report.${data.kind}.body`, { counterpartName: data.counterpartName })}</Paragraph>
      <Action t={t} href={data.url} label={t(`protected-report.${data.kind}.action`)} />
    </EmailLayout>
  ),
};
