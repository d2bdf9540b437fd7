import { createHash } from "node:crypto";

// Append-only interaction log (samspillsnormer): each record carries the hash of
// the record before it, so changing, removing or reordering any record breaks
// every link after it and a verifier can say where.

export type JsonValue = string | number | boolean | null | Date | JsonValue[] | { [key: string]: JsonValue | undefined };

/** The previous hash of the first record in a chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted, no whitespace, dates as ISO-8601 strings and
 * undefined properties left out: the same content always gives the same text.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: numbers must be finite");
      return JSON.stringify(value);
    case "object": {
      const keys = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/** sha256 (hex) of the canonical content followed by the previous record's hash. */
export function chainHash(content: JsonValue, prevHash: string): string {
  return createHash("sha256").update(canonicalJson(content)).update(prevHash).digest("hex");
}

export interface ChainRecord {
  /** 1, 2, 3, … within the chain. */
  seq: number;
  prevHash: string;
  hash: string;
  content: JsonValue;
}

export type BrokenReason = "sequence_gap" | "prev_hash_mismatch" | "hash_mismatch" | "head_mismatch";

export type ChainVerdict =
  | { ok: true; length: number; headHash: string }
  | { ok: false; length: number; brokenAt: number; seq: number | null; reason: BrokenReason };

/**
 * Walks the records in sequence order and returns the first broken link: its
 * index in `records`, its sequence number and why. With `expectedHead` (the
 * chain's recorded length and last hash) a chain cut short at the end is
 * caught too.
 */
export function verifyChain(records: readonly ChainRecord[], expectedHead?: { length: number; hash: string }): ChainVerdict {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  for (const [index, record] of sorted.entries()) {
    if (record.seq !== index + 1) return { ok: false, length: sorted.length, brokenAt: index, seq: record.seq, reason: "sequence_gap" };
    if (record.prevHash !== prev) return { ok: false, length: sorted.length, brokenAt: index, seq: record.seq, reason: "prev_hash_mismatch" };
    if (chainHash(record.content, record.prevHash) !== record.hash) {
      return { ok: false, length: sorted.length, brokenAt: index, seq: record.seq, reason: "hash_mismatch" };
    }
    prev = record.hash;
  }
  if (expectedHead && (expectedHead.length !== sorted.length || expectedHead.hash !== prev)) {
    return { ok: false, length: sorted.length, brokenAt: sorted.length, seq: null, reason: "head_mismatch" };
  }
  return { ok: true, length: sorted.length, headHash: prev };
}
