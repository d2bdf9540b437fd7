import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ConsultationResult, type ListedConsultation } from "~/components/consultation-result";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";

// An open consultation among /demand's results (issue 18), as a reader sees it.

const render = (item: ListedConsultation, language: Language) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/demand">
        <ConsultationResult item={item} />
      </StaticRouter>
    </I18nextProvider>,
  );
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const roadmap: ListedConsultation = {
  id: "00000000-0000-4000-8000-000000000c01",
  title: "Endringer i standardveikartet 2027–2029",
  caseNumber: "26/4471",
  subject: "standards_roadmap",
  buyerName: "Helse Vestfjord HF",
  deadline: "2027-01-12T09:00:00.000Z",
  effortLevel: "light",
  hoursPerResponder: 4,
};

describe("a consultation in the demand list", () => {
  it.each([
    ["nb", ["Høring · Endring i standardveikart", "Holdes av: Helse Vestfjord HF", "Høringsfrist: ", "Lett innsats · inntil 4 timer", "Saksnummer: 26/4471"]],
    ["en", ["Consultation · ", "Held by: Helse Vestfjord HF", "Consultation deadline: ", "Case number: 26/4471"]],
  ] as const)("says in %s what it is, who holds it, the deadline and the effort, and links to it", (language, phrases) => {
    const markup = render(roadmap, language);
    for (const phrase of phrases) expect(text(markup)).toContain(phrase);
    expect(markup).toContain(`href="/consultations/${roadmap.id}"`);
  });

  it("names the operators for the portal's own consultations", () => {
    expect(text(render({ ...roadmap, buyerName: null, subject: "conduct_version" }, "nb"))).toContain("Holdes av: Markedsdialogs operatører");
  });
});
