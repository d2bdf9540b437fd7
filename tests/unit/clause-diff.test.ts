import { describe, expect, it } from "vitest";
import { diffClauses, diffWords, type DiffPart } from "~/domain/clause-diff";
import type { Clause } from "~/domain/conduct";

const join = (parts: DiffPart[], keep: "removed" | "added") => parts.filter((p) => p.kind === "same" || p.kind === keep).map((p) => p.text).join("");

describe("diffWords", () => {
  it("marks the words that were replaced", () => {
    expect(diffWords("Svar innen fem dager.", "Svar innen ti dager.")).toEqual([
      { kind: "same", text: "Svar innen " },
      { kind: "removed", text: "fem " },
      { kind: "added", text: "ti " },
      { kind: "same", text: "dager." },
    ]);
  });

  it("gives back the new text exactly and the old one up to whitespace, which it ignores", () => {
    const before = "Oppdragsgiver  sier hva\nde forventer å kjøpe.";
    const after = "Oppdragsgiver sier alltid hva de forventer å kjøpe, og når.";
    const parts = diffWords(before, after);
    const words = (text: string) => text.split(/\s+/).join(" ");
    expect(words(join(parts, "removed"))).toBe(words(before));
    expect(join(parts, "added")).toBe(after);
  });

  it("handles empty texts on either side", () => {
    expect(diffWords("", "Ny tekst")).toEqual([{ kind: "added", text: "Ny tekst" }]);
    expect(diffWords("Gammel tekst", "")).toEqual([{ kind: "removed", text: "Gammel tekst" }]);
    expect(diffWords("", "")).toEqual([]);
  });
});

describe("diffClauses", () => {
  const clause = (number: number, textNb: string, principle: Clause["principle"] = "interaction_norms"): Clause => ({
    number,
    principle,
    titleNb: `Punkt ${number}`,
    titleEn: `Clause ${number}`,
    textNb,
    textEn: "Text",
  });

  it("reports added, removed and changed clauses by number and leaves out unchanged ones", () => {
    const before = [clause(1, "Vi møter hverandre med respekt."), clause(2, "Gaver tas ikke imot."), clause(3, "Uendret.")];
    const after = [clause(1, "Vi møter hverandre med respekt og profesjonalitet."), clause(3, "Uendret."), clause(4, "Karenstid.", "quiet_period")];
    const changes = diffClauses(before, after);
    expect(changes.map((c) => [c.kind, c.number])).toEqual([
      ["changed", 1],
      ["removed", 2],
      ["added", 4],
    ]);
    const changed = changes[0]!;
    if (changed.kind !== "changed") throw new Error("expected a change");
    expect(changed.principleChanged).toBe(false);
    expect(changed.textNb.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["respekt og profesjonalitet."]);
    expect(changed.titleEn).toEqual([{ kind: "same", text: "Clause 1" }]);
  });

  it("counts a clause tied to another principle as changed even with the same words", () => {
    const changes = diffClauses([clause(1, "Samme")], [clause(1, "Samme", "equal_treatment")]);
    expect(changes).toMatchObject([{ kind: "changed", number: 1, principleChanged: true }]);
  });
});
