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
  /** How the content was taken (1: the fields known in 2026-11; 2: every stored column, whole). Records without it are version 1. */
  version?: number;
  /** Which stored row this is, so a break can name it for people. */
  row?: ChainRow;
}

/** An entry in the interaction log, or an answer to one (entryId is the entry answered). */
export interface ChainRow {
  type: "entry" | "response";
  id: string;
  entryId: string;
}

export type BrokenReason = "sequence_gap" | "prev_hash_mismatch" | "hash_mismatch" | "version_downgrade" | "head_mismatch";

/** One broken link: its index in the sorted records (the length for the head), its sequence number and row (none for the head) and why. */
export interface ChainBreak {
  index: number;
  seq: number | null;
  reason: BrokenReason;
  row?: ChainRow;
}

export type ChainVerdict =
  | { ok: true; length: number; headHash: string }
  | { ok: false; length: number; brokenAt: number; seq: number | null; reason: BrokenReason; breaks: ChainBreak[] };

/**
 * Walks the records in sequence order and reports every broken link, not the first only
 * (tampering after a first break must not hide behind it). Each record is checked on its
 * own: its number follows the one before, its prev_hash is the stored hash of the one
 * before, its hash is the hash of its content, and its hashing version is not older than
 * the one before (a version 2 row relabelled 1 would escape the whole-row hash). With
 * `expectedHead` (the chain's recorded length and last hash) a chain cut short at the end
 * is caught too. brokenAt, seq and reason name the first break.
 */
export function verifyChain(records: readonly ChainRecord[], expectedHead?: { length: number; hash: string }): ChainVerdict {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let prevSeq = 0;
  let prevVersion = 1;
  for (const [index, record] of sorted.entries()) {
    const version = record.version ?? 1;
    const broken = (reason: BrokenReason) => breaks.push({ index, seq: record.seq, reason, ...(record.row ? { row: record.row } : {}) });
    if (record.seq !== prevSeq + 1) broken("sequence_gap");
    else if (record.prevHash !== prev) broken("prev_hash_mismatch");
    if (version < prevVersion) broken("version_downgrade");
    else if (chainHash(record.content, record.prevHash) !== record.hash) broken("hash_mismatch");
    prev = record.hash;
    prevSeq = record.seq;
    prevVersion = Math.max(prevVersion, version);
  }
  if (expectedHead && (expectedHead.length !== sorted.length || expectedHead.hash !== prev)) {
    breaks.push({ index: sorted.length, seq: null, reason: "head_mismatch" });
  }
  const [first] = breaks;
  if (first) return { ok: false, length: sorted.length, brokenAt: first.index, seq: first.seq, reason: first.reason, breaks };
  return { ok: true, length: sorted.length, headHash: prev };
}

/** What a page about one entry says of it: its chain holds, the chain breaks at it, or elsewhere. */
export type EntryChainState = "verified" | "broken_here" | "broken_elsewhere";

/** The state of one entry (by id) in its organisation's verdict. */
export function entryChainState(verdict: ChainVerdict, entryId: string): EntryChainState {
  if (verdict.ok) return "verified";
  return verdict.breaks.some((b) => b.row?.type === "entry" && b.row.id === entryId) ? "broken_here" : "broken_elsewhere";
}
