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
  it("sets each group's share beside the national one, and says so when no form is stated", () => {
    const mix = contractFormMix([{ form: "framework_agreement", count: 3 }, { form: "in_house", count: 1 }]);
    const nb = render("nb", <ContractFormMixSection mix={mix} language="nb" idPrefix="buyer" />);
    expect(nb).toContain("Kontraktsformer mot det nasjonale bildet");
    expect(nb).toMatch(/75\s?% \(3\) · nasjonalt 18\s?%/);
    expect(render("en", <ContractFormMixSection mix={mix} language="en" idPrefix="buyer" />)).toMatch(/nationally 50\s?%/);
    expect(render("nb", <ContractFormMixSection mix={contractFormMix([])} language="nb" idPrefix="buyer" />)).toContain("Ingen publiserte hendelser");
  });
});
