import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition, type EmailProps } from "./layout";

function values({ t, language, data }: EmailProps<"invitation">) {
  return {
    inviterName: data.inviterName,
    organisationName: data.organisationName,
    role: t(`roles.${data.role}`),
    expiresAt: formatDateTime(data.expiresAt, language),
  };
}

export const invitation: EmailDefinition<"invitation"> = {
  subject: (props) => props.t("invitation.subject", values(props)),
  Component: (props) => {
    const { t, language, data } = props;
    const v = values(props);
    return (
      <EmailLayout
        t={t}
        language={language}
        preview={t("invitation.preview", v)}
        heading={t("invitation.heading", v)}
        reason={t("invitation.reason", v)}
      >
        <Paragraph>{t("invitation.body", v)}</Paragraph>
        <Action t={t} href={data.url} label={t("invitation.action")} />
        <Paragraph>{t("invitation.expiry", v)}</Paragraph>
      </EmailLayout>
    );
  },
};
