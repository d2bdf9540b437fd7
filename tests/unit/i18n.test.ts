import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n/i18n";
import { resources } from "~/i18n/resources";
import { PROBLEM_NAMESPACES, problemKeys } from "~/i18n/problem-keys";
import { AUDIT_ACTIONS } from "~/models/audit.server";

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

  it("names every audit action in words on the audit pages, in both languages", () => {
    for (const language of ["nb", "en"] as const) {
      const labels = (resources[language].admin as { audit: { actions: Record<string, string> } }).audit.actions;
      expect(AUDIT_ACTIONS.filter((action) => !labels[action]), language).toEqual([]);
    }
  });

  it("speaks bokmål by default and English on request", () => {
    expect(createI18n("nb").t("nav.home")).toBe("Forside");
    expect(createI18n("en").t("nav.home")).toBe("Home");
  });

  it("names the effort request's team, not the event's, where a response page asks for the request's words (context)", () => {
    for (const language of ["nb", "en"] as const) {
      const t = createI18n(language).t;
      for (const key of ["buyer.inTeam", "buyer.notInTeam", "buyer.hiddenText", "buyer.hiddenAnswer", "buyer.hiddenDocument", "vendor.confidentialExplained"]) {
        expect(t(`responses:${key}`, { context: "request" }), key).not.toBe(t(`responses:${key}`));
      }
    }
    expect(createI18n("nb").t("responses:buyer.inTeam", { context: "request" })).toContain("forespørselens team");
  });

  it("interpolates without HTML-escaping (React escapes)", () => {
    expect(createI18n("nb").t("expectation.tenderQuarter", { quarter: 2, year: 2027 })).toBe("anbud 2. kvartal 2027");
  });
});

describe("problem codes in words", () => {
  it("says a generic form code (required, too_long, …) the same way on every page: no area namespace shadows it", () => {
    const generic = Object.keys(resources.nb.forms);
    for (const prefix of PROBLEM_NAMESPACES.filter((p) => p !== "forms")) {
      const [ns, key] = prefix.split(":") as [string, string];
      const area = (resources.nb as unknown as Record<string, Record<string, Record<string, unknown>>>)[ns]![key]!;
      expect(Object.keys(area).filter((code) => generic.includes(code)), prefix).toEqual([]);
    }
    const t = createI18n("nb").t;
    expect(t(problemKeys("required"))).toBe("Dette feltet må fylles ut.");
    expect(t(problemKeys("required", "organisations:formErrors"))).toBe("Dette feltet må fylles ut.");
  });
});
