import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18n";
import { resources } from "~/i18n/resources";

function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value === "string") return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("has every bokmål string in English too, and none empty", () => {
    const nb = leaves(resources.nb).map(([k]) => k).sort();
    const en = leaves(resources.en).map(([k]) => k).sort();
    expect(en).toEqual(nb);
    for (const [key, text] of [...leaves(resources.nb), ...leaves(resources.en)]) {
      expect(text, key).toMatch(/\S/);
    }
  });

  it("speaks bokmål by default and English on request", () => {
    expect(createI18n("nb").t("nav.home")).toBe("Forside");
    expect(createI18n("en").t("nav.home")).toBe("Home");
  });

  it("interpolates without HTML-escaping (React escapes)", () => {
    expect(createI18n("nb").t("expectation.tenderQuarter", { quarter: 2, year: 2027 })).toBe("anbud 2. kvartal 2027");
  });
});
