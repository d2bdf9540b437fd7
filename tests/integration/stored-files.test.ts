import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_ORGANISATION_BYTES, FILE_KINDS } from "~/domain/uploads";
import { fileStore } from "~/models/file-store.server";
import { organisationFileBytes, readFile, sha256Hex, storeFile, storedFile } from "~/models/stored-files.server";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

const t = setupTestDatabase();

let berit: Person;
let bergvik: { id: string };
let full: { id: string };

const store = (organisationId: string, name: string, bytes: Uint8Array) =>
  t.db.transaction().execute((trx) => storeFile(trx, { organisationId, userId: berit.id }, { name, bytes }));
const filesOf = (organisationId: string) => t.db.selectFrom("storedFiles").select("id").where("organisationId", "=", organisationId).execute();

beforeAll(async () => {
  berit = await createPerson(t.db, { name: "Berit Innkjøp" });
  bergvik = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }]);
  full = await createOrganisationWith(t.db, [{ person: berit, role: "member" }]);
});

describe("storing files", () => {
  it.each(FILE_KINDS)("stores a %s with its size, hash and type read from the bytes, and gives the same bytes back", async (kind) => {
    const bytes = SAMPLE_FILES[kind];
    const name = `dokument.${kind === "jpeg" ? "jpg" : kind}`;
    const stored = await store(bergvik.id, name, bytes);
    expect(stored).toMatchObject({ ok: true, value: { name, kind, sizeBytes: bytes.byteLength, sha256: sha256Hex(bytes) } });
    if (!stored.ok) return;
    const read = await readFile(t.db, stored.value.id);
    expect(read?.file.mediaType).toBe(stored.value.mediaType);
    expect(Buffer.from(read!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("stores nothing of a refused file", async () => {
    const before = (await filesOf(bergvik.id)).length;
    for (const [name, bytes] of [["tilbud.pdf", SAMPLE_FILES.exe], ["tom.txt", new Uint8Array()], ["../svar.pdf", SAMPLE_FILES.pdf], ["bilde.pdf", SAMPLE_FILES.png]] as const) {
      expect(await store(bergvik.id, name, bytes)).toMatchObject({ ok: false });
    }
    expect(await filesOf(bergvik.id)).toHaveLength(before);
  });

  it("refuses a file the organisation has no room left for, and counts only its own files", async () => {
    // 25 files of 20 MiB described (500 MiB): the quota is full without writing the bytes.
    const rows = Array.from({ length: MAX_ORGANISATION_BYTES / MAX_FILE_BYTES }, (_, i) => ({
      organisationId: full.id, uploadedBy: berit.id, name: `stor-${i}.pdf`, kind: "pdf" as const, mediaType: "application/pdf", sizeBytes: MAX_FILE_BYTES, sha256: "0".repeat(64),
    }));
    await t.db.insertInto("storedFiles").values(rows).execute();
    expect(await organisationFileBytes(t.db, full.id)).toBe(MAX_ORGANISATION_BYTES);
    expect(await store(full.id, "en-til.txt", SAMPLE_FILES.txt)).toMatchObject({ ok: false, reason: "refused", problems: [{ path: "file", code: "organisation_storage_full" }] });
    expect(await store(bergvik.id, "en-til.txt", SAMPLE_FILES.txt)).toMatchObject({ ok: true });
  });

  it("keeps a row from being written without a name, a type or a size the rules allow", async () => {
    const row = { organisationId: bergvik.id, uploadedBy: berit.id, name: "ok.pdf", kind: "pdf" as const, mediaType: "application/pdf", sizeBytes: 10, sha256: "a".repeat(64) };
    for (const bad of [{ name: "mappe/ok.pdf" }, { name: "mappe\\ok.pdf" }, { name: "ok\u0001.pdf" }, { sizeBytes: 0 }, { sizeBytes: MAX_FILE_BYTES + 1 }, { sha256: "nope" }, { kind: "exe" }]) {
      await expect(t.db.insertInto("storedFiles").values({ ...row, ...bad } as typeof row).execute()).rejects.toThrow(/stored_files_/);
    }
    await expect(t.db.insertInto("storedFiles").values(row).execute()).resolves.toBeDefined();
  });

  it("answers nothing for an id that is not a file", async () => {
    expect(await storedFile(t.db, "not-a-uuid")).toBeUndefined();
    expect(await readFile(t.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect(await fileStore.get(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
