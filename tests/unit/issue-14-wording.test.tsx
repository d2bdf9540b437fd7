import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { PrinciplesSource } from "~/components/forms";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { QuestionsSection } from "~/routes/events.$eventId/questions-section";
import type { ParticipationView } from "~/routes/events.$eventId/participation-view";

// Words issue 14 found untrue or missing, as a reader sees them rendered.

const render = (node: React.ReactNode, language: Language) => renderToStaticMarkup(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const anonymousView: ParticipationView = {
  counts: { registered: 2, waitlisted: 0 },
  capacity: null,
  attendeeLimit: null,
  published: true,
  open: true,
  signedIn: false,
  vendor: null,
  buyer: null,
  answers: [{ id: "a1", question: "Kreves HelseID?", answer: "Ja.", answeredAt: "2026-12-01T10:00:00.000Z" }],
};

describe("the event page's questions and answers, to an anonymous visitor who sees the answers", () => {
  it.each([
    ["nb", /synlige for alle som leser siden/, /publiseres til alle påmeldte leverandører/],
    ["en", /visible to anyone reading this page/, /published to every registered vendor/],
  ] as const)("says in %s that the answers are public, not only for registered vendors", (language, truth, old) => {
    const page = text(render(<QuestionsSection view={anonymousView} reply={undefined} language={language} />, language));
    expect(page).toContain("Kreves HelseID?");
    expect(page).toMatch(truth);
    expect(page).not.toMatch(old);
  });
});

describe("beside the publishing gate", () => {
  it.each([
    ["nb", /Direktoratet for e-helses utkast til prinsipper for bruk av markedet, som var på høring i 2022/],
    ["en", /Directorate of e-health's draft principles for use of the market, put out for consultation in 2022/],
  ] as const)("names where the principles come from in %s and links to what the portal enforces", (language, source) => {
    const markup = render(<PrinciplesSource />, language);
    expect(text(markup).replace(/&#x27;/g, "'")).toMatch(source);
    expect(markup).toContain('href="/conduct#principles"');
  });
});
