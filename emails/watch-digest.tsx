import { Heading, Link, Section, Text } from "@react-email/components";
import { formatDateTime } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";
import type { WatchDigestData } from "./messages";

const sectionHeading = { fontSize: 18, lineHeight: "26px", margin: "24px 0 8px" };
const item = { fontSize: 16, lineHeight: "24px", margin: "0 0 12px" };
const muted = { color: "#475569", fontSize: 14 };
const link = { color: "#0b6b77", fontWeight: 700, textDecoration: "underline" };

const newsCount = (data: WatchDigestData) => data.newEvents.length + data.amendedEvents.length + (data.newConsultations?.length ?? 0);

export const watchDigest: EmailDefinition<"watch-digest"> = {
  subject: ({ t, data }) => t("watch-digest.subject", { watchName: data.watchName, count: newsCount(data) }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("watch-digest.preview", { count: newsCount(data) })}
      heading={t("watch-digest.heading", { watchName: data.watchName })}
      reason={t(`watch-digest.reason.${data.frequency}`, { watchName: data.watchName })}
    >
      <Paragraph>{t("watch-digest.greeting", { name: data.name })}</Paragraph>
      {data.newEvents.length > 0 ? (
        <Section>
          <Heading as="h2" style={sectionHeading}>
            {t("watch-digest.newHeading", { count: data.newEvents.length })}
          </Heading>
          {data.newEvents.map((event) => (
            <Text key={event.url} style={item}>
              <Link href={event.url} style={link}>
                {event.title}
              </Link>
              <br />
              <span style={muted}>
                {t(`common:kinds.${event.kind}`)} – {event.buyerName}
              </span>
            </Text>
          ))}
        </Section>
      ) : null}
      {data.amendedEvents.length > 0 ? (
        <Section>
          <Heading as="h2" style={sectionHeading}>
            {t("watch-digest.amendedHeading", { count: data.amendedEvents.length })}
          </Heading>
          {data.amendedEvents.map((event) => (
            <Text key={event.url} style={item}>
              <Link href={event.url} style={link}>
                {event.title}
              </Link>
              <br />
              <span style={muted}>
                {event.buyerName} – {t("watch-digest.reasonLabel")} {event.reasons.join(" / ")}
              </span>
            </Text>
          ))}
        </Section>
      ) : null}
      {data.newConsultations?.length ? (
        <Section>
          <Heading as="h2" style={sectionHeading}>
            {t("watch-digest.consultationsHeading", { count: data.newConsultations.length })}
          </Heading>
          {data.newConsultations.map((consultation) => (
            <Text key={consultation.url} style={item}>
              <Link href={consultation.url} style={link}>
                {consultation.title}
              </Link>
              <br />
              <span style={muted}>
                {consultation.organiserName} – {t("watch-digest.consultationDeadline", { deadline: formatDateTime(consultation.deadline, language) })}
              </span>
            </Text>
          ))}
        </Section>
      ) : null}
      <Action t={t} href={data.demandUrl} label={t("watch-digest.action")} />
      <Paragraph>
        {t("watch-digest.manage")}{" "}
        <Link href={data.watchesUrl} style={link}>
          {data.watchesUrl}
        </Link>
      </Paragraph>
      <Paragraph>
        {t("watch-digest.unsubscribe")}{" "}
        <Link href={data.unsubscribeUrl} style={link}>
          {data.unsubscribeUrl}
        </Link>
      </Paragraph>
    </EmailLayout>
  ),
};
