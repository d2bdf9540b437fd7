import { describe, expect, it } from "vitest";
import { CPV_CODES, cpvDivision, cpvDivisionEntry, cpvEntry, cpvPrefix, isCpvCode, searchCpv } from "~/domain/cpv";

const codes = (entries: { code: string }[]) => entries.map((entry) => entry.code);

describe("the CPV vocabulary for health and care ICT", () => {
  it("holds between 60 and 110 entries, each code once, in code order", () => {
    expect(CPV_CODES.length).toBeGreaterThanOrEqual(60);
    expect(CPV_CODES.length).toBeLessThanOrEqual(110);
    const all = codes([...CPV_CODES]);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
  });

  it("writes every code as eight digits, a hyphen and a check digit, with labels in both languages", () => {
    for (const entry of CPV_CODES) {
      expect(entry.code).toMatch(/^\d{8}-\d$/);
      expect(entry.nb.trim()).not.toBe("");
      expect(entry.en.trim()).not.toBe("");
    }
  });

  it("draws only on the divisions health and care ICT uses", () => {
    expect(new Set(CPV_CODES.map((entry) => cpvDivision(entry.code)))).toEqual(new Set(["33", "48", "72", "73", "79", "85"]));
  });

  it("holds the heading of every division it draws on, so a division prefix finds its own name", () => {
    for (const heading of ["33000000-0", "48000000-8", "72000000-5", "73000000-2", "79000000-4", "85000000-9"]) {
      expect(isCpvCode(heading), heading).toBe(true);
    }
  });

  it.each([
    ["33100000-1", "Medical equipments"],
    ["33190000-8", "Miscellaneous medical devices and products"],
    ["33195000-3", "Patient-monitoring system"],
    ["48000000-8", "Software package and information systems"],
    ["48180000-3", "Medical software package"],
    ["48600000-4", "Database and operating software package"],
    ["48700000-5", "Software package utilities"],
    ["48814000-7", "Medical information systems"],
    ["48814100-8", "Nursing information system"],
    ["48814200-9", "Patient-administration system"],
    ["48814400-1", "Clinical information system"],
    ["48814500-2", "Casemix system"],
    ["72000000-5", "IT services: consulting, software development, Internet and support"],
    ["72200000-7", "Software programming and consultancy services"],
    ["72260000-5", "Software-related services"],
    ["72300000-8", "Data services"],
    ["72500000-0", "Computer-related services"],
    ["73000000-2", "Research and development services and related consultancy services"],
    ["73100000-3", "Research and experimental development services"],
    ["73110000-6", "Research services"],
    ["79400000-8", "Business and management consultancy and related services"],
    ["79411000-8", "General management consultancy services"],
    ["79419000-4", "Evaluation consultancy services"],
    ["85000000-9", "Health and social work services"],
    ["85100000-0", "Health services"],
    ["85300000-2", "Social work and related services"],
    ["85310000-5", "Social work services"],
  ])("knows %s as the regulation's %j", (code, en) => {
    expect(cpvEntry(code)?.en).toBe(en);
  });

  it.each([
    ["48814000-7", true],
    ["48814000-8", false], // wrong check digit
    ["48814000", false],
    ["4881400-07", false],
    ["45000000-7", false], // a real code, but construction is not ours to list
    ["", false],
    [48814000, false],
  ])("recognises %j as a code in the vocabulary: %s", (value, expected) => {
    expect(isCpvCode(value)).toBe(expected);
  });

  it.each([
    ["48814000-7", "48", "48814"],
    ["48000000-8", "48", "48"],
    ["85100000-0", "85", "851"],
    ["72212180-4", "72", "7221218"],
    ["33194110-0", "33", "3319411"],
    ["03000000-1", "03", "03"],
    ["30000000-9", "30", "30"],
    ["48814000", "48", "48814"],
  ])("takes %s to division %s and subtree prefix %s", (code, division, prefix) => {
    expect(cpvDivision(code)).toBe(division);
    expect(cpvPrefix(code)).toBe(prefix);
  });

  it("selects a subtree by prefix", () => {
    const subtree = CPV_CODES.filter((entry) => entry.code.startsWith(cpvPrefix("48814000-7")));
    expect(codes(subtree)).toEqual(["48814000-7", "48814100-8", "48814200-9", "48814300-0", "48814400-1", "48814500-2"]);
  });

  it("refuses to take apart something that is not a code", () => {
    expect(() => cpvPrefix("48814")).toThrow(RangeError);
    expect(() => cpvDivision("abc")).toThrow(RangeError);
  });
});

describe("searching CPV codes", () => {
  it("finds codes by the digits they start with, with or without the check digit", () => {
    expect(codes(searchCpv("48814", "nb"))).toEqual(["48814000-7", "48814100-8", "48814200-9", "48814300-0", "48814400-1", "48814500-2"]);
    expect(codes(searchCpv("48814200-9", "en"))).toEqual(["48814200-9"]);
    expect(codes(searchCpv(" 488 142 ", "nb"))).toEqual(["48814200-9"]);
    expect(searchCpv("48814200-1", "nb")).toEqual([]);
  });

  it("finds bokmål labels whatever the case", () => {
    expect(codes(searchCpv("PASIENTADMINISTRATIVT", "nb"))).toEqual(["48814200-9"]);
  });

  it("finds English labels in English and not in bokmål", () => {
    expect(codes(searchCpv("casemix", "en"))).toEqual(["48814500-2"]);
    expect(codes(searchCpv("nursing information", "en"))).toEqual(["48814100-8"]);
    expect(searchCpv("nursing information", "nb")).toEqual([]);
  });

  it("finds a word inside a Norwegian compound, after labels where it starts a word", () => {
    // "Sentral overvåkingsstasjon" before "Pasientovervåkingssystem".
    expect(codes(searchCpv("overvåking", "nb"))).toEqual(["33195200-5", "33195000-3"]);
  });

  it("keeps å apart from a, and accepts aa, ae and oe typed for å, æ and ø", () => {
    expect(searchCpv("overvaking", "nb")).toEqual([]);
    expect(codes(searchCpv("overvaaking", "nb"))).toEqual(["33195200-5", "33195000-3"]);
    expect(codes(searchCpv("datahaandtering", "nb"))).toEqual(["48613000-8"]);
    expect(codes(searchCpv("veterinaer", "nb"))).toEqual(["33110000-4"]);
    expect(codes(searchCpv("doegnopphold", "nb"))).toEqual(["85144000-0"]);
  });

  it("ignores accents that are not letters of their own", () => {
    expect(codes(searchCpv("sikkerhéts", "nb"))).toEqual(["48730000-4"]);
  });

  it("reads Swedish ö as ø", () => {
    expect(codes(searchCpv("verktöy", "nb"))).toEqual(["48700000-5"]);
  });

  it("wants every word typed, in any order", () => {
    expect(codes(searchCpv("programvare medisinsk", "nb"))).toEqual(["48180000-3", "72212180-4"]);
  });

  it("keeps code order among labels that match equally well", () => {
    expect(codes(searchCpv("sykepleie", "nb"))).toEqual(["48814100-8", "85141200-1"]);
    expect(codes(searchCpv("rådgivning om", "nb"))).toEqual([
      "72200000-7",
      "72220000-3",
      "72224000-1",
      "72227000-2",
      "72266000-7",
      "73200000-4",
      "73210000-7",
      "73220000-0",
      "79400000-8",
      "79410000-1",
      "79411000-8",
      "79418000-7",
      "79419000-4",
    ]);
  });

  it("finds nothing for a blank query or one of punctuation only", () => {
    expect(searchCpv("", "nb")).toEqual([]);
    expect(searchCpv("   ", "en")).toEqual([]);
    expect(searchCpv("!?", "nb")).toEqual([]);
  });
});

describe("CPV divisions", () => {
  it("finds the vocabulary's entry for a division, and nothing for one outside it", () => {
    expect(cpvDivisionEntry("48")?.code).toBe("48000000-8");
    expect(cpvDivisionEntry("85")?.code).toBe("85000000-9");
    expect(cpvDivisionEntry("03")).toBeUndefined();
  });
});
