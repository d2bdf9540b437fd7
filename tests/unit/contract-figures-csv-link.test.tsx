import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ContractFiguresSection } from "~/components/contract-figures";
import type { ContractFigures } from "~/domain/contracts";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";

// The scorecard's contract figures link the buyer's call-offs as open data (/buyers/{id}/call-offs.csv).

const figures = (quarters: number): ContractFigures => ({
  contracts: 1,
  realisation: { indicatedNok: 10_000_000, realisedNok: 3_000_000, share: 0.3, disputedQuarters: quarters ? 1 : 0, quarters },
  options: { exercised: 0, declined: 0, open: 0, share: null },
  capacity: { frameworks: 1, withoutCommitment: 1, share: 1 },
});
const row = { id: "c1", title: "Rammeavtale", type: "framework_agreement" as const, capacityWithoutCommitment: true, indicatedNok: 10_000_000, realisedNok: 3_000_000, share: 0.3, disputedQuarters: 1, quarters: 2 };

const html = (language: Language, quarters: number, url: string | null = "/buyers/bergvik-kommune/call-offs.csv") =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/buyers/bergvik-kommune">
        <ContractFiguresSection figures={figures(quarters)} contracts={[row]} language={language} callOffsCsvUrl={url ?? undefined} />
      </StaticRouter>
    </I18nextProvider>,
  );

describe("the call-offs CSV link on the buyer scorecard", () => {
  it("links the file as a download once a quarter is recorded, in bokmål and English", () => {
    expect(html("nb", 2)).toContain('<a href="/buyers/bergvik-kommune/call-offs.csv" class="font-medium text-brand-800 underline" download="">Last ned avropene per kvartal (CSV)</a>');
    expect(html("nb", 2)).toContain("uten partenes merknader og framstillinger");
    expect(html("en", 2)).toContain(">Download the call-offs per quarter (CSV)</a>");
  });

  it("has no link while nothing is recorded, or where no address is given", () => {
    expect(html("nb", 0)).not.toContain("call-offs.csv");
    expect(html("nb", 2, null)).not.toContain("call-offs.csv");
  });
});
