import { randomUUID } from "node:crypto";
import type { Db } from "@db/client";
import { jsonb } from "@db/jsonb";
import type { StoredFileKind } from "@db/schema";
import { documentAmendment, documentVersionProblems, type EventDocumentInput, type EventDocumentType } from "~/domain/event-documents";
import { isUuid } from "~/domain/ids";
import { fail, ok, type Result } from "~/domain/result";
import { accessOf, eventFor, type ActingUser } from "./event-access.server";
import { notifyAmendment } from "./event-edits.server";
import { readFile, storeFile, type StoredFile, type Upload } from "./stored-files.server";

// Documents on an event (issue 17): the buyer's members attach them, in versions; everyone
// who may read the event may read and download them. A new version of a document on a
// published (or closed) event is an amendment, told to the vendors taking part and, through
// the digests that read amendments, to watchers.

export interface EventDocumentVersion {
  id: string;
  version: number;
  title: string;
  changeNote: string | null;
  createdAt: Date;
  file: { name: string; kind: StoredFileKind; sizeBytes: number };
}

/** One document: its newest version first, the earlier ones after. */
export interface EventDocument {
  seriesId: string;
  documentType: EventDocumentType;
  current: EventDocumentVersion;
  earlier: EventDocumentVersion[];
}

/**
 * Attaches a document, or a new version of one (`replaces`), to the event: only members of the
 * event's buyer organisation. The file, the row and any amendment are written together.
 */
export async function addEventDocument(
  db: Db,
  actor: ActingUser,
  eventId: string,
  input: EventDocumentInput,
  upload: Upload,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
): Promise<Result<{ id: string; version: number; amendmentId: string | null }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    const problems = documentVersionProblems(input);
    if (problems.length) return fail("invalid", problems);
    const previous = input.replaces ? await latestOfSeries(trx, eventId, input.replaces) : null;
    if (input.replaces && !previous) return fail("invalid", [{ path: "replaces", code: "invalid_choice" }]);

    const stored = await storeFile(trx, { organisationId: event.buyerId, userId: actor.id }, upload);
    if (!stored.ok) return stored;
    const id = randomUUID();
    // A new version keeps the document's kind: it is the same document, changed.
    const documentType = previous?.documentType ?? input.documentType;
    const version = previous ? previous.version + 1 : 1;
    let amendmentId: string | null = null;
    if (previous && event.status !== "draft") {
      const why = input.changeNote ?? "";
      const changes = [documentAmendment(documentType, previous, { title: input.title, version, fileName: stored.value.name })];
      const amendment = await trx
        .insertInto("eventAmendments")
        .values({ eventId, byUserId: actor.id, reason: why, changes: jsonb(changes), at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      amendmentId = amendment.id;
      await notifyAmendment(trx, { id: eventId, title: event.title, buyerId: event.buyerId }, why, changes, baseUrl);
    }
    await trx
      .insertInto("eventDocuments")
      .values({
        id,
        eventId,
        seriesId: previous?.seriesId ?? id,
        version,
        documentType,
        title: input.title,
        changeNote: input.changeNote ?? null,
        fileId: stored.value.id,
        uploadedBy: actor.id,
        amendmentId,
        createdAt: now,
      })
      .execute();
    // The event page shows its documents: touching the event moves the public pages' version (migration 0012).
    await trx.updateTable("events").set({ updatedAt: now }).where("id", "=", eventId).execute();
    return ok({ id, version, amendmentId });
  });
}

/** The newest version of the document `documentId` belongs to, on this event. */
async function latestOfSeries(trx: Db, eventId: string, documentId: string) {
  if (!isUuid(documentId)) return null;
  const row = await trx
    .selectFrom("eventDocuments as d")
    .innerJoin("eventDocuments as s", "s.seriesId", "d.seriesId")
    .innerJoin("storedFiles as f", "f.id", "s.fileId")
    .select(["s.seriesId", "s.version", "s.documentType", "s.title", "f.name as fileName"])
    .where("d.id", "=", documentId)
    .where("d.eventId", "=", eventId)
    .orderBy("s.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The event's documents, each with its versions, newest first; the caller has checked the event may be read. */
export async function listEventDocuments(db: Db, eventId: string): Promise<EventDocument[]> {
  const rows = await db
    .selectFrom("eventDocuments as d")
    .innerJoin("storedFiles as f", "f.id", "d.fileId")
    .select(["d.id", "d.seriesId", "d.version", "d.documentType", "d.title", "d.changeNote", "d.createdAt", "f.name", "f.kind", "f.sizeBytes"])
    .where("d.eventId", "=", eventId)
    .orderBy("d.version", "desc")
    .execute();
  return documentSeries(rows);
}

/** Document versions (newest first) grouped into documents, in the order they were first attached; events' and effort requests' alike. */
export function documentSeries(
  rows: { id: string; seriesId: string; version: number; documentType: EventDocumentType; title: string; changeNote: string | null; createdAt: Date; name: string; kind: StoredFileKind; sizeBytes: number }[],
): EventDocument[] {
  const series = new Map<string, EventDocument>();
  for (const row of rows) {
    const version: EventDocumentVersion = {
      id: row.id,
      version: row.version,
      title: row.title,
      changeNote: row.changeNote,
      createdAt: row.createdAt,
      file: { name: row.name, kind: row.kind, sizeBytes: row.sizeBytes },
    };
    const known = series.get(row.seriesId);
    if (known) known.earlier.push(version);
    else series.set(row.seriesId, { seriesId: row.seriesId, documentType: row.documentType, current: version, earlier: [] });
  }
  // In the order the documents were first attached.
  const firstAttached = new Map(rows.filter((r) => r.version === 1).map((r) => [r.seriesId, r.createdAt.getTime()]));
  return [...series.values()].sort((a, b) => (firstAttached.get(a.seriesId) ?? 0) - (firstAttached.get(b.seriesId) ?? 0));
}

/**
 * A document's file for a download, when the viewer may read the event: a published or closed
 * event's documents are public, a draft's only for its buyer's and co-buyers' (and invited) members.
 * Undefined otherwise, or when the document is not this event's: the route answers 404.
 */
export async function eventDocumentFile(db: Db, viewer: ActingUser | null, eventId: string, documentId: string): Promise<{ file: StoredFile; bytes: Uint8Array; isPublic: boolean } | undefined> {
  if (!isUuid(eventId) || !isUuid(documentId)) return undefined;
  const row = await db
    .selectFrom("eventDocuments as d")
    .innerJoin("events as e", "e.id", "d.eventId")
    .select(["d.fileId", "e.id", "e.buyerId", "e.status"])
    .where("d.id", "=", documentId)
    .where("d.eventId", "=", eventId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.status === "draft" && (await accessOf(db, viewer, row, { invited: true })) === null) return undefined;
  const read = await readFile(db, row.fileId);
  return read && { ...read, isPublic: row.status !== "draft" };
}
