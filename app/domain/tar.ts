// A POSIX ustar archive (ADR 0037): regular files only, names of plain ASCII, written and read
// whole in memory. Enough for an export of one event; no dependency needed (tar headers are simple).

export interface TarEntry {
  name: string;
  bytes: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A name the archive can hold: ASCII letters, digits, ".", "-", "_" and "/" (others as "_"), at most 100 bytes. */
export function tarName(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/[^A-Za-z0-9._/-]/g, "_")
    .replace(/\.{2,}/g, "_")
    .replace(/^\/+/, "");
  if (plain.length <= 100) return plain || "_";
  const dot = plain.lastIndexOf(".");
  const ext = dot > plain.length - 10 ? plain.slice(dot) : "";
  return plain.slice(0, 100 - ext.length) + ext;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mtime: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => block.set(encoder.encode(text), offset);
  put(0, name);
  put(100, octal(0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(mtime, 12));
  put(148, "        ");
  put(156, "0");
  put(257, "ustar\0");
  put(263, "00");
  const sum = block.reduce((a, b) => a + b, 0);
  put(148, sum.toString(8).padStart(6, "0") + "\0 ");
  return block;
}

/** The archive of the entries, in their order; names go through `tarName`, a repeated name is refused. */
export function tarArchive(entries: readonly TarEntry[], mtime: Date = new Date()): Uint8Array {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const names = new Set<string>();
  const padded = (n: number) => Math.ceil(n / BLOCK) * BLOCK;
  const total = entries.reduce((a, e) => a + BLOCK + padded(e.bytes.length), 0) + 2 * BLOCK;
  const out = new Uint8Array(total);
  let at = 0;
  for (const entry of entries) {
    const name = tarName(entry.name);
    if (names.has(name)) throw new Error(`tar: the name ${name} twice`);
    names.add(name);
    out.set(header(name, entry.bytes.length, seconds), at);
    at += BLOCK;
    out.set(entry.bytes, at);
    at += padded(entry.bytes.length);
  }
  return out;
}

/** The entries of an archive written by `tarArchive` (for tests and checks): throws on a bad checksum. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const block = archive.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) break;
    const field = (offset: number, length: number) => decoder.decode(block.subarray(offset, offset + length)).replace(/\0.*$/s, "");
    const expected = parseInt(field(148, 8).trim(), 8);
    const sum = block.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 32 : b), 0);
    if (sum !== expected) throw new Error(`tar: bad checksum at ${at}`);
    const size = parseInt(field(124, 12), 8);
    entries.push({ name: field(0, 100), bytes: archive.slice(at + BLOCK, at + BLOCK + size) });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
