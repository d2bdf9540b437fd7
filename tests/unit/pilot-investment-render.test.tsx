import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { summariseCorrections } from "~/domain/pilot-investment";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import type { EventView } from "~/routes/events.$eventId/presentation";
import { PilotPathSection } from "~/routes/events.$eventId/requirement-sections";

// Issue 16: the vendors' corrections of a pilot's expected investment, inline on the event page:
// count, median and range to all, each vendor's name and figure to the buyer's members.

const event = {
  id: "p1",
  kind: "pilot",
  status: "published",
  contract: { form: null },
  similarPilots: [],
  pilotPath: {
    plan: "none_planned",
    acceptanceCriteria: [{ measure: "Andel fall oppdaget", threshold: "Minst 90 %", method: "Logg", judgedBy: "Fagråd" }],
    funding: [],
    budgetEarmarked: null,
    vendorInvestmentHours: 150,
    vendorInvestmentNok: null,
  },
} as unknown as EventView;

const corrections = [
  { organisationId: "o1", organisationName: "Omsorgsdata AS", hours: 100, nok: null, note: null, correctedAt: "2026-12-01T10:00:00.000Z" },
  { organisationId: "o2", organisationName: "Sensorteknikk AS", hours: 260, nok: 50_000, note: "Integrasjonen kommer i tillegg.", correctedAt: "2026-12-02T10:00:00.000Z" },
];

const html = (language: Language, withNames: boolean) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/events/p1">
        <PilotPathSection event={event} investment={{ summary: summariseCorrections(corrections), corrections: withNames ? corrections : null }} />
      </StaticRouter>
    </I18nextProvider>,
  );

describe("the vendors' corrections on the event page", () => {
  it("shows everyone the count, the median and the range, without names", () => {
    const out = html("nb", false);
    expect(out).toContain("Leverandører som har korrigert anslaget");
    expect(out).toContain("180 timer (100 timer–260 timer, n = 2)");
    expect(out).not.toContain("Sensorteknikk AS");
    expect(html("en", false)).toContain("Vendors that corrected the estimate");
  });

  it("names each vendor's figure and note to the buyer's members", () => {
    const out = html("nb", true);
    expect(out).toContain("Sensorteknikk AS");
    expect(out).toContain("Integrasjonen kommer i tillegg.");
  });
});
