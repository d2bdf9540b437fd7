import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { sql } from "kysely";
import type { Db } from "@db/client";
import type { StoredFileKind } from "@db/schema";
import { isUuid } from "~/domain/ids";
import { ok, type Result } from "~/domain/result";
import { isPlainText, judgeUpload, type UploadProblemCode } from "~/domain/uploads";
import { fileStore } from "./file-store.server";

// Storing an uploaded file for an organisation: its type read from the bytes, its name and
// size judged by app/domain/uploads.ts, within the organisation's quota, and its bytes
// handed to the file store in the same transaction.

export interface StoredFile {
  id: string;
  organisationId: string;
  name: string;
  kind: StoredFileKind;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

export interface Upload {
  /** The name as the sender gave it. */
  name: string;
  bytes: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores the file for the organisation, or refuses it with the problem at `path`. Call it
 * inside the transaction that writes what the file belongs to: both stay, or neither.
 */
export async function storeFile(
  trx: Db,
  owner: { organisationId: string; userId: string },
  upload: Upload,
  path = "file",
): Promise<Result<StoredFile, UploadProblemCode>> {
  // One upload at a time per organisation, so two at once cannot both fit the last of its quota.
  await trx.selectFrom("organisations").select("id").where("id", "=", owner.organisationId).forUpdate().executeTakeFirstOrThrow();
  const used = await organisationFileBytes(trx, owner.organisationId);
  const sniffed = upload.bytes.byteLength > 0 ? await fileTypeFromBuffer(upload.bytes) : undefined;
  const judged = judgeUpload(
    { name: upload.name, size: upload.bytes.byteLength, sniffed, plainText: !sniffed && isPlainText(upload.bytes), organisationBytes: used },
    path,
  );
  if (!judged.ok) return judged;
  const row = await trx
    .insertInto("storedFiles")
    .values({
      organisationId: owner.organisationId,
      uploadedBy: owner.userId,
      name: judged.value.name,
      kind: judged.value.kind,
      mediaType: judged.value.mediaType,
      sizeBytes: upload.bytes.byteLength,
      sha256: sha256Hex(upload.bytes),
    })
    .returning(["id", "organisationId", "name", "kind", "mediaType", "sizeBytes", "sha256", "createdAt"])
    .executeTakeFirstOrThrow();
  await fileStore.put(trx, row.id, upload.bytes);
  return ok(row);
}

/** A stored file's description; undefined for an id that is not one. Who may read it is the caller's to decide. */
export async function storedFile(db: Db, id: string): Promise<StoredFile | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("storedFiles")
    .select(["id", "organisationId", "name", "kind", "mediaType", "sizeBytes", "sha256", "createdAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The file and its bytes, for a download the caller has allowed. */
export async function readFile(db: Db, id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | undefined> {
  const file = await storedFile(db, id);
  if (!file) return undefined;
  const bytes = await fileStore.get(db, file.id);
  return bytes ? { file, bytes } : undefined;
}

/** Bytes the organisation keeps in files, against MAX_ORGANISATION_BYTES. */
export async function organisationFileBytes(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("storedFiles")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("sizeBytes"), eb.lit(0)).as("bytes"))
    .where("organisationId", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/**
 * Columns that name a stored file under a foreign key. A table that comes to hold a file's id adds
 * its column here (tests/integration/file-references.test.ts fails until it does), so that
 * `dropUnreferencedFiles` never drops a file something still names. file_contents is the store's own.
 */
export const FILE_FOREIGN_KEYS = [
  { table: "event_documents", column: "file_id" },
  { table: "event_response_documents", column: "file_id" },
  { table: "effort_request_documents", column: "file_id" },
] as const;

/**
 * Deletes those of the organisation's files that nothing names any more (ADR 0032): no row of
 * `FILE_FOREIGN_KEYS`, no structured answer of one of its responses (a document answer is the
 * file's id), no entry of its answer profile. The store's bytes go with the row. Call it in the
 * transaction that took the last reference away (a document out of a draft, a profile answer
 * replaced), so the quota counts only files in use and nothing is half-done. The number dropped.
 */
export async function dropUnreferencedFiles(trx: Db, organisationId: string, fileIds: readonly string[]): Promise<number> {
  const ids = [...new Set(fileIds)].filter(isUuid);
  if (ids.length === 0) return 0;
  const gone = await trx
    .deleteFrom("storedFiles as f")
    .where("f.organisationId", "=", organisationId)
    .where("f.id", "in", ids)
    .where((eb) =>
      eb.not(
        eb.or([
          ...FILE_FOREIGN_KEYS.map(({ table, column }) => eb.exists(sql`(select 1 from ${sql.table(table)} where ${sql.ref(`${table}.${column}`)} = f.id)`)),
          eb.exists(
            eb
              .selectFrom("eventResponseVersions as v")
              .innerJoin("eventResponses as r", "r.id", "v.responseId")
              .select("v.id")
              .where("r.organisationId", "=", organisationId)
              .where(sql<boolean>`v.answers @> jsonb_build_array(jsonb_build_object('value', f.id::text))`),
          ),
          eb.exists(eb.selectFrom("answerProfileEntries as a").select("a.bankKey").where("a.organisationId", "=", organisationId).where(sql<boolean>`a.answer ->> 'value' = f.id::text`)),
        ]),
      ),
    )
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}
