import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

type Key = "registration-confirmed" | "registration-promoted";

function definition<T extends Key>(key: T): EmailDefinition<T> {
  return {
    subject: ({ t, data }) => t(`${key}.subject.${data.status}`, { eventTitle: data.eventTitle }),
    Component: ({ t, language, data }) => (
      <EmailLayout
        t={t}
        language={language}
        preview={t(`${key}.preview.${data.status}`, { eventTitle: data.eventTitle })}
        heading={t(`${key}.heading.${data.status}`)}
        reason={t(`${key}.reason`, { organisationName: data.organisationName })}
      >
        <Paragraph>{t(`${key}.greeting`, { name: data.name })}</Paragraph>
        <Paragraph>
          {t(`${key}.body.${data.status}`, { organisationName: data.organisationName, eventTitle: data.eventTitle, buyerName: data.buyerName })}
        </Paragraph>
        {data.startsAt ? <Paragraph>{t(`${key}.startsAt`, { startsAt: formatDateTime(data.startsAt, language) })}</Paragraph> : null}
        {data.status === "registered" ? <Paragraph>{t(`${key}.calendar`)}</Paragraph> : null}
        <Action t={t} href={data.url} label={t(`${key}.action`)} />
      </EmailLayout>
    ),
  };
}

export const registrationConfirmed = definition("registration-confirmed");
export const registrationPromoted = definition("registration-promoted");
