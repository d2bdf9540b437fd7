import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { CONTRACT_FORMS } from "~/domain/contract";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { ContractStep } from "~/routes/+shared/event-editor/steps";
import { ContractSection } from "~/routes/events.$eventId/commitment-sections";
import type { EventView } from "~/routes/events.$eventId/presentation";

// The contract choice (issue 15, principle 2) as the pages show it: the guaranteed base period
// first, options apart and at the buyer's discretion, and which shortness applies, with numbers.

const html = (language: Language, node: ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/">{node}</StaticRouter>
    </I18nextProvider>,
  );

const event = (contract: Partial<EventView["contract"]>) =>
  ({
    contract: { form: "framework_agreement", baseMonths: null, optionMonths: null, horizonMonths: null, depreciationMonths: null, justification: null, ...contract },
  }) as unknown as EventView;

describe("the event page's contract section", () => {
  it("shows 12 guaranteed months short of a 120-month need, the 108 months of options at the buyer's discretion, and the justification", () => {
    const out = html("nb", <ContractSection event={event({ baseMonths: 12, optionMonths: 108, horizonMonths: 120, justification: "Nasjonal løsning ventes." })} />);
    expect(out).toContain("Garantert grunnperiode");
    expect(out).toContain("108 måneder, etter oppdragsgivers valg");
    expect(out).toContain("Den garanterte grunnperioden er kortere enn behovet varer (12 av 120 måneder).");
    expect(out).toContain("Opsjonene på 108 måneder er etter oppdragsgivers valg og teller ikke.");
    expect(out).toContain("Nasjonal løsning ventes.");
    expect(out).not.toContain("avskrivningstid (");
  });

  it("shows a base period short of the vendors' depreciation, in English too", () => {
    const out = html("en", <ContractSection event={event({ baseMonths: 60, optionMonths: 0, horizonMonths: 60, depreciationMonths: 84 })} />);
    expect(out).toContain("Vendors&#x27; depreciation period");
    expect(out).toContain("The guaranteed base period is shorter than the vendors&#x27; depreciation period (60 of 84 months).");
    expect(out).not.toContain("shorter than the need lasts");
    expect(out).toContain("Not given");
  });

  it("names no shortness for a base period as long as the need and the write-off", () => {
    const out = html("nb", <ContractSection event={event({ form: "project_contract", baseMonths: 72, optionMonths: 24, horizonMonths: 72, depreciationMonths: 60 })} />);
    expect(out).toContain("Prosjektkontrakt");
    expect(out).toContain("Lengste varighet, om alle opsjoner utløses");
    expect(out).not.toContain("kortere enn");
  });
});

describe("the form's contract step", () => {
  it("offers every form, project contract and strategic alliance among them, and asks for the depreciation period", () => {
    const out = html("nb", <ContractStep values={{}} errors={{ "contract.baseMonths": ["base_period_required"] }} />);
    for (const form of CONTRACT_FORMS) expect(out).toContain(`value="${form}"`);
    expect(out).toContain("Prosjektkontrakt");
    expect(out).toContain("Strategisk allianse");
    expect(out).toContain('name="contract.depreciationMonths"');
    expect(out).toContain("Etter oppdragsgivers valg");
    expect(out).toContain("Oppgi den garanterte grunnperioden");
  });
});
