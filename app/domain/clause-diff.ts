import type { Clause } from "./conduct";

// What changed between two versions of the code of conduct, so an organisation
// can see what it is asked to re-adopt (samspillsnormer: predictable terms).

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Words and the whitespace after them, so joined parts give back the text. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * A word-level diff (longest common subsequence over words). Whitespace-only
 * differences are ignored: "same" parts carry the new text, so "same" and
 * "added" give `after` exactly and "same" and "removed" give `before`'s words.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Compare words without their trailing whitespace, keep the text as written.
  const key = (t: string) => t.trimEnd();
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (key(a[i]!) === key(b[j]!)) {
      push("same", b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  while (i < a.length) push("removed", a[i++]!);
  while (j < b.length) push("added", b[j++]!);
  return parts;
}

export type ClauseChange =
  | { kind: "added"; number: number; after: Clause }
  | { kind: "removed"; number: number; before: Clause }
  | {
      kind: "changed";
      number: number;
      before: Clause;
      after: Clause;
      principleChanged: boolean;
      titleNb: DiffPart[];
      titleEn: DiffPart[];
      textNb: DiffPart[];
      textEn: DiffPart[];
    };

const TEXT_FIELDS = ["titleNb", "titleEn", "textNb", "textEn"] as const;

/**
 * Clauses are matched by number: a clause that moved to a new number shows as
 * removed and added. Unchanged clauses are left out. Sorted by number.
 */
export function diffClauses(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const old = new Map(before.map((c) => [c.number, c]));
  const next = new Map(after.map((c) => [c.number, c]));
  const numbers = [...new Set([...old.keys(), ...next.keys()])].sort((x, y) => x - y);
  const changes: ClauseChange[] = [];
  for (const number of numbers) {
    const b = old.get(number);
    const a = next.get(number);
    if (!b && a) changes.push({ kind: "added", number, after: a });
    else if (b && !a) changes.push({ kind: "removed", number, before: b });
    else if (a && b) {
      const principleChanged = a.principle !== b.principle;
      if (!principleChanged && TEXT_FIELDS.every((f) => a[f] === b[f])) continue;
      changes.push({
        kind: "changed",
        number,
        before: b,
        after: a,
        principleChanged,
        titleNb: diffWords(b.titleNb, a.titleNb),
        titleEn: diffWords(b.titleEn, a.titleEn),
        textNb: diffWords(b.textNb, a.textNb),
        textEn: diffWords(b.textEn, a.textEn),
      });
    }
  }
  return changes;
}
