import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTar, tarArchive, tarName } from "~/domain/tar";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("tarArchive", () => {
  it("writes entries that read back whole, padded to blocks and ended by two empty blocks", () => {
    const entries = [
      { name: "index.txt", bytes: bytes("Innhold\n") },
      { name: "dokumenter/01-tom.bin", bytes: new Uint8Array(0) },
      { name: "dokumenter/02-stor.bin", bytes: new Uint8Array(1300).map((_, i) => i % 251) },
    ];
    const archive = tarArchive(entries, new Date("2026-12-07T00:00:00Z"));
    expect(archive.length % 512).toBe(0);
    expect(archive.length).toBe(512 + 512 + 512 + 512 + 3 * 512 + 1024);
    expect(readTar(archive)).toEqual(entries);
  });

  it("is read by the system's tar as the same files", () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
    try {
      writeFileSync(join(dir, "a.tar"), tarArchive([{ name: "mappe/hei.txt", bytes: bytes("Hei på deg") }]));
      execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
      expect(readFileSync(join(dir, "mappe/hei.txt"), "utf8")).toBe("Hei på deg");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes names plain ASCII, without climbing out of the folder, at most 100 bytes with the extension kept", () => {
    expect(tarName("Svar fra Nordlys Helse/Ærlig øko-løsning å.pdf")).toBe("Svar_fra_Nordlys_Helse/Aerlig_oko-losning_a.pdf");
    expect(tarName("/../../etc/passwd")).toBe("_/_/etc/passwd");
    expect(tarName(`${"x".repeat(200)}.pdf`)).toBe(`${"x".repeat(96)}.pdf`);
    expect(() => tarArchive([{ name: "a", bytes: bytes("1") }, { name: "a", bytes: bytes("2") }])).toThrow(/twice/);
  });

  it("refuses an archive with a damaged header", () => {
    const archive = tarArchive([{ name: "a.txt", bytes: bytes("a") }]);
    archive[0] = "b".charCodeAt(0);
    expect(() => readTar(archive)).toThrow(/checksum/);
  });
});
