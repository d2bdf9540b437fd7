import { metButNotBought, type CriterionJudgement, type PilotDecision } from "./pilot-exit";
import { isBlank, type GateResult, gateResult } from "./problems";

// næringsutvikling (issue 16, "pilotsyken"): buyers start new pilots on "akkurat de samme
// behovene" as pilots that met their criteria and were never bought (§4.8.2). Before a pilot,
// an R&D partnership or an innovation partnership is published, the portal names earlier pilots
// on the same need — the buyer's own or another buyer's — that met every criterion within the
// last 24 months and were not bought, and asks why a new pilot is needed. An answer is
// required, not a block; it is shown publicly with the event and in the pilot register.
//
// "The same need" is plain and explainable: the two share a CPV class (the first four digits),
// a word of their titles, and enough of the words of their need (title and description). Words are compared by their
// first six letters ("fallsensor" and "fallsensorer" are one word), leaving out short words and
// the words every pilot uses ("utprøving", "pilot", "leverandør"); the share of shared words is
// the Dice coefficient, 2·|A∩B| / (|A|+|B|), shown to the buyer with the words themselves.

/** How far back an earlier pilot counts: it ended within the last 24 months. */
export const SIMILAR_PILOT_MONTHS = 24;

/**
 * Dice coefficient from which two needs in the same CPV class are "the same need". Chosen from
 * the demo data (tests/unit/pilot-similarity.test.ts holds these figures): the demo's draft pilot
 * on fall sensors scores 0.33 against the fall-sensor pilot that met its criteria; the two demo
 * pilots that share a CPV class but not a need (sensor-based night supervision and fall sensors,
 * both 33195000) score 0; across CPV classes the highest pair scores 0.29 (a shared buyer name
 * and "utskrivning"), which is why the CPV class is required as well. 0.25 sits between. On the
 * scale data (db/seed/scale.ts: 16 titles and 4 shared boilerplate descriptions) the shared
 * descriptions alone put 8.6 % of pairs of different titles over the threshold; the title rule
 * takes that to none.
 */
export const SIMILARITY_THRESHOLD = 0.25;

/** Letters a word is compared by. */
const STEM_LENGTH = 6;
const MIN_WORD_LENGTH = 3;

// Words that say nothing about which need: Norwegian function words, and what every pilot,
// partnership and buyer says of itself.
const STOP_WORDS = [
  "og", "i", "på", "for", "av", "med", "til", "som", "en", "et", "ei", "den", "det", "de", "vi", "er", "å", "om", "fra", "ved",
  "har", "skal", "vil", "kan", "blir", "ble", "var", "eller", "men", "ikke", "også", "over", "under", "etter", "før", "inn", "ut",
  "hos", "alle", "andre", "samme", "hver", "vår", "våre", "dere", "deres", "seg", "sin", "sine", "sitt", "hvor", "hvordan", "hva",
  "når", "der", "her", "mot", "mellom", "uten", "gjennom", "per", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
  "måned", "måneder", "måneders", "uke", "uker", "år", "ønsker", "inviterer", "invitasjon",
  "utprøving", "utprøvingen", "utprøve", "prøve", "prøver", "prøvde", "pilot", "piloten", "piloter", "pilotering", "pilotprosjekt",
  "prosjekt", "prosjektet", "innovasjonspartnerskap", "partnerskap", "partnerskapet", "samarbeid", "fou", "fou-samarbeid",
  "leverandør", "leverandøren", "leverandører", "leverandørene", "deltakende", "kommune", "kommunen", "kommunens", "sykehus",
  "helseforetak", "helse", "pasient", "pasienter", "pasientene", "løsning", "løsningen", "løsninger", "digital", "digitale", "digitalt", "ny", "nye", "nytt",
];
const STOP_STEMS = new Set(STOP_WORDS.map(stem));

function stem(word: string): string {
  return [...word].slice(0, STEM_LENGTH).join("");
}

/** The words of a need, each by its first six letters, without the words every pilot uses. */
export function needTerms(text: string): Set<string> {
  const words = text.normalize("NFKC").toLowerCase().match(/\p{L}+/gu) ?? [];
  return new Set(words.filter((w) => [...w].length >= MIN_WORD_LENGTH && !STOP_WORDS.includes(w)).map(stem).filter((s) => !STOP_STEMS.has(s)));
}

/** The CPV class of a code: its first four digits ("33195000-3" → "3319"). */
export function cpvClass(code: string): string {
  return code.slice(0, 4);
}

export function sharesCpvClass(a: readonly string[], b: readonly string[]): boolean {
  const classes = new Set(a.map(cpvClass));
  return b.some((code) => classes.has(cpvClass(code)));
}

/** How alike two needs read: the Dice coefficient of their terms (0 to 1) and the terms they share, sorted. */
export function needSimilarity(a: string, b: string): { score: number; sharedTerms: string[] } {
  const ta = needTerms(a);
  const tb = needTerms(b);
  const shared = [...ta].filter((term) => tb.has(term)).sort();
  const total = ta.size + tb.size;
  return { score: total === 0 ? 0 : (2 * shared.length) / total, sharedTerms: shared };
}

/** A need as compared: its CPV codes and its words. */
export interface Need {
  cpvCodes: readonly string[];
  title: string;
  description: string | null;
}

const needText = (need: Need) => `${need.title}\n${need.description ?? ""}`;

/**
 * The same need: a shared CPV class, a word in common in the titles (the title names the need;
 * two descriptions in the same house style alone are not the same need), and a similarity at or
 * above the threshold. An event without CPV codes is never matched.
 */
export function sameNeed(a: Need, b: Need): { score: number; sharedTerms: string[] } | null {
  if (!sharesCpvClass(a.cpvCodes, b.cpvCodes)) return null;
  if (needSimilarity(a.title, b.title).sharedTerms.length === 0) return null;
  const similarity = needSimilarity(needText(a), needText(b));
  return similarity.score >= SIMILARITY_THRESHOLD ? similarity : null;
}

/** An earlier pilot that may be named: how it ended, and when. */
export interface EarlierPilot extends Need {
  id: string;
  endedAt: Date | null;
  exit: { results: readonly Pick<CriterionJudgement, "result">[]; decision: PilotDecision } | null;
}

/** It met every criterion and was not bought, and ended within the last 24 months. */
export function countsAsEarlierPilot(pilot: Pick<EarlierPilot, "endedAt" | "exit">, now: Date): boolean {
  if (pilot.exit === null || pilot.endedAt === null || !metButNotBought(pilot.exit)) return false;
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - SIMILAR_PILOT_MONTHS);
  return pilot.endedAt >= since && pilot.endedAt <= now;
}

export interface SimilarPilotMatch {
  id: string;
  score: number;
  sharedTerms: string[];
}

/** The earlier pilots on the same need as `need`, most alike first (the event itself is never its own match). */
export function similarPilots(need: Need & { id: string | null }, earlier: readonly EarlierPilot[], now: Date): SimilarPilotMatch[] {
  return earlier
    .filter((p) => p.id !== need.id && countsAsEarlierPilot(p, now))
    .flatMap((p) => {
      const match = sameNeed(need, p);
      return match ? [{ id: p.id, ...match }] : [];
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

export const DUPLICATE_REASON_MAX = 2000;

/** Publishing asks why a new pilot is needed when earlier pilots on the same need were named. */
export function checkDuplicatePilot({ similar, reason }: { similar: readonly unknown[]; reason: string | null | undefined }): GateResult<"duplicate_pilot_reason_required"> {
  return gateResult(similar.length > 0 && isBlank(reason) ? [{ path: "pilotPath.duplicateReason", code: "duplicate_pilot_reason_required" as const }] : []);
}
