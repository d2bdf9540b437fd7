import { Text } from "@react-email/components";
import { Fragment } from "react";
import { EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const organisationRejected: EmailDefinition<"organisation-rejected"> = {
  subject: ({ t, data }) => t("organisation-rejected.subject", { organisationName: data.organisationName }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("organisation-rejected.preview")}
      heading={t("organisation-rejected.heading", { organisationName: data.organisationName })}
      reason={t("organisation-rejected.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("organisation-rejected.greeting", { name: data.name })}</Paragraph>
      <Paragraph>{t("organisation-rejected.body", { organisationName: data.organisationName })}</Paragraph>
      <Paragraph>
        <strong>{t("organisation-rejected.reasonLabel")}</strong>
      </Paragraph>
      <Text style={{ borderLeft: "4px solid #0b6b77", fontSize: 16, lineHeight: "24px", margin: "0 0 16px", paddingLeft: 12 }}>
        {data.reason.split(/\r?\n/).map((line, i) => (
          <Fragment key={i}>
            {i > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Paragraph>{t("organisation-rejected.next")}</Paragraph>
    </EmailLayout>
  ),
};
