import type { Db } from "@db/client";

// Where a file's bytes live (ADR 0032): the one place that knows. Today in PostgreSQL's
// file_contents table, written in the caller's transaction, so a stored_files row never
// exists without its bytes and a backup carries both. A deployment that outgrows this
// replaces this file with one that talks to S3-compatible object storage (see the ADR);
// nothing else reads or writes file_contents.

export interface FileStore {
  /** Keeps the bytes of a stored_files row (in the caller's transaction where the store has one). */
  put(trx: Db, fileId: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the store has none for the file. */
  get(db: Db, fileId: string): Promise<Uint8Array | null>;
}

export const fileStore: FileStore = {
  async put(trx, fileId, bytes) {
    await trx.insertInto("fileContents").values({ fileId, bytes }).execute();
  },
  async get(db, fileId) {
    const row = await db.selectFrom("fileContents").select("bytes").where("fileId", "=", fileId).executeTakeFirst();
    // postgres.js gives a Buffer, PGlite a Uint8Array: one type for the caller.
    return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  },
};
