import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

export const interactionLogged: EmailDefinition<"interaction-logged"> = {
  subject: ({ t, data }) => t("interaction-logged.subject", { loggedByOrganisation: data.loggedByOrganisation }),
  Component: ({ t, language, data }) => {
    const assessment =
      data.assessment === "concern"
        ? t("interaction-logged.concern", { category: t(`conduct:categories.${data.concernCategory}`) })
        : t("interaction-logged.inLine");
    return (
      <EmailLayout
        t={t}
        language={language}
        preview={t("interaction-logged.preview", { loggedByOrganisation: data.loggedByOrganisation })}
        heading={t("interaction-logged.heading", { loggedByOrganisation: data.loggedByOrganisation })}
        reason={t("interaction-logged.reason", { organisationName: data.counterpartName })}
      >
        <Paragraph>{t("interaction-logged.greeting", { name: data.name })}</Paragraph>
        <Paragraph>
          {t("interaction-logged.body", {
            loggedByName: data.loggedByName,
            loggedByOrganisation: data.loggedByOrganisation,
            organisationName: data.counterpartName,
            occurredAt: formatDateTime(data.occurredAt, language),
          })}
        </Paragraph>
        <Paragraph>
          <strong>{data.subject}</strong> — {assessment}
        </Paragraph>
        <Paragraph>{t("interaction-logged.next")}</Paragraph>
        <Action t={t} href={data.url} label={t("interaction-logged.action")} />
      </EmailLayout>
    );
  },
};
