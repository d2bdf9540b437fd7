import type { Problem } from "./problems";
import { fail, ok, type Result } from "./result";

// What the portal accepts as a file (issue 17): documents buyers attach to events and vendors
// to their responses. The type is read from the bytes, never taken from the name or the
// browser's word for it; the name must agree with it, so a program named "tilbud.pdf" is refused.

/** Largest file: 20 MiB, enough for a tender draft with figures. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What one organisation may keep in all: 500 MiB. */
export const MAX_ORGANISATION_BYTES = 500 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 200;

export const FILE_KINDS = ["pdf", "docx", "xlsx", "odt", "ods", "png", "jpeg", "csv", "txt"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The media type each kind is served as, and the name endings that may carry it. */
export const FILE_KIND_TYPES: Record<FileKind, { mediaType: string; extensions: readonly string[] }> = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"] },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  png: { mediaType: "image/png", extensions: ["png"] },
  jpeg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  csv: { mediaType: "text/csv; charset=utf-8", extensions: ["csv"] },
  txt: { mediaType: "text/plain; charset=utf-8", extensions: ["txt"] },
};

export type UploadProblemCode =
  | "file_missing"
  | "file_empty"
  | "file_too_large"
  | "file_name_invalid"
  | "file_type_not_allowed"
  | "file_type_mismatch"
  | "organisation_storage_full";

/**
 * What a type sniffer (file-type's fileTypeFromBuffer) said about the bytes: undefined when it
 * recognised no binary signature, which plain text never has.
 */
export interface SniffedType {
  ext: string;
  mime: string;
}

// The sniffer's extensions for the kinds we take; docx/xlsx/odt/ods are zip files that it
// recognises by their manifest (a plain zip, or a macro-enabled docm/xlsm, is something else).
const SNIFFED_KINDS: Record<string, FileKind> = { pdf: "pdf", docx: "docx", xlsx: "xlsx", odt: "odt", ods: "ods", png: "png", jpg: "jpeg" };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SEPARATOR = /[/\\]/;

/** The name's ending, lower-cased: "Rapport.PDF" → "pdf"; "" when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * The file name as it will be stored, or null when it cannot be one: a name is a name, not a
 * path (no "/" or "\"), has no control characters, is not only dots and spaces, and fits.
 * Checked on the name as sent, before any normalisation could hide what it carried.
 */
export function storableFileName(raw: string): string | null {
  if (SEPARATOR.test(raw) || CONTROL.test(raw)) return null;
  const name = raw.normalize("NFC").trim();
  if (name.length === 0 || [...name].length > MAX_FILE_NAME_LENGTH || /^[.\s]+$/.test(name)) return null;
  return name;
}

/** Whether the bytes are UTF-8 text without control characters other than tab, newline, CR and form feed. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export interface UploadCandidate {
  /** The name as the sender gave it. */
  name: string;
  size: number;
  sniffed: SniffedType | undefined;
  /** isPlainText of the bytes; asked only when the sniffer found no signature. */
  plainText: boolean;
  /** Bytes the organisation already keeps. */
  organisationBytes: number;
}

export interface AcceptedUpload {
  name: string;
  kind: FileKind;
  mediaType: string;
}

/**
 * Whether a file may be stored, and as what. Refusals come in the order a sender can fix
 * them: nothing sent, an empty file, too large, a bad name, a type we do not take, a name
 * that lies about the type, and last the organisation's quota.
 */
export function judgeUpload(file: UploadCandidate, path = "file"): Result<AcceptedUpload, UploadProblemCode> {
  const refuse = (code: UploadProblemCode) => fail<UploadProblemCode>(code === "file_too_large" || code === "organisation_storage_full" ? "refused" : "invalid", [{ path, code }]);
  if (file.size === 0) return refuse(file.name === "" ? "file_missing" : "file_empty");
  if (file.size > MAX_FILE_BYTES) return refuse("file_too_large");
  const name = storableFileName(file.name);
  if (name === null) return refuse("file_name_invalid");
  const kind = kindOf(file, extensionOf(name));
  if (kind === null) return refuse("file_type_not_allowed");
  if (!FILE_KIND_TYPES[kind].extensions.includes(extensionOf(name))) return refuse("file_type_mismatch");
  if (file.organisationBytes + file.size > MAX_ORGANISATION_BYTES) return refuse("organisation_storage_full");
  return ok({ name, kind, mediaType: FILE_KIND_TYPES[kind].mediaType });
}

// A binary signature decides; text has none, so for text the name says CSV or plain text.
function kindOf(file: UploadCandidate, extension: string): FileKind | null {
  if (file.sniffed) return SNIFFED_KINDS[file.sniffed.ext] ?? null;
  if (!file.plainText) return null;
  return extension === "csv" ? "csv" : "txt";
}

/** The problems of a refused upload, for a form's field errors. */
export const uploadProblems = (result: Result<unknown, UploadProblemCode>): Problem<UploadProblemCode>[] => (result.ok ? [] : result.problems);
