import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ContractFormMixSection } from "~/components/contract-form-mix";
import { ProcuredValueSources } from "~/components/procured-value-sources";
import { contractFormMix } from "~/domain/contract-mix";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";

// Issue 15 on the buyer scorecard: the purchases behind "Kjøpt mot erklært verdi", linked, and the
// contract-form mix beside the national picture, in bokmål and English.

const render = (language: Language, node: JSX.Element) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/buyers/bergvik-kommune">{node}</StaticRouter>
    </I18nextProvider>,
  );

const source = { id: "e1", title: "Rammeavtale for pasientvarsling", status: "uncertain" as const, declaredQuarter: "2026-Q1", declaredNok: 2_000_000, procuredNok: 1_900_000, ratio: 0.95 };

describe("the purchases behind the procured-against-declared figure", () => {
  it("links each event with what was declared and bought", () => {
    const nb = render("nb", <ProcuredValueSources sources={[source]} language="nb" />);
    expect(nb).toMatch(/<a [^>]*href="\/events\/e1"/);
    expect(nb).toContain("Innkjøpene bak tallet");
    expect(nb).toContain("Usikker");
    expect(nb).toMatch(/95\s?%/);
    expect(render("en", <ProcuredValueSources sources={[source]} language="en" />)).toContain("The purchases behind the figure");
  });

  it("shows nothing without sources", () => {
    expect(render("nb", <ProcuredValueSources sources={[]} language="nb" />)).toBe("");
  });
});

describe("the contract-form mix", () => {
  it("sets each group's share of declared value beside the national share of spend, and its share of events apart, and says so when no form is stated", () => {
    const mix = contractFormMix([
      { form: "framework_agreement", count: 3, valued: 3, declaredNok: 1_000_000 },
      { form: "in_house", count: 1, valued: 1, declaredNok: 3_000_000 },
    ]);
    const nb = render("nb", <ContractFormMixSection mix={mix} language="nb" idPrefix="buyer" />);
    expect(nb).toContain("Kontraktsformer mot det nasjonale bildet");
    expect(nb).toContain("Andel av erklært verdi, ved siden av nasjonal andel av pengebruk (sammenlignbare)");
    expect(nb).toContain("Andel av hendelser (ikke sammenlignbar med det nasjonale anslaget)");
    expect(nb).toMatch(/4 av 4 hendelser med oppgitt kontraktsform oppgir forventet verdi, til sammen 4\s?000\s?000/);
    // The table row for market contracts: 75 % of the events, 25 % of the value, 18 % nationally.
    const market = nb.slice(nb.indexOf(">Markedskontrakter</th>"));
    expect(market).toMatch(/^>Markedskontrakter<\/th><td[^>]*>75\s?% \(3\)<\/td><td[^>]*>25\s?% \(1\s?000\s?000[^<]*\)<\/td><td[^>]*>18\s?%<\/td>/);
    // The charts are images with every value in their text alternative.
    expect(nb).toMatch(/role="img" aria-label="[^"]*Markedskontrakter – andel av verdi: 25\s?%/);
    const en = render("en", <ContractFormMixSection mix={mix} language="en" idPrefix="buyer" />);
    expect(en).toContain("Nationally, share of spend");
    expect(en).toMatch(/In-house – nationally: 50\s?%/);
    expect(render("nb", <ContractFormMixSection mix={contractFormMix([])} language="nb" idPrefix="buyer" />)).toContain("Ingen publiserte hendelser");
  });

  it("shows the share of events alone when no event declares a value", () => {
    const nb = render("nb", <ContractFormMixSection mix={contractFormMix([{ form: "project_contract", count: 2, valued: 0, declaredNok: 0 }])} language="nb" idPrefix="buyer" />);
    expect(nb).toContain("andelen av verdi kan ikke regnes ut");
    expect(nb).not.toContain("Andel av erklært verdi, ved siden av");
    expect(nb).toContain("Andel av hendelser (ikke sammenlignbar");
  });
});
