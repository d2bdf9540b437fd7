import { SEARCH_SYNONYMS } from "./search-synonyms";

// How a typed search becomes what the database looks for (issue 14). Norwegian joins words
// into compounds ("pasientjournal", "journalføring", "legemiddelhåndtering"), so a word
// searched for is matched as a stemmed word or word start in the `norwegian` full-text
// document, and, when it is long enough to mean something on its own, anywhere inside a
// word. Synonyms from the field (search-synonyms.ts) are searched beside what was typed.
//
// The syntax is what people already typed into websearch_to_tsquery: words (all must be
// found), "a phrase", -word (must not be found), `or` / `eller` between words (either),
// and a trailing * (a word start, also for short words).

/** One word as the search matches it: lower case, letters and digits, inner hyphens kept. */
export interface SearchWord {
  text: string;
  /** Also match words that start with it (the stemmed prefix in the full-text document). */
  prefix: boolean;
}

/** A word or a phrase (its words in order) that satisfies a group. */
export interface SearchAlternative {
  words: SearchWord[];
  /** Also match it anywhere inside a word (compounds): long enough not to match by accident. */
  inside: boolean;
  /** What was typed (true) or a synonym of it (false): synonyms rank lower. */
  typed: boolean;
}

/** Something that must be found (or, negated, must not be): any one of its alternatives. */
export interface SearchGroup {
  alternatives: SearchAlternative[];
  negated: boolean;
}

export interface ShapedSearch {
  groups: SearchGroup[];
}

/** Words shorter than this are matched as whole words or word starts only ("api" is not "terapi"). */
export const MIN_INSIDE_LENGTH = 4;
/** Words shorter than this are matched as whole words unless typed with * ("ki" is not "kirurgi"). */
export const MIN_PREFIX_LENGTH = 3;
/** At most this many groups are searched (the rest of a long text is left out): it bounds the query. */
export const MAX_SEARCH_GROUPS = 16;

// PostgreSQL's Norwegian stop words (tsearch_data/norwegian.stop): the full-text document
// leaves them out, so a group of one of them could never be found.
const STOP_WORDS = new Set(
  (
    "og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi min mitt ha " +
    "hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble " +
    "blei blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å " +
    "meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår hver hvem vors " +
    "hvis både bare enn fordi før mange også slik vært båe begge siden dykk dykkar dei deira deires deim di då eg ein " +
    "eit eitt elles honom hjå ho hoe henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst kven kvi " +
    "kvifor me medan mi mine mykje no nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte vort varte vart"
  ).split(" "),
);

const OR_WORDS = new Set(["or", "eller"]);

/** Lower case, composed (NFKC), every character that is not a letter, digit or inner hyphen a space. */
export function normaliseSearchText(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("nb")
    .replace(/[^\p{L}\p{N}-]+/gu, " ")
    .split(" ")
    .map((word) => word.replace(/-{2,}/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join(" ");
}

/** The words of a text as the search compares them. */
export function searchWords(text: string): string[] {
  const normalised = normaliseSearchText(text);
  return normalised ? normalised.split(" ") : [];
}

interface Token {
  words: string[];
  quoted: boolean;
  negated: boolean;
  star: boolean;
}

/** Splits what was typed into words and quoted phrases, each possibly negated or starred, and `or`s. */
function tokenise(q: string): (Token | "or")[] {
  const tokens: (Token | "or")[] = [];
  // A phrase in quotes (an unclosed quote runs to the end), or a run of anything but space.
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of q.normalize("NFKC").matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const words = searchWords(phrase);
      if (words.length) tokens.push({ words, quoted: true, negated: minus === "-", star: false });
      continue;
    }
    const raw = bare ?? "";
    const negated = /^-[^-]/u.test(raw);
    const star = /\*\s*$/u.test(raw);
    const words = searchWords(raw);
    if (!negated && words.length === 1 && OR_WORDS.has(words[0]!)) {
      tokens.push("or");
      continue;
    }
    // "journal*" and "KI-støttet" are one word; "a/b" or "a.b" are two.
    for (const [i, word] of words.entries()) {
      tokens.push({ words: [word], quoted: false, negated, star: star && i === words.length - 1 });
    }
  }
  return tokens;
}

function word(text: string, star: boolean): SearchWord {
  return { text, prefix: star || [...text].length >= MIN_PREFIX_LENGTH };
}

function alternative(words: string[], typed: boolean, star = false): SearchAlternative {
  const joined = words.join(" ");
  return {
    words: words.map((w, i) => word(w, star && i === words.length - 1)),
    inside: [...joined].length >= MIN_INSIDE_LENGTH,
    typed,
  };
}

interface SynonymEntry {
  readonly words: readonly string[];
  readonly group: number;
}

// A synonym table is fixed, and a search asks for its entries several times per request (issue 20:
// normalising the whole table showed in the profile of a text search), so each table's are made once.
const entriesOf = new WeakMap<readonly (readonly string[])[], readonly SynonymEntry[]>();

function synonymEntries(synonyms: readonly (readonly string[])[]): readonly SynonymEntry[] {
  let entries = entriesOf.get(synonyms);
  if (!entries) {
    entries = synonyms.flatMap((group, index) => group.map((entry) => ({ words: searchWords(entry), group: index })).filter((e) => e.words.length > 0));
    entriesOf.set(synonyms, entries);
  }
  return entries;
}

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/**
 * The synonym groups a typed word or phrase belongs to: it is one of the entries, or (a word
 * of at least MIN_INSIDE_LENGTH letters) the last part of a one-word compound entry, as
 * "journal" is of "pasientjournal": a pasientjournal is a journal, so the group is about it.
 */
export function synonymsOf(words: readonly string[], synonyms: readonly (readonly string[])[] = SEARCH_SYNONYMS): string[][] {
  const entries = synonymEntries(synonyms);
  const only = words.length === 1 ? words[0]! : null;
  const groups = new Set(
    entries
      .filter(
        (e) =>
          sameWords(e.words, words) ||
          (only !== null && [...only].length >= MIN_INSIDE_LENGTH && e.words.length === 1 && e.words[0] !== only && e.words[0]!.endsWith(only)),
      )
      .map((e) => e.group),
  );
  const out: string[][] = [];
  for (const e of entries) {
    if (!groups.has(e.group) || sameWords(e.words, words)) continue;
    if (!out.some((o) => sameWords(o, e.words))) out.push([...e.words]);
  }
  return out;
}

/** The longest run of unquoted words from `start` that is a multi-word synonym entry ("kunstig intelligens"), if any. */
function synonymPhraseAt(tokens: (Token | "or")[], start: number, entries: readonly SynonymEntry[]): number {
  let best = 1;
  for (const e of entries) {
    if (e.words.length <= best || start + e.words.length > tokens.length) continue;
    const run = tokens.slice(start, start + e.words.length);
    const fits = run.every((t, i) => t !== "or" && !t.quoted && !t.negated && !t.star && t.words[0] === e.words[i]);
    if (fits) best = e.words.length;
  }
  return best;
}

/**
 * What the database looks for when someone searches `q`: groups that must all be found
 * (negated ones must not), each satisfied by any of its alternatives — what was typed and
 * its synonyms. Stop words alone are left out; an empty result means "no text condition".
 */
export function shapeSearch(q: string, synonyms: readonly (readonly string[])[] = SEARCH_SYNONYMS): ShapedSearch {
  const tokens = tokenise(q);
  const entries = synonymEntries(synonyms);
  const groups: SearchGroup[] = [];
  let joinNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    let words = token.words;
    const run = synonymPhraseAt(tokens, i, entries);
    if (run > 1) {
      words = tokens.slice(i, i + run).map((t) => (t as Token).words[0]!);
      i += run - 1;
    }
    if (words.length === 1 && !token.star && STOP_WORDS.has(words[0]!)) continue;
    if (!joinNext && groups.length >= MAX_SEARCH_GROUPS) break;
    const alternatives = [alternative(words, true, token.star), ...synonymsOf(words, synonyms).map((w) => alternative(w, false))];
    const previous = groups.at(-1);
    if (joinNext && previous && previous.negated === token.negated) {
      for (const a of alternatives) if (!previous.alternatives.some((p) => sameAlternative(p, a))) previous.alternatives.push(a);
    } else {
      groups.push({ alternatives, negated: token.negated });
    }
    joinNext = false;
  }
  return { groups };
}

const sameAlternative = (a: SearchAlternative, b: SearchAlternative) =>
  sameWords(
    a.words.map((w) => w.text),
    b.words.map((w) => w.text),
  );

/** True when the search asks for something to be found (not only for something to be absent). */
export function searchFinds(search: ShapedSearch): boolean {
  return search.groups.some((g) => !g.negated);
}

/**
 * The alternative as a `to_tsquery` expression: its words in order (`<->`), each quoted and
 * a word start where allowed. Words hold only letters, digits and inner hyphens, so the
 * quoting cannot be escaped.
 */
export function tsqueryOf(a: SearchAlternative): string {
  return a.words.map((w) => `'${w.text}'${w.prefix ? ":*" : ""}`).join(" <-> ");
}

/** The alternative as a LIKE pattern over lower-case text ("%kurve og legemiddel%"), or null if it is too short to match inside words. */
export function likePatternOf(a: SearchAlternative): string | null {
  if (!a.inside) return null;
  return `%${a.words.map((w) => w.text.replace(/[\\%_]/g, (c) => `\\${c}`)).join(" ")}%`;
}

/**
 * Whether a short text (a CPV label with its code) matches the search: every group has an
 * alternative whose words all occur in the text, inside words included; no negated group
 * does. The browser's CPV picker filters with it, so it holds no I/O and no SQL.
 */
export function textMatchesSearch(text: string, search: ShapedSearch): boolean {
  const haystack = ` ${normaliseSearchText(text)} `;
  const found = (a: SearchAlternative) =>
    a.inside ? haystack.includes(a.words.map((w) => w.text).join(" ")) : a.words.every((w) => haystack.includes(w.prefix ? ` ${w.text}` : ` ${w.text} `));
  return search.groups.every((g) => g.alternatives.some(found) !== g.negated);
}
