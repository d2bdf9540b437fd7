import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// Joint demand with consent (issue 19): an invited buyer's admins are asked to accept or decline,
// and the lead's admins hear when another buyer asks to join an event open to join.
export const coBuyer: EmailDefinition<"co-buyer"> = {
  subject: ({ t, data }) => t(`co-buyer.${data.kind}.subject`, { otherName: data.otherName, eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t(`co-buyer.${data.kind}.preview`, { otherName: data.otherName })}
      heading={t(`co-buyer.${data.kind}.heading`)}
      reason={t("co-buyer.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("co-buyer.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t(`co-buyer.${data.kind}.body`, { otherName: data.otherName, organisationName: data.organisationName, eventTitle: data.eventTitle })}</Paragraph>
      <Action t={t} href={data.url} label={t(`co-buyer.${data.kind}.action`)} />
    </EmailLayout>
  ),
};
