import { describe, expect, it } from "vitest";
import { demoEvents } from "@db/seed/demo";
import { SCORECARD_EVENT_IDS, scorecardEvents } from "@db/seed/scorecard";
import { needsPilotTerms } from "~/domain/pilot";
import {
  checkDuplicatePilot,
  countsAsEarlierPilot,
  needSimilarity,
  needTerms,
  sameNeed,
  sharesCpvClass,
  SIMILARITY_THRESHOLD,
  similarPilots,
  type EarlierPilot,
} from "~/domain/pilot-similarity";

const now = new Date("2026-12-06T12:00:00Z");
const DAY = 86_400_000;
const metNotBought = { results: [{ result: "met" as const }, { result: "met" as const }], decision: "stopped" as const };

function earlier(overrides: Partial<EarlierPilot> = {}): EarlierPilot {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    title: "Utprøving av digitale fallsensorer i omsorgsboliger",
    description: "Fire måneders utprøving av fallsensorer i to omsorgsboliger, med opsjon på kjøp.",
    cpvCodes: ["33195000-3"],
    endedAt: new Date(now.getTime() - 130 * DAY),
    exit: metNotBought,
    ...overrides,
  };
}

describe("needTerms", () => {
  it("compares words by their first six letters and leaves out short words and what every pilot says", () => {
    expect([...needTerms("Utprøving av fallsensorer i omsorgsboliger")].sort()).toEqual(["fallse", "omsorg"]);
    expect(needTerms("fallsensor")).toEqual(needTerms("Fallsensorer"));
    expect(needTerms("Pilot: digital løsning fra leverandøren")).toEqual(new Set());
  });
});

describe("needSimilarity", () => {
  it("is the share of words two needs have in common (Dice), with the words", () => {
    expect(needSimilarity("fallsensorer i omsorgsboliger", "Fallsensor i omsorgsbolig")).toEqual({ score: 1, sharedTerms: ["fallse", "omsorg"] });
    expect(needSimilarity("fallsensorer i omsorgsboliger", "triage av henvisninger")).toEqual({ score: 0, sharedTerms: [] });
    expect(needSimilarity("", "")).toEqual({ score: 0, sharedTerms: [] });
  });
});

describe("sameNeed", () => {
  const need = { cpvCodes: ["33195000-3"], title: "Fallsensorer i omsorgsboliger", description: null };

  it("needs a shared CPV class as well as similar words", () => {
    expect(sharesCpvClass(["33195000-3"], ["33190000-8"])).toBe(true);
    expect(sharesCpvClass(["33195000-3"], ["48814000-7"])).toBe(false);
    expect(sameNeed(need, earlier())).not.toBeNull();
    expect(sameNeed({ ...need, cpvCodes: ["48814000-7"] }, earlier())).toBeNull();
    expect(sameNeed({ ...need, cpvCodes: [] }, earlier())).toBeNull();
  });

  it("does not match a different need in the same CPV class", () => {
    expect(sameNeed({ ...need, title: "Sensorbasert nattilsyn på sykehjem" }, earlier())).toBeNull();
  });

  it("needs a word in common in the titles: the same description in another pilot's house style is not the same need", () => {
    const boilerplate = "Vi ønsker innspill om integrasjon med eksisterende systemer og erfaringer fra andre kommuner.";
    const a = { cpvCodes: ["48814000-7"], title: "Digital hjemmeoppfølging", description: boilerplate };
    expect(needSimilarity(`${a.title}\n${boilerplate}`, `Elektronisk pasientjournal\n${boilerplate}`).score).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(sameNeed(a, { ...a, title: "Elektronisk pasientjournal" })).toBeNull();
    expect(sameNeed(a, { ...a, title: "Digital hjemmeoppfølging etter utskrivning" })).not.toBeNull();
  });
});

describe("countsAsEarlierPilot", () => {
  it("counts a pilot that met every criterion and was not bought, ended within 24 months", () => {
    expect(countsAsEarlierPilot(earlier(), now)).toBe(true);
    expect(countsAsEarlierPilot(earlier({ endedAt: new Date(now.getTime() - 700 * DAY) }), now)).toBe(true);
    expect(countsAsEarlierPilot(earlier({ endedAt: new Date(now.getTime() - 740 * DAY) }), now)).toBe(false);
  });

  it("leaves out a pilot that was bought, did not meet a criterion, has no exit record or is still running", () => {
    expect(countsAsEarlierPilot(earlier({ exit: { ...metNotBought, decision: "purchase_started" } }), now)).toBe(false);
    expect(countsAsEarlierPilot(earlier({ exit: { results: [{ result: "met" }, { result: "not_met" }], decision: "stopped" } }), now)).toBe(false);
    expect(countsAsEarlierPilot(earlier({ exit: null }), now)).toBe(false);
    expect(countsAsEarlierPilot(earlier({ endedAt: new Date(now.getTime() + DAY) }), now)).toBe(false);
  });
});

describe("similarPilots", () => {
  it("names the earlier pilots on the same need, most alike first, never the event itself", () => {
    const a = earlier({ id: "00000000-0000-4000-8000-00000000000a" });
    const b = earlier({ id: "00000000-0000-4000-8000-00000000000b", description: "Fallsensorer, alarmer, responssenter, varsling og journal i omsorgsboliger." });
    const need = { id: a.id, cpvCodes: ["33195000-3"], title: "Fallsensorer i omsorgsboliger", description: null };
    expect(similarPilots(need, [a, b], now).map((m) => m.id)).toEqual([b.id]);
    expect(similarPilots({ ...need, id: null }, [b, a], now).map((m) => m.id)).toEqual([a.id, b.id]);
  });
});

describe("checkDuplicatePilot", () => {
  it("asks why a new pilot is needed when earlier pilots were named, and only then", () => {
    expect(checkDuplicatePilot({ similar: ["x"], reason: " \u200b" })).toEqual({ ok: false, problems: [{ path: "pilotPath.duplicateReason", code: "duplicate_pilot_reason_required" }] });
    expect(checkDuplicatePilot({ similar: ["x"], reason: "Den forrige gjaldt omsorgsboliger; vi trenger sengepost." }).ok).toBe(true);
    expect(checkDuplicatePilot({ similar: [], reason: null }).ok).toBe(true);
  });
});

// The threshold's evidence (SIMILARITY_THRESHOLD's comment): every pair of the demo's pilots.
describe("the threshold on the demo data", () => {
  const orgId = (slug: string) => slug;
  const pilots = [...demoEvents(now, orgId), ...scorecardEvents(now, orgId)]
    .filter((e) => needsPilotTerms(e.kind, e.contractForm ?? null))
    .map((e) => ({ id: e.id, cpvCodes: (e.cpvCodes as string[] | undefined) ?? [], title: e.title, description: e.description ?? null }));
  const pairs = pilots.flatMap((a, i) => pilots.slice(i + 1).map((b) => ({ a, b, ...needSimilarity(`${a.title}\n${a.description ?? ""}`, `${b.title}\n${b.description ?? ""}`) })));
  const isDraftPair = (p: (typeof pairs)[number]) => [p.a.id, p.b.id].sort().join() === ["00000000-0000-4000-8000-000000000113", SCORECARD_EVENT_IDS.pilotOption].sort().join();

  it("matches the demo's draft fall-sensor pilot with the fall-sensor pilot, and no other pair", () => {
    expect(pilots.length).toBeGreaterThanOrEqual(6);
    const matches = pairs.filter((p) => sameNeed(p.a, p.b) !== null);
    expect(matches.map(isDraftPair)).toEqual([true]);
    expect(matches[0]!.score).toBeCloseTo(0.33, 2);
  });

  it("scores every other pair in a shared CPV class far below the threshold, and across classes the best is 0.29", () => {
    const sameClass = pairs.filter((p) => !isDraftPair(p) && sharesCpvClass(p.a.cpvCodes, p.b.cpvCodes));
    expect(sameClass.length).toBeGreaterThan(0);
    expect(Math.max(...sameClass.map((p) => p.score))).toBeLessThan(0.1);
    expect(Math.max(...pairs.filter((p) => !isDraftPair(p)).map((p) => p.score))).toBeCloseTo(0.29, 2);
    expect(SIMILARITY_THRESHOLD).toBe(0.25);
  });
});
