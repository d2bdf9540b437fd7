import { Link, Text } from "@react-email/components";
import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// To a member of a buyer organisation: what vendors did (app/domain/vendor-activity.ts), one
// item when they hear at once, the day's items in the morning digest. Each item links to where
// the buyer acts on it (the questions to answer, the participants, the request).

const item = { fontSize: 16, lineHeight: "24px", margin: "0 0 16px" };
const muted = { color: "#475569", fontSize: 14 };
const quote = { borderLeft: "4px solid #0b6b77", margin: "4px 0 0", paddingLeft: 12, whiteSpace: "pre-line" as const };
const link = { color: "#0b6b77", fontWeight: 700, textDecoration: "underline" };

export const vendorActivity: EmailDefinition<"vendor-activity"> = {
  subject: ({ t, data }) => {
    const [first] = data.items;
    if (data.digest || !first) return t("vendor-activity.digestSubject", { count: data.items.length });
    return t("vendor-activity.subject", { vendorName: first.vendorName, what: t(`vendor-activity.kinds.${first.kind}`, { title: first.title }) });
  },
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("vendor-activity.preview", { buyerName: data.buyerName })}
      heading={t(data.digest ? "vendor-activity.digestHeading" : "vendor-activity.heading")}
      reason={t("vendor-activity.reason", { buyerName: data.buyerName })}
    >
      <Paragraph>{t("vendor-activity.greeting", { name: data.name })}</Paragraph>
      {data.items.map((entry, i) => (
        <Text key={`${entry.url}-${i}`} style={item}>
          <strong>{entry.vendorName}</strong> {t(`vendor-activity.kinds.${entry.kind}`, { title: entry.title })}
          <br />
          <span style={muted}>{formatDateTime(entry.at, language)}</span>
          {entry.detail ? (
            <>
              <br />
              <span style={muted}>{t(entry.kind === "question" ? "vendor-activity.questionLabel" : "vendor-activity.reasonLabel")}</span>
              <span style={{ display: "block", ...quote }}>{entry.detail}</span>
            </>
          ) : null}
          <br />
          <Link href={entry.url} style={link}>
            {t("vendor-activity.open")}
          </Link>
        </Text>
      ))}
      <Action t={t} href={data.settingsUrl} label={t("vendor-activity.settings")} />
    </EmailLayout>
  ),
};
