import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Language } from "~/i18n/resources";
import type { EmailData, EmailTemplate } from "./messages";

/** Translate within the `emails` namespace; always a plain string. */
export type EmailT = (key: string, options?: Record<string, unknown>) => string;

export interface EmailProps<T extends EmailTemplate> {
  t: EmailT;
  language: Language;
  data: EmailData<T>;
}

/** One message: its subject line and its body. */
export interface EmailDefinition<T extends EmailTemplate> {
  subject: (props: EmailProps<T>) => string;
  Component: (props: EmailProps<T>) => ReactNode;
}

const colours = { brand: "#0b6b77", text: "#0f172a", muted: "#475569", rule: "#e2e8f0", page: "#f8fafc" };

const styles = {
  body: { backgroundColor: colours.page, color: colours.text, fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colours.rule}`, borderRadius: 8, maxWidth: 600, padding: "24px 32px" },
  brand: { color: colours.brand, fontSize: 18, fontWeight: 700, margin: 0 },
  heading: { color: colours.text, fontSize: 24, lineHeight: "32px", margin: "24px 0 16px" },
  text: { fontSize: 16, lineHeight: "24px", margin: "0 0 16px" },
  button: { backgroundColor: colours.brand, borderRadius: 6, color: "#ffffff", fontSize: 16, fontWeight: 700, padding: "12px 20px", textDecoration: "none" },
  fallback: { color: colours.muted, fontSize: 14, lineHeight: "20px", margin: "16px 0", wordBreak: "break-all" },
  link: { color: colours.brand, textDecoration: "underline" },
  footer: { color: colours.muted, fontSize: 13, lineHeight: "20px", margin: "0 0 8px" },
} satisfies Record<string, CSSProperties>;

/** The frame every message shares: portal name, heading, and a footer saying why it was sent. */
export function EmailLayout({
  t,
  language,
  preview,
  heading,
  reason,
  children,
}: {
  t: EmailT;
  language: Language;
  preview: string;
  heading: string;
  reason: string;
  children: ReactNode;
}) {
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t("layout.portal")}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colours.rule, margin: "24px 0" }} />
          <Section>
            <Text style={styles.footer}>{reason}</Text>
            <Text style={styles.footer}>{t("layout.automatic")}</Text>
            <Text style={styles.footer}>{t("layout.tagline")}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** A button-styled link, with the address written out for clients that block buttons. */
export function Action({ t, href, label }: { t: EmailT; href: string; label: string }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      {/* The text part already shows the address after the button's label. */}
      <Text style={styles.fallback} data-skip-in-text="true">
        {t("layout.linkFallback")}{" "}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
