import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n, fixedT } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
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

describe("one translate function per language and namespace (issue 20: render cost)", () => {
  it("gives the same function to every caller, and a plain key's text on every call", () => {
    expect(fixedT("nb", "common")).toBe(fixedT("nb", "common"));
    expect(fixedT("nb")).toBe(fixedT("nb", "common"));
    for (let i = 0; i < 3; i++) {
      expect(fixedT("nb")("nav.home")).toBe("Forside");
      expect(fixedT("en")("nav.home")).toBe("Home");
      expect(fixedT("nb", "errors")("common:nav.home")).toBe("Forside");
    }
  });

  it("answers as i18next does: interpolation, plurals, context, key lists, default values, objects", () => {
    for (const language of ["nb", "en"] as const) {
      const i18n = createI18n(language);
      const t = fixedT(language, "responses");
      expect(t("buyer.inTeam", { context: "request" })).toBe(i18n.t("responses:buyer.inTeam", { context: "request" }));
      expect(fixedT(language)("effort.hoursPerVendor", { count: 8 })).toBe(i18n.t("effort.hoursPerVendor", { count: 8 }));
      expect(fixedT(language)(problemKeys("required"))).toBe(i18n.t(problemKeys("required")));
      expect(fixedT(language)(["no.such.key", "nav.home"])).toBe(i18n.t("nav.home"));
      expect(fixedT(language)("no.such.key", "a default")).toBe("a default");
      expect(fixedT(language)("no.such.key", { defaultValue: "a default" })).toBe("a default");
    }
    expect(fixedT("nb")("expectation.tenderQuarter", { quarter: 2, year: 2027 })).toBe("anbud 2. kvartal 2027");
    // An object (returnObjects) is the caller's own copy each time: changing one leaves the next alone.
    const first = fixedT("en")("nav") as unknown as Record<string, string>;
    first.home = "changed";
    expect((fixedT("en")("nav") as unknown as Record<string, string>).home).toBe("Home");
  });

  it("hands components the function of the provider's language and the first namespace named", () => {
    function Probe() {
      const { t, i18n } = useTranslation(["errors", "common"]);
      return (
        <p>
          {i18n.language}|{t("notFound.title")}|{t("common:nav.home")}
        </p>
      );
    }
    const render = (language: "nb" | "en") =>
      renderToStaticMarkup(
        <I18nextProvider i18n={createI18n(language)}>
          <Probe />
        </I18nextProvider>,
      );
    expect(render("nb")).toBe(`<p>nb|${createI18n("nb").t("errors:notFound.title")}|Forside</p>`);
    expect(render("en")).toBe(`<p>en|${createI18n("en").t("errors:notFound.title")}|Home</p>`);
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
