import { describe, expect, it } from "vitest";
import type { EmailMessage } from "@emails/messages";
import { emailElement, renderEmail } from "@emails/render.server";
import { EmailLayout } from "@emails/layout";
import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import { LANGUAGES, type Language } from "~/i18n/resources";
import { fixedT } from "~/i18n/i18n";
import { VERIFY_EMAIL_LINK_HOURS } from "~/domain/email-links";
import { FACTOR_CHANGES } from "~/domain/two-factor";
import { VERIFY_EMAIL_TTL_MS } from "~/models/accounts.server";

const URL_ = "https://markedsdialog.example/some/link?token=abc";

function every(language: Language): EmailMessage[] {
  const base = { to: "someone@example.test", language };
  return [
    { ...base, template: "verify-email", data: { name: "Kari Nordmann", url: URL_ } },
    { ...base, template: "reset-password", data: { name: "Kari Nordmann", url: URL_ } },
    { ...base, template: "password-changed", data: { name: "Kari Nordmann" } },
    { ...base, template: "sso-unlinked", data: { name: "Kari Nordmann", provider: "Bergvik kommune" } },
    ...FACTOR_CHANGES.map((change) => ({ ...base, template: "factor-changed" as const, data: { name: "Kari Nordmann", change, passkey: "Jobb-PC" } })),
    {
      ...base,
      template: "invitation",
      data: { organisationName: "Bergvik kommune", inviterName: "Berit Innkjøp", role: "member", url: URL_, expiresAt: "2026-12-01T08:00:00Z" },
    },
    { ...base, template: "organisation-verified", data: { name: "Kari Nordmann", organisationName: "Bergvik kommune", url: URL_ } },
    { ...base, template: "organisation-rejected", data: { name: "Kari Nordmann", organisationName: "Bergvik kommune", reason: "Not a public body.\nSee the register." } },
    {
      ...base,
      template: "interaction-logged",
      data: {
        name: "Kari Nordmann",
        counterpartName: "Nordlys Helse AS",
        loggedByOrganisation: "Bergvik kommune",
        loggedByName: "Berit Innkjøp",
        subject: "Dialogmøte om trygghetsalarmer",
        assessment: "concern",
        concernCategory: "unpaid_advisory_work",
        occurredAt: "2026-11-20T13:30:00Z",
        url: URL_,
      },
    },
    {
      ...base,
      template: "interaction-answered",
      data: {
        name: "Berit Innkjøp",
        organisationName: "Bergvik kommune",
        answeredByOrganisation: "Nordlys Helse AS",
        answeredByName: "Viktor Leverandør",
        subject: "Dialogmøte om trygghetsalarmer",
        response: "dispute",
        account: "Vi ble bedt om en fullstendig løsningsbeskrivelse.",
        url: URL_,
      },
    },
    {
      ...base,
      template: "quiet-period-contact",
      data: { name: "Berit", buyerName: "Bergvik kommune", vendorName: "Nordlys Helse AS", eventTitle: "Medisineringsstøtte", subject: "Lunsj", occurredAt: "2026-11-20T11:00:00Z", url: URL_ },
    },
    { ...base, template: "code-version-published", data: { name: "Berit", organisationName: "Bergvik kommune", versionNumber: "2", summary: "Ny klausul om gaver.", url: URL_ } },
    ...(["registered", "waitlisted"] as const).flatMap((status) =>
      (["registration-confirmed", "registration-promoted"] as const).map((template) => ({
        ...base,
        template,
        data: { name: "Viktor", eventTitle: "Dialogmøte", buyerName: "Bergvik kommune", organisationName: "Nordlys Helse AS", status, startsAt: "2026-12-08T09:00:00Z", url: URL_ },
      })),
    ),
    {
      ...base,
      template: "event-amended",
      data: { name: "Viktor", eventTitle: "Dialogmøte", buyerName: "Bergvik kommune", reason: "Større rom.\nNy sal.", changes: [{ field: "Sted", before: "–", after: "Rådhuset" }, { field: "Starter", before: "8. desember 2026 kl. 10:00", after: "9. desember 2026 kl. 10:00" }], url: URL_ },
    },
    { ...base, template: "question-answered", data: { name: "Viktor", eventTitle: "Dialogmøte", buyerName: "Bergvik kommune", question: "Kreves FHIR R4?", answer: "Ja.", url: URL_ } },
    {
      ...base,
      template: "effort-requested",
      data: { name: "Viktor", buyerName: "Bergvik kommune", organisationName: "Nordlys Helse AS", title: "Demo av medisineringsstøtte", hoursPerVendor: 12, deadline: "2026-12-08T09:00:00Z", url: URL_ },
    },
    {
      ...base,
      template: "effort-request-document" as const,
      data: { name: "Viktor", buyerName: "Bergvik kommune", organisationName: "Nordlys Helse AS", title: "Skriftlig innspill", documentTitle: "Spørsmål", version: 2, changeNote: "Spørsmål 3 var uklart.\nNå presisert.", url: URL_ },
    },
    {
      ...base,
      template: "access-export-made" as const,
      data: { name: "Viktor", organisationName: "Nordlys Helse AS", buyerName: "Bergvik kommune", eventTitle: "RFI om hjemmeoppfølging", url: URL_ },
    },
    ...(["new", "answered", "question"] as const).map((kind) => ({
      ...base,
      template: "protected-report" as const,
      data: { kind, name: "Olga", counterpartName: "Bergvik kommune", url: URL_ },
    })),
    ...["Helse Vestfjord HF", ""].map((organiserName) => ({
      ...base,
      template: "consultation-invited" as const,
      data: { name: "Viktor", organisationName: "Nordlys Helse AS", organiserName, title: "Veikart for standarder", caseNumber: "26/1234", deadline: "2027-01-15T11:00:00Z", url: URL_ },
    })),
    {
      ...base,
      template: "consultation-withholding-refused",
      data: { name: "Viktor", organisationName: "Nordlys Helse AS", organiserName: "", title: "Samspillsnormer versjon 2", question: "Hva mener dere om klausul 3?", days: 7, url: URL_ },
    },
    ...[false, true].map((digest) => ({
      ...base,
      template: "vendor-activity" as const,
      data: {
        name: "Berit",
        buyerName: "Bergvik kommune",
        digest,
        items: [
          { kind: "question" as const, vendorName: "Nordlys Helse AS", title: "Dialogmøte", detail: "Kreves FHIR R4?\nOg HelseID?", at: "2026-12-08T09:00:00Z", url: `${URL_}&a=1` },
          { kind: "effort_declined" as const, vendorName: "Fjordtech AS", title: "Demo", detail: "Ikke kapasitet.", at: "2026-12-08T10:00:00Z", url: `${URL_}&a=2` },
          { kind: "registered" as const, vendorName: "Fjordtech AS", title: "Dialogmøte", detail: "", at: "2026-12-08T11:00:00Z", url: `${URL_}&a=3` },
        ].slice(0, digest ? 3 : 1),
        settingsUrl: URL_,
      },
    })),
    ...[0, 3].map((more) => ({
      ...base,
      template: "contract-tasks" as const,
      data: {
        name: "Berit",
        organisationName: "Bergvik kommune",
        tasks: [
          { kind: "record_call_off" as const, quarter: "2026-Q3", due: "2026-10-30", overdue: true, contractTitle: "Rammeavtale for digital hjemmeoppfølging", url: `${URL_}&c=1` },
          { kind: "decide_option" as const, number: 1, due: "2027-09-30", overdue: false, contractTitle: "Kjøp og drift av trygghetsalarmer", url: `${URL_}&c=2` },
        ],
        more,
        url: URL_,
      },
    })),
    {
      ...base,
      template: "follow-up-due",
      data: { name: "Viktor", title: "Send referat fra demo", dueOn: "2026-12-01", organisationName: "Nordlys Helse AS", counterpartName: "Bergvik kommune", url: URL_ },
    },
    ...(
      [
        ["received", "contact"],
        ["received", "admin"],
        ["due", "owner"],
        ["overdue", "lead"],
        ["assigned", "sender"],
        ["referred", "sender"],
        ["answered", "sender"],
        ["declined", "sender"],
      ] as const
    ).map(([kind, reason]) => ({
      ...base,
      template: "vendor-request" as const,
      data: { kind, reason, name: "Berit", vendorName: "Nordlys Helse AS", buyerName: "Bergvik kommune", subject: "Databehandleravtale", dueOn: "2026-12-10", detail: "Per eier avtalene.", url: URL_ },
    })),
    ...(["immediate", "daily"] as const).map((frequency) => ({
      ...base,
      template: "watch-digest" as const,
      data: {
        name: "Viktor",
        watchName: "Velferdsteknologi i Vestland",
        frequency,
        newEvents: [{ title: "Behovsmelding: trygghetsalarmer", buyerName: "Bergvik kommune", kind: "demand_notice", url: URL_ }],
        amendedEvents: [{ title: "Dialogmøte om journal", buyerName: "Helse Midtnord RHF", kind: "dialogue_meeting", url: `${URL_}&e=2`, reasons: ["Ny frist."] }],
        newConsultations: [{ title: "Høring: veikart for FHIR", organiserName: "Helse Vestfjord HF", deadline: "2027-01-15T11:00:00.000Z", url: `${URL_}&c=1` }],
        demandUrl: `${URL_}&list=1`,
        watchesUrl: `${URL_}&watches=1`,
        unsubscribeUrl: `${URL_}&unsubscribe=1`,
      },
    })),
  ];
}

describe("e-mail templates", () => {
  for (const language of LANGUAGES) {
    for (const message of every(language)) {
      it(`renders ${message.template} in ${language} with subject, HTML and text`, async () => {
        const { subject, html, text } = renderEmail(message);
        // A missing translation shows up as its key, e.g. "verify-email.subject".
        for (const part of [subject, html, text]) expect(part).not.toMatch(/\b(layout|roles|[a-z]+-[a-z]+|invitation)\.[a-zA-Z]+\b/);
        expect(subject.length).toBeGreaterThan(10);
        expect(subject).not.toContain("\n");
        expect(html).toMatch(new RegExp(`<html[^>]* lang="${language}"`));
        expect(html).toContain(`<title>`);
        expect(html).toContain("<h1");
        expect(text).toContain("Markedsdialog");
        if ("url" in message.data) {
          expect(html).toContain(`href="${URL_.replace(/&/g, "&amp;")}"`);
          expect(text).toContain(URL_);
        }
        expect(text).not.toMatch(/<[a-z]/i);
      });

      it(`renders ${message.template} in ${language} as React Email's streaming render does, without giving the thread away`, async () => {
        let turns = 0;
        let counting = true;
        const count = () => {
          turns += 1;
          if (counting) setImmediate(count);
        };
        setImmediate(count);
        const rendered = renderEmail(message);
        await Promise.resolve();
        counting = false;
        expect(turns).toBe(0);
        // The stream marks its Suspense boundary (`<!--$-->`, `<!--/$-->`) and where one text node
        // ends and the next begins (`<!-- -->`), for hydration, which a mail has no use for;
        // otherwise the two documents are the same, byte for byte.
        const streamed = await render(emailElement(message));
        expect(rendered.html).toBe(streamed.replace(/<!--(\$|\/\$| )-->/g, ""));
      });
    }
  }

  it("writes out each contract task with its quarter or option, its date and whether it is overdue", async () => {
    const { subject, text } = renderEmail({
      template: "contract-tasks",
      to: "x@example.test",
      language: "nb",
      data: {
        name: "Berit",
        organisationName: "Bergvik kommune",
        tasks: [
          { kind: "record_call_off", quarter: "2026-Q3", due: "2026-10-30", overdue: true, contractTitle: "Rammeavtale A", url: URL_ },
          { kind: "answer_call_off", quarter: "2026-Q4", due: "2027-01-30", overdue: false, contractTitle: "Rammeavtale B", url: URL_ },
        ],
        more: 1,
        url: URL_,
      },
    });
    expect(subject).toBe("Kontrakter: 3 oppgaver venter");
    expect(text).toContain("Registrer avropene for 3. kvartal 2026, også om ingenting ble kjøpt – frist 30. oktober 2026. Fristen er passert.");
    expect(text).toContain("Bekreft eller bestrid oppdragsgiverens tall for 4. kvartal 2026 – frist 30. januar 2027.");
    expect(text).toContain("Og 1 oppgave til.");
  });

  it("escapes what people typed and keeps line breaks in a rejection reason", async () => {
    const { html, text, subject } = renderEmail({
      template: "organisation-rejected",
      to: "x@example.test",
      language: "nb",
      data: { name: "<script>alert(1)</script>", organisationName: "A & B AS", reason: "Line one\nLine two" },
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Line one<br/>Line two");
    expect(text).toContain("Line one\nLine two");
    expect(subject).toBe("A & B AS ble ikke bekreftet som offentlig oppdragsgiver");
  });

  it("shows the invitation's role and expiry in the recipient's language and Oslo time", async () => {
    const message = every("en").find((m) => m.template === "invitation")!;
    const { text } = renderEmail(message);
    expect(text).toContain("Berit Innkjøp has invited you to become member of Bergvik kommune");
    expect(text).toContain("1 December 2026 at 09:00 CET");
  });
});

describe("the verification link's lifetime", () => {
  it("is the same in the e-mail, on the page and in the token the portal stores", async () => {
    const { text } = renderEmail({ to: "a@example.test", language: "nb", template: "verify-email", data: { name: "Kari", url: URL_ } });
    expect(text).toContain(`utløper etter ${VERIFY_EMAIL_LINK_HOURS} timer`);
    expect(fixedT("nb", "auth")("verify.sent", { email: "a@example.test", count: VERIFY_EMAIL_LINK_HOURS })).toContain(`gjelder i ${VERIFY_EMAIL_LINK_HOURS} timer`);
    expect(VERIFY_EMAIL_TTL_MS).toBe(VERIFY_EMAIL_LINK_HOURS * 3_600_000);
  });
});

describe("the frame around every e-mail", () => {
  it.each(LANGUAGES)("names the portal once, at the top, not again in every footer line (%s)", async (language) => {
    const translate = fixedT(language, "emails");
    const t = (key: string, options?: Record<string, unknown>) => String(translate(key, options));
    const frame: Parameters<typeof EmailLayout>[0] = { t, language, preview: "p", heading: "h", reason: "r", children: null };
    const html = await render(createElement(EmailLayout, frame));
    expect(toPlainText(html).match(/Markedsdialog\b/g)).toHaveLength(1);
  });
});
