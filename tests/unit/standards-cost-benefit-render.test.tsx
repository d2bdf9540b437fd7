import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { CostBenefitInsights } from "~/components/cost-benefit-insights";
import { ReadinessChart } from "~/components/readiness-chart";
import { StandardMarks } from "~/components/standard-marks";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { CostBenefitStep } from "~/routes/+shared/event-editor/cost-benefit-step";
import { CostBenefitSection } from "~/routes/events.$eventId/cost-benefit-section";
import type { EventView } from "~/routes/events.$eventId/presentation";

// The pieces issue 19 adds to pages, rendered as the server sends them, in both languages.

const html = (language: Language, node: ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/">{node}</StaticRouter>
    </I18nextProvider>,
  );

const party = (name: string | null, sector: "municipality" | "health_trust" | null, sharePercent: number | null = null) => ({
  organisationId: name ? "11111111-1111-4111-8111-111111111111" : null,
  sector,
  name,
  slug: name ? "bergvik-kommune" : null,
  sharePercent,
});

describe("standards: marks and readiness", () => {
  it("names the origin and a national status in words, and leaves out 'none'", () => {
    expect(html("nb", <StandardMarks origin="norwegian" nationalStatus="mandatory" />)).toContain("Obligatorisk i Norge");
    expect(html("en", <StandardMarks origin="international" nationalStatus="none" />)).not.toContain("national status");
  });

  it("draws readiness as a stacked bar hidden from assistive technology, with the counts written out", () => {
    const out = html("nb", <ReadinessChart name="HL7 FHIR R4" counts={{ supported: 3, planned: 1, notSupported: 0 }} language="nb" />);
    expect(out).toContain('aria-hidden="true"');
    expect(out).toContain("Støtter i dag: <span");
    expect(out).toMatch(/Planlagt: <span[^>]*>1</);
    expect(html("en", <ReadinessChart name="DICOM" counts={undefined} language="en" />)).toContain("No vendor has said anything");
  });
});

describe("cost and benefit", () => {
  it("says plainly who bears the cost and where the benefit comes", () => {
    const event = {
      costBenefitParties: {
        costOwners: [party("Bergvik kommune", null, 80), party(null, "health_trust", 20)],
        benefitOwners: [party(null, "health_trust")],
        ownersDiffer: true,
      },
    } as unknown as EventView;
    const out = html("nb", <CostBenefitSection event={event} />);
    expect(out).toContain("Kostnaden bæres av");
    expect(out).toContain('href="/organisations/bergvik-kommune">Bergvik kommune</a> (80 %)');
    expect(out).toContain("(80 %)");
    expect(out).toContain("gevinsten kommer hos");
    expect(out).toContain("Helseforetak (HF)");
    expect(html("nb", <CostBenefitSection event={{ costBenefitParties: null } as unknown as EventView} />)).toBe("");
  });

  it("offers sectors and organisations in the form step, with errors by the field", () => {
    const out = html(
      "en",
      <CostBenefitStep values={{ "costBenefit.costOwners.0.party": "sector:municipality" }} errors={{ "costBenefit.costOwners": ["shares_must_sum_to_100"] }} organisations={[{ id: "o1", name: "Bergvik kommune" }]} />,
    );
    expect(out).toContain("Sector: Municipality");
    expect(out).toContain('value="organisation:o1"');
    expect(out).toContain("The shares of the cost must add up to 100 %.");
    expect(out).toContain("<legend");
  });

  it("lists /insights rows by paying sector with the share", () => {
    const out = html("nb", <CostBenefitInsights rows={[{ sector: "municipality", events: 4, differ: 3 }]} language="nb" />);
    expect(out).toContain("Kommune");
    expect(out).toContain("75");
  });
});
