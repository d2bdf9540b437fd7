import { describe, expect, it } from "vitest";
import { CPV_CODES } from "~/domain/cpv";
import {
  likePatternOf,
  MAX_SEARCH_GROUPS,
  normaliseSearchText,
  searchFinds,
  shapeSearch,
  synonymsOf,
  textMatchesSearch,
  tsqueryOf,
  type ShapedSearch,
} from "~/domain/search-query";

const typed = (search: ShapedSearch) => search.groups.map((g) => g.alternatives.filter((a) => a.typed).map((a) => a.words.map((w) => w.text).join(" ")));
const alternatives = (search: ShapedSearch, group = 0) => search.groups[group]!.alternatives.map((a) => a.words.map((w) => w.text).join(" "));

describe("shaping a search", () => {
  it("lower-cases, composes and splits on anything but letters, digits and inner hyphens", () => {
    expect(normaliseSearchText("  Legemiddel/KULE, «e-resept»  -- ÅPEN ")).toBe("legemiddel kule e-resept åpen");
    expect(normaliseSearchText("Ａ\u0301")).toBe("á");
  });

  it("makes every word a group that must be found, leaving Norwegian stop words out", () => {
    expect(typed(shapeSearch("kurve og legemiddel"))).toEqual([["kurve"], ["legemiddel"]]);
    expect(shapeSearch("og i for").groups).toEqual([]);
    expect(shapeSearch("   ").groups).toEqual([]);
  });

  it("matches long words inside compounds, three-letter words as word starts and shorter ones whole", () => {
    const [journal, api, ki] = shapeSearch("journal api ki").groups.map((g) => g.alternatives[0]!);
    expect(journal).toMatchObject({ inside: true, words: [{ text: "journal", prefix: true }] });
    expect(likePatternOf(journal!)).toBe("%journal%");
    expect(api).toMatchObject({ inside: false, words: [{ text: "api", prefix: true }] });
    expect(likePatternOf(api!)).toBeNull();
    expect(ki).toMatchObject({ inside: false, words: [{ text: "ki", prefix: false }] });
  });

  it("reads a trailing * as a word start, also for short words, and not as part of the word", () => {
    expect(shapeSearch("journal*").groups[0]!.alternatives[0]!.words).toEqual([{ text: "journal", prefix: true }]);
    expect(shapeSearch("ki*").groups[0]!.alternatives[0]!.words).toEqual([{ text: "ki", prefix: true }]);
  });

  it("keeps a quoted phrase together and negates -word and -\"phrase\"", () => {
    const search = shapeSearch('"digitalt tilsyn" -pilot -"kunstig intelligens"');
    expect(search.groups.map((g) => [g.alternatives[0]!.words.map((w) => w.text).join(" "), g.negated])).toEqual([
      ["digitalt tilsyn", false],
      ["pilot", true],
      ["kunstig intelligens", true],
    ]);
    expect(searchFinds(search)).toBe(true);
    expect(searchFinds(shapeSearch("-pilot"))).toBe(false);
  });

  it("joins words around `or` or `eller` into one group", () => {
    expect(typed(shapeSearch("trygghetsalarm or nattilsyn eller sensor"))).toEqual([["trygghetsalarm", "nattilsyn", "sensor"]]);
    expect(typed(shapeSearch("or journal"))).toEqual([["journal"]]);
  });

  it("bounds how many groups a long text makes", () => {
    const words = Array.from({ length: 40 }, (_, i) => `ord${i}`).join(" ");
    expect(shapeSearch(words).groups).toHaveLength(MAX_SEARCH_GROUPS);
  });

  it("writes tsquery text that cannot leave its quotes", () => {
    const search = shapeSearch(`journal' | !x:* & "kurve- og legemiddelløsning" a\\b`);
    for (const a of search.groups.flatMap((g) => g.alternatives)) {
      for (const w of a.words) expect(w.text).toMatch(/^[\p{L}\p{N}-]+$/u);
    }
    expect(tsqueryOf(search.groups[0]!.alternatives[0]!)).toBe("'journal':*");
  });
});

describe("synonyms", () => {
  it("searches EPJ and elektronisk pasientjournal for each other", () => {
    expect(alternatives(shapeSearch("EPJ"))).toEqual(expect.arrayContaining(["epj", "elektronisk pasientjournal", "pasientjournal"]));
    expect(alternatives(shapeSearch('"elektronisk pasientjournal"'))).toContain("epj");
  });

  it("reads typed words that make a synonym phrase as that phrase", () => {
    const search = shapeSearch("kunstig intelligens triage");
    expect(typed(search)).toEqual([["kunstig intelligens"], ["triage"]]);
    expect(alternatives(search)).toEqual(expect.arrayContaining(["ki", "ai", "maskinlæring"]));
  });

  it("expands the last part of a compound entry (a pasientjournal is a journal), not its first part", () => {
    expect(synonymsOf(["journal"])).toEqual(expect.arrayContaining([["epj"], ["elektronisk", "pasientjournal"]]));
    expect(synonymsOf(["pasient"])).toEqual([]);
  });

  it("answers the same on every call: the synonym table's words are read once, and a caller's change to an answer stays its own", () => {
    const first = synonymsOf(["journal"]);
    first[0]!.push("changed");
    first.push(["changed"]);
    expect(synonymsOf(["journal"])).toEqual(first.slice(0, -1).map((w, i) => (i === 0 ? w.slice(0, -1) : w)));
    expect(synonymsOf(["journal"], [["journal", "Pasient-Journal"]])).toEqual([["pasient-journal"]]);
  });

  it("ranks synonyms as synonyms: they are not what was typed", () => {
    const [first, ...rest] = shapeSearch("velferdsteknologi").groups[0]!.alternatives;
    expect(first).toMatchObject({ typed: true });
    expect(rest.map((a) => a.typed)).toEqual(rest.map(() => false));
    expect(rest.map((a) => a.words.map((w) => w.text).join(" "))).toContain("omsorgsteknologi");
  });

  it("takes its list as data", () => {
    expect(alternatives(shapeSearch("sykehjem", [["sykehjem", "omsorgssenter"]]))).toEqual(["sykehjem", "omsorgssenter"]);
  });
});

describe("matching a short text (the CPV picker)", () => {
  const cpv = (q: string, language: "nb" | "en" = "nb") =>
    CPV_CODES.filter((c) => textMatchesSearch(`${c.code} ${c[language]}`, shapeSearch(q))).map((c) => c.code);

  it("finds a CPV code for journal through the synonyms, in both languages", () => {
    expect(cpv("journal")).toContain("48814400-1");
    expect(cpv("journal", "en")).toContain("48814400-1");
    expect(cpv("EPJ")).toContain("48814400-1");
  });

  it("finds compound parts and code prefixes, and every word must be found", () => {
    expect(cpv("informasjonssystem")).toEqual(expect.arrayContaining(["48814000-7", "48814100-8", "48814400-1"]));
    expect(cpv("48814")).toEqual(expect.arrayContaining(["48814000-7", "48814500-2"]));
    expect(cpv("klinisk informasjonssystem")).toEqual(["48814400-1"]);
    expect(cpv("programvare -medisinsk")).not.toContain("48180000-3");
    expect(cpv("programvare")).toContain("48180000-3");
  });

  it("matches short words as whole words or word starts only", () => {
    expect(textMatchesSearch("Fysioterapi", shapeSearch("api"))).toBe(false);
    expect(textMatchesSearch("API-forvaltning", shapeSearch("api"))).toBe(true);
    expect(textMatchesSearch("Kirurgi", shapeSearch("ki"))).toBe(false);
    expect(textMatchesSearch("KI i radiologi", shapeSearch("ki"))).toBe(true);
  });
});
