import { Text } from "@react-email/components";
import { Fragment } from "react";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

const quote = { borderLeft: "4px solid #0b6b77", fontSize: 16, lineHeight: "24px", margin: "0 0 16px", paddingLeft: 12 };

function Lines({ text }: { text: string }) {
  return (
    <Text style={quote}>
      {text.split(/\r?\n/).map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </Text>
  );
}

// likebehandling: the same text to every vendor taking part, never naming who asked.
export const questionAnswered: EmailDefinition<"question-answered"> = {
  subject: ({ t, data }) => t("question-answered.subject", { eventTitle: data.eventTitle }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("question-answered.preview", { buyerName: data.buyerName })}
      heading={t("question-answered.heading")}
      reason={t("question-answered.reason")}
    >
      <Paragraph>{t("question-answered.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("question-answered.body", { buyerName: data.buyerName, eventTitle: data.eventTitle })}</Paragraph>
      <Paragraph>
        <strong>{t("question-answered.questionLabel")}</strong>
      </Paragraph>
      <Lines text={data.question} />
      <Paragraph>
        <strong>{t("question-answered.answerLabel")}</strong>
      </Paragraph>
      <Lines text={data.answer} />
      <Action t={t} href={data.url} label={t("question-answered.action")} />
    </EmailLayout>
  ),
};
