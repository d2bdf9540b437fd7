import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, entryChainState, GENESIS_HASH, verifyChain, type ChainRecord, type JsonValue } from "~/domain/hash-chain";

function buildChain(contents: JsonValue[]): ChainRecord[] {
  const records: ChainRecord[] = [];
  let prev = GENESIS_HASH;
  contents.forEach((content, i) => {
    const hash = chainHash(content, prev);
    records.push({ seq: i + 1, prevHash: prev, hash, content });
    prev = hash;
  });
  return records;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth and leaves out whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("writes dates as ISO strings and drops undefined properties", () => {
    expect(canonicalJson({ at: new Date("2026-11-20T13:30:00.000Z"), gone: undefined })).toBe('{"at":"2026-11-20T13:30:00.000Z"}');
  });

  it("gives the same text whatever order the keys were written in", () => {
    expect(canonicalJson({ x: 1, y: "æøå" })).toBe(canonicalJson({ y: "æøå", x: 1 }));
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe("chain hash", () => {
  it("is sha256 of the canonical content followed by the previous hash", () => {
    // echo -n '{"a":1}0000…0000' | sha256sum
    expect(chainHash({ a: 1 }, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ a: 1 }, GENESIS_HASH)).not.toBe(chainHash({ a: 1 }, "f".repeat(64)));
    expect(chainHash({ a: 1, b: 2 }, GENESIS_HASH)).toBe(chainHash({ b: 2, a: 1 }, GENESIS_HASH));
  });
});

describe("verifyChain", () => {
  const chain = buildChain([{ subject: "Dialogmøte" }, { subject: "Demo" }, { subject: "Telefon" }, { subject: "Lunsj" }]);

  it("accepts an intact chain, in any order given, and an empty one", () => {
    expect(verifyChain(chain)).toEqual({ ok: true, length: 4, headHash: chain[3]!.hash });
    expect(verifyChain([...chain].reverse()).ok).toBe(true);
    expect(verifyChain([])).toEqual({ ok: true, length: 0, headHash: GENESIS_HASH });
  });

  it("finds content changed in the third record at index 2", () => {
    const tampered = chain.map((r, i) => (i === 2 ? { ...r, content: { subject: "Telefonmøte" } } : r));
    expect(verifyChain(tampered)).toEqual({ ok: false, length: 4, brokenAt: 2, seq: 3, reason: "hash_mismatch", breaks: [{ index: 2, seq: 3, reason: "hash_mismatch" }] });
  });

  it("finds a record whose hash was recomputed after a change, at the next link", () => {
    const content = { subject: "Telefonmøte" };
    const tampered = chain.map((r, i) => (i === 1 ? { ...r, content, hash: chainHash(content, r.prevHash) } : r));
    expect(verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: 2, seq: 3, reason: "prev_hash_mismatch" });
  });

  it("finds a record taken out of the middle", () => {
    expect(verifyChain([chain[0]!, chain[2]!, chain[3]!])).toMatchObject({ ok: false, brokenAt: 1, seq: 3, reason: "sequence_gap" });
  });

  it("finds records cut off the end when the head is known", () => {
    const head = { length: 4, hash: chain[3]!.hash };
    expect(verifyChain(chain, head).ok).toBe(true);
    expect(verifyChain(chain.slice(0, 3), head)).toMatchObject({ ok: false, brokenAt: 3, seq: null, reason: "head_mismatch" });
  });

  it("reports every broken link, not the first only: tampering after a first break is not hidden", () => {
    const tampered = chain.map((r, i) => (i === 0 || i === 3 ? { ...r, content: { subject: `${String((r.content as { subject: string }).subject)}!` } } : r));
    const verdict = verifyChain(tampered);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 0, seq: 1, reason: "hash_mismatch" });
    expect(verdict.ok ? [] : verdict.breaks).toEqual([
      { index: 0, seq: 1, reason: "hash_mismatch" },
      { index: 3, seq: 4, reason: "hash_mismatch" },
    ]);
  });

  it("reports a gap once, and a later change and a cut end beside it", () => {
    const head = { length: 4, hash: chain[3]!.hash };
    const later = { ...chain[3]!, content: { subject: "Middag" } };
    const verdict = verifyChain([chain[0]!, chain[2]!, later], head);
    expect(verdict.ok ? [] : verdict.breaks).toEqual([
      { index: 1, seq: 3, reason: "sequence_gap" },
      { index: 2, seq: 4, reason: "hash_mismatch" },
      { index: 3, seq: null, reason: "head_mismatch" },
    ]);
  });

  it("refuses a record whose hashing version goes back (a whole-row hash relabelled as the old one)", () => {
    const versioned = chain.map((r, i) => ({ ...r, version: i < 2 ? 1 : 2 }));
    expect(verifyChain(versioned).ok).toBe(true);
    const downgraded = versioned.map((r, i) => (i === 3 ? { ...r, version: 1 } : r));
    expect(verifyChain(downgraded)).toMatchObject({ ok: false, seq: 4, reason: "version_downgrade", breaks: [{ index: 3, seq: 4, reason: "version_downgrade" }] });
  });

  it("names the row of each break, so people can be shown which entry or answer it is", () => {
    const rows = chain.map((r, i) => ({ ...r, row: { type: i === 1 ? ("response" as const) : ("entry" as const), id: `row-${i}`, entryId: `entry-${i}` } }));
    const tampered = rows.map((r, i) => (i === 1 ? { ...r, content: { subject: "Annet" } } : r));
    expect(verifyChain(tampered, { length: 5, hash: "f".repeat(64) })).toMatchObject({
      ok: false,
      breaks: [
        { index: 1, seq: 2, reason: "hash_mismatch", row: { type: "response", id: "row-1", entryId: "entry-1" } },
        { index: 4, seq: null, reason: "head_mismatch" },
      ],
    });
  });
});

describe("entryChainState, what an entry's page says instead of a bare hash (issue 14)", () => {
  const rows = buildChain([{ a: 1 }, { a: 2 }, { a: 3 }]).map((r, i) => ({ ...r, row: { type: "entry" as const, id: `e${i}`, entryId: `e${i}` } }));

  it("says verified when the whole chain holds", () => {
    expect(entryChainState(verifyChain(rows), "e1")).toBe("verified");
  });

  it("says broken here for the changed entry, and elsewhere for the others", () => {
    const verdict = verifyChain(rows.map((r, i) => (i === 1 ? { ...r, content: { a: 9 } } : r)));
    expect(entryChainState(verdict, "e1")).toBe("broken_here");
    expect(entryChainState(verdict, "e0")).toBe("broken_elsewhere");
  });
});
