import { sql } from "kysely";
import type { Db } from "@db/client";
import type { OutboxStatus } from "~/domain/outbox";
import { isUuid } from "~/domain/ids";

// The operator's view of the e-mail outbox (emails/outbox.server.ts writes it,
// emails/sender.server.ts delivers it).

// PostgreSQL's own text form of a timestamptz, kept to the microsecond.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

export function isOutboxId(value: unknown): value is string {
  return typeof value === "string" && isUuid(value);
}

/** A page position: the (created_at, id) of the last row shown, as an opaque URL-safe string. */
interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, "utf8").toString("base64url");
}

/** Anything that is not a cursor we made means "the first page". */
function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  const [createdAt, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !createdAt || !TIMESTAMP.test(createdAt) || !isOutboxId(id)) return null;
  return { createdAt, id };
}

export interface OutboxListOptions {
  status?: OutboxStatus | null;
  /** From a previous page's `next`. */
  after?: string | null;
  limit?: number;
}

/** Newest first, paged by keyset on (created_at, id) through outbox_created_idx. */
export async function listOutbox(db: Db, { status, after, limit = 50 }: OutboxListOptions = {}) {
  const cursor = decodeCursor(after);
  let query = db
    .selectFrom("outbox")
    .select([
      "id",
      "createdAt",
      "template",
      "toAddress",
      "language",
      "subject",
      "status",
      "attempts",
      "lastError",
      "nextAttemptAt",
      "sentAt",
      sql<string>`created_at::text`.as("createdAtKey"),
    ])
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (status) query = query.where("status", "=", status);
  // ::text first: postgres.js would otherwise send the cursor as a JavaScript Date, to the millisecond.
  if (cursor) query = query.where(sql<boolean>`(created_at, id) < (${cursor.createdAt}::text::timestamptz, ${cursor.id}::uuid)`);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? encodeCursor({ createdAt: last.createdAtKey, id: last.id }) : null;
  return { messages: page.map(({ createdAtKey: _key, ...row }) => row), next };
}

export async function getOutboxMessage(db: Db, id: string) {
  if (!isOutboxId(id)) return undefined;
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Puts a failed message back in the queue for one more attempt, due now.
 * Its attempt count is kept, so if it fails again it is failed again at once.
 * Returns false when the message is not (or no longer) failed.
 */
export async function retryFailedMessage(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  if (!isOutboxId(id)) return false;
  const row = await db
    .updateTable("outbox")
    .set({ status: "pending", nextAttemptAt: now, lockedUntil: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
