import { Text } from "@react-email/components";
import { Fragment } from "react";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

const list = { fontSize: 16, lineHeight: "24px", margin: "0 0 16px", paddingLeft: 20 };
const quote = { borderLeft: "4px solid #0b6b77", fontSize: 16, lineHeight: "24px", margin: "0 0 16px", paddingLeft: 12 };

export const eventAmended: EmailDefinition<"event-amended"> = {
  subject: ({ t, data }) => t("event-amended.subject", { eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("event-amended.preview", { buyerName: data.buyerName })}
      heading={t("event-amended.heading", { eventTitle: data.eventTitle })}
      reason={t("event-amended.reason")}
    >
      <Paragraph>{t("event-amended.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("event-amended.body", { buyerName: data.buyerName, eventTitle: data.eventTitle })}</Paragraph>
      <Paragraph>
        <strong>{t("event-amended.reasonLabel")}</strong>
      </Paragraph>
      <Text style={quote}>
        {data.reason.split(/\r?\n/).map((line, i) => (
          <Fragment key={i}>
            {i > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Paragraph>
        <strong>{t("event-amended.changedLabel")}</strong>
      </Paragraph>
      <ul style={list}>
        {data.changes.map((change) => (
          <li key={change.field}>{t("event-amended.change", change)}</li>
        ))}
      </ul>
      <Action t={t} href={data.url} label={t("event-amended.action")} />
    </EmailLayout>
  ),
};
