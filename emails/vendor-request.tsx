import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";
import { formatDate } from "~/i18n/format";

// Requests from vendors: the buyer hears on arrival, the owner on the due date, the
// commercial lead when it is overdue, and the vendor each time the request moves on.
export const vendorRequest: EmailDefinition<"vendor-request"> = {
  subject: ({ t, data }) => t(`vendor-request.${data.kind}.subject`, { subject: data.subject, vendorName: data.vendorName, buyerName: data.buyerName }),
  Component: ({ t, language, data }) => {
    const values = { ...data, dueOn: data.dueOn ? formatDate(data.dueOn, language) : "" };
    return (
      <EmailLayout
        t={t}
        language={language}
        preview={t(`vendor-request.${data.kind}.preview`, values)}
        heading={t(`vendor-request.${data.kind}.heading`)}
        reason={t(`vendor-request.reason.${data.reason}`, values)}
      >
        <Paragraph>{t("vendor-request.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t(`vendor-request.${data.kind}.body`, values)}</Paragraph>
        {data.detail ? <Paragraph>{data.detail}</Paragraph> : null}
        <Action t={t} href={data.url} label={t("vendor-request.action")} />
      </EmailLayout>
    );
  },
};
