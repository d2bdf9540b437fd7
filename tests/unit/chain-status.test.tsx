import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ChainStatus } from "~/components/conduct/chain-status";
import type { ChainVerdict } from "~/domain/hash-chain";
import { createI18n } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";

const html = (verdict: ChainVerdict, language: Language) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StaticRouter location="/interactions">
        <ChainStatus verdict={verdict} />
      </StaticRouter>
    </I18nextProvider>,
  );

const text = (markup: string) => markup.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");

const broken: ChainVerdict = {
  ok: false,
  length: 4,
  brokenAt: 1,
  seq: 2,
  reason: "hash_mismatch",
  breaks: [
    { index: 1, seq: 2, reason: "hash_mismatch", row: { type: "entry", id: "e2", entryId: "e2" } },
    { index: 3, seq: 4, reason: "version_downgrade", row: { type: "response", id: "r4", entryId: "e9" } },
    { index: 4, seq: null, reason: "head_mismatch" },
  ],
};

describe("the chain status people read", () => {
  it("lists every break in bokmål with the row, linked to its entry, and why", () => {
    const markup = html(broken, "nb");
    expect(markup).toContain('role="alert"');
    expect(text(markup)).toBe(
      "|Kjeden er brutt 3 steder:|" +
        "Nr. 2 i kjeden, en oppføring|: innholdet stemmer ikke med hashen|" +
        "Nr. 4 i kjeden, et svar på en oppføring|: hashversjonen går tilbake: en rad som var hashet i sin helhet, er merket som hashet på den gamle måten|" +
        "Slutten av kjeden: oppføringer mangler på slutten|",
    );
    expect(markup).toContain('href="/interactions/e2"');
    // An answer's link opens the entry it answers.
    expect(markup).toContain('href="/interactions/e9"');
  });

  it("says the same in English, one break in the singular", () => {
    const one: ChainVerdict = { ...broken, breaks: [broken.breaks[1]!] };
    expect(text(html(one, "en"))).toBe(
      "|The chain is broken in one place:|No. 4 in the chain, an answer to an entry|: the hashing version goes back: a row hashed whole is labelled as hashed the old way|",
    );
  });

  it("says an intact chain is verified", () => {
    expect(text(html({ ok: true, length: 3, headHash: "0".repeat(64) }, "en"))).toBe("|Chain verified: 3 entries, no breaks.|");
  });
});
