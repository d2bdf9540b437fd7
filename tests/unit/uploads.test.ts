import { describe, expect, it } from "vitest";
import { fileTypeFromBuffer } from "file-type";
import { FILE_KINDS, MAX_FILE_BYTES, MAX_ORGANISATION_BYTES, extensionOf, isPlainText, judgeUpload, storableFileName, type UploadCandidate } from "~/domain/uploads";
import { SAMPLE_FILES } from "../fixtures/files";

async function candidate(name: string, bytes: Uint8Array, organisationBytes = 0): Promise<UploadCandidate> {
  const sniffed = await fileTypeFromBuffer(bytes);
  return { name, size: bytes.byteLength, sniffed, plainText: !sniffed && isPlainText(bytes), organisationBytes };
}

const NAMES: Record<(typeof FILE_KINDS)[number], string> = {
  pdf: "Behovsbeskrivelse.pdf",
  docx: "Spørreskjema.docx",
  xlsx: "Prisskjema.xlsx",
  odt: "Referat.odt",
  ods: "Volum.ods",
  png: "Skisse.PNG",
  jpeg: "Bilde.jpg",
  csv: "svar.csv",
  txt: "notat.txt",
};

describe("which files the portal takes", () => {
  it.each(FILE_KINDS)("takes a %s, read from its bytes", async (kind) => {
    const judged = judgeUpload(await candidate(NAMES[kind], SAMPLE_FILES[kind]));
    expect(judged).toMatchObject({ ok: true, value: { kind, name: NAMES[kind] } });
  });

  it("reads DOCX, XLSX, ODT and ODS as what they are, not as zip archives", async () => {
    for (const kind of ["docx", "xlsx", "odt", "ods"] as const) expect((await fileTypeFromBuffer(SAMPLE_FILES[kind]))?.ext).toBe(kind);
    expect((await fileTypeFromBuffer(SAMPLE_FILES.zip))?.ext).toBe("zip");
  });

  it("refuses a program named as a PDF", async () => {
    expect(judgeUpload(await candidate("tilbud.pdf", SAMPLE_FILES.exe))).toMatchObject({ ok: false, problems: [{ path: "file", code: "file_type_not_allowed" }] });
  });

  it("refuses a plain zip archive named as a Word document", async () => {
    expect(judgeUpload(await candidate("svar.docx", SAMPLE_FILES.zip))).toMatchObject({ ok: false, problems: [{ code: "file_type_not_allowed" }] });
  });

  it("refuses a picture whose name says PDF, and text whose name says PDF", async () => {
    expect(judgeUpload(await candidate("rapport.pdf", SAMPLE_FILES.png))).toMatchObject({ ok: false, problems: [{ code: "file_type_mismatch" }] });
    expect(judgeUpload(await candidate("rapport.pdf", SAMPLE_FILES.txt))).toMatchObject({ ok: false, problems: [{ code: "file_type_mismatch" }] });
  });

  it("refuses bytes that are neither a known type nor text", async () => {
    const binary = new Uint8Array([0, 1, 2, 3, 0xfe, 0xff, 7, 8]);
    expect(judgeUpload(await candidate("data.txt", binary))).toMatchObject({ ok: false, problems: [{ code: "file_type_not_allowed" }] });
  });

  it("refuses an empty file, and tells apart a form sent without one", () => {
    expect(judgeUpload({ name: "tom.pdf", size: 0, sniffed: undefined, plainText: true, organisationBytes: 0 })).toMatchObject({ ok: false, problems: [{ code: "file_empty" }] });
    expect(judgeUpload({ name: "", size: 0, sniffed: undefined, plainText: true, organisationBytes: 0 })).toMatchObject({ ok: false, problems: [{ code: "file_missing" }] });
  });

  it("refuses a file over the per-file limit, and one the organisation has no room left for", async () => {
    const pdf = await candidate("stor.pdf", SAMPLE_FILES.pdf);
    expect(judgeUpload({ ...pdf, size: MAX_FILE_BYTES + 1 })).toMatchObject({ ok: false, reason: "refused", problems: [{ code: "file_too_large" }] });
    expect(judgeUpload({ ...pdf, size: MAX_FILE_BYTES })).toMatchObject({ ok: true });
    expect(judgeUpload({ ...pdf, organisationBytes: MAX_ORGANISATION_BYTES - pdf.size + 1 })).toMatchObject({ ok: false, reason: "refused", problems: [{ code: "organisation_storage_full" }] });
    expect(judgeUpload({ ...pdf, organisationBytes: MAX_ORGANISATION_BYTES - pdf.size })).toMatchObject({ ok: true });
  });

  it("puts the problem on the field it is told", async () => {
    expect(judgeUpload({ name: "", size: 0, sniffed: undefined, plainText: false, organisationBytes: 0 }, "documents.0")).toMatchObject({ problems: [{ path: "documents.0" }] });
  });
});

describe("file names", () => {
  it.each([
    ["../../etc/passwd.txt"],
    ["C:\\Users\\berit\\svar.pdf"],
    ["mappe/svar.pdf"],
    ["svar\u0000.pdf"],
    ["svar\n.pdf"],
    ["svar\u0085.pdf"],
    [".."],
    [" . "],
    [""],
    ["x".repeat(197) + ".pdf"],
  ])("refuses %j", (name) => {
    expect(storableFileName(name)).toBeNull();
  });

  it("keeps a Norwegian name as it is, composed (NFC) and trimmed", () => {
    expect(storableFileName(" Spørreskjema – versjon 2 (endelig).docx ")).toBe("Spørreskjema – versjon 2 (endelig).docx");
    expect(storableFileName("Bla\u030as.pdf")).toBe("Blås.pdf");
    expect(storableFileName(".profil.txt")).toBe(".profil.txt");
  });

  it("reads the ending without case, and none from a leading dot", () => {
    expect(extensionOf("Rapport.PDF")).toBe("pdf");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("uten-ending")).toBe("");
  });

  it("a refused name refuses the upload", async () => {
    expect(judgeUpload(await candidate("../svar.pdf", SAMPLE_FILES.pdf))).toMatchObject({ ok: false, problems: [{ code: "file_name_invalid" }] });
  });
});

describe("plain text", () => {
  it("is UTF-8 without control characters", () => {
    expect(isPlainText(new TextEncoder().encode("a;b\r\nø;å\t\n"))).toBe(true);
    expect(isPlainText(new Uint8Array([0x61, 0xff, 0x62]))).toBe(false);
    expect(isPlainText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
  });
});
