import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// An event has ended: closed, withdrawn, or its outcome recorded. Said to the vendors taking
// part (the chosen one in its own words) and to the people whose watch matched the event.
export const eventEnded: EmailDefinition<"event-ended"> = {
  subject: ({ t, data }) => t(`event-ended.subject.${data.ending}`, { eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t(`event-ended.subject.${data.ending}`, { eventTitle: data.eventTitle })}
      heading={t(`event-ended.subject.${data.ending}`, { eventTitle: data.eventTitle })}
      reason={t(`event-ended.reason.${data.recipient}`)}
    >
      <Paragraph>{t("event-ended.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t(`event-ended.body.${data.ending}`, { buyerName: data.buyerName, eventTitle: data.eventTitle })}</Paragraph>
      {data.why ? (
        <Paragraph>
          <strong>{t("event-ended.whyLabel")}</strong> {data.why}
        </Paragraph>
      ) : null}
      {data.recipient === "winner" ? <Paragraph>{t("event-ended.winner", { organisationName: data.organisationName })}</Paragraph> : null}
      {data.recipient === "participant" && data.ending === "procured" ? <Paragraph>{t("event-ended.notChosen")}</Paragraph> : null}
      <Action t={t} href={data.url} label={t("event-ended.action")} />
    </EmailLayout>
  ),
};
