import { randomUUID } from "node:crypto";
import type { Db } from "@db/client";
import { documentVersionProblems, type EventDocumentInput } from "~/domain/event-documents";
import { isUuid } from "~/domain/ids";
import { fail, ok, type Result } from "~/domain/result";
import type { ActingUser } from "./event-access.server";
import { emailAdmins } from "./memberships.server";
import { documentSeries, type EventDocument } from "./event-documents.server";
import { readFile, storeFile, type StoredFile, type Upload } from "./stored-files.server";

// Documents on an effort request (issue 17): the buyer's members attach them, in versions (a new
// version says what changed, and the vendors still asked are told by e-mail), as on an event; whoever may see the request (the buyer's
// members, the vendors it was sent to) reads and downloads them. The request is not public, so
// neither are its documents.

/** Whether the person may see the request: a member of its buyer (`buyer`) or of a vendor it was sent to (`recipient`). */
async function requestAccess(db: Db, user: ActingUser, requestId: string): Promise<{ buyerId: string; side: "buyer" | "recipient" } | undefined> {
  if (!isUuid(requestId)) return undefined;
  const request = await db.selectFrom("effortRequests").select(["id", "buyerId"]).where("id", "=", requestId).executeTakeFirst();
  if (!request) return undefined;
  const memberOf = await db.selectFrom("memberships").select("organisationId").where("userId", "=", user.id).execute();
  const organisations = memberOf.map((m) => m.organisationId);
  if (organisations.includes(request.buyerId)) return { buyerId: request.buyerId, side: "buyer" };
  if (organisations.length === 0) return undefined;
  const recipient = await db.selectFrom("effortRequestRecipients").select("organisationId").where("requestId", "=", request.id).where("organisationId", "in", organisations).executeTakeFirst();
  return recipient ? { buyerId: request.buyerId, side: "recipient" } : undefined;
}

/**
 * Attaches a document, or a new version of one (`replaces`), to the request: members of its buyer
 * only (a recipient is refused, anyone else not found). The file and the row are written together.
 */
export async function addEffortRequestDocument(
  db: Db,
  actor: ActingUser,
  requestId: string,
  input: EventDocumentInput,
  upload: Upload,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
): Promise<Result<{ id: string; version: number; told: number }>> {
  return db.transaction().execute(async (trx) => {
    const access = await requestAccess(trx, actor, requestId);
    if (!access) return fail("not_found");
    if (access.side !== "buyer") return fail("forbidden");
    const problems = documentVersionProblems(input);
    if (problems.length) return fail("invalid", problems);
    const previous = input.replaces ? await latestOfSeries(trx, requestId, input.replaces) : null;
    if (input.replaces && !previous) return fail("invalid", [{ path: "replaces", code: "invalid_choice" }]);
    const stored = await storeFile(trx, { organisationId: access.buyerId, userId: actor.id }, upload);
    if (!stored.ok) return stored;
    const id = randomUUID();
    const version = previous ? previous.version + 1 : 1;
    await trx
      .insertInto("effortRequestDocuments")
      .values({
        id,
        requestId,
        seriesId: previous?.seriesId ?? id,
        version,
        // A new version keeps the document's kind: it is the same document, changed.
        documentType: previous?.documentType ?? input.documentType,
        title: input.title,
        changeNote: input.changeNote ?? null,
        fileId: stored.value.id,
        uploadedBy: actor.id,
        createdAt: now,
      })
      .execute();
    // A new version reaches the vendors still asked, as an event's amendment reaches those taking part.
    const told = previous ? await tellRecipients(trx, requestId, { documentTitle: input.title, version, changeNote: input.changeNote ?? "" }, baseUrl) : 0;
    return ok({ id, version, told });
  });
}

/** E-mails the admins of each vendor the request was sent to (and that did not decline) that a document has a new version; how many letters. */
async function tellRecipients(trx: Db, requestId: string, document: { documentTitle: string; version: number; changeNote: string }, baseUrl: string): Promise<number> {
  const request = await trx
    .selectFrom("effortRequests as q")
    .innerJoin("organisations as b", "b.id", "q.buyerId")
    .select(["q.title", "b.name as buyerName"])
    .where("q.id", "=", requestId)
    .executeTakeFirstOrThrow();
  const recipients = await trx
    .selectFrom("effortRequestRecipients as r")
    .innerJoin("organisations as o", "o.id", "r.organisationId")
    .select(["o.id", "o.name"])
    .where("r.requestId", "=", requestId)
    .where("r.status", "<>", "declined")
    .execute();
  let told = 0;
  for (const recipient of recipients) {
    told += await emailAdmins(trx, recipient.id, (person) => ({
      template: "effort-request-document",
      data: { name: person.name, buyerName: request.buyerName, organisationName: recipient.name, title: request.title, ...document, url: `${baseUrl}/effort-requests/${requestId}` },
    }));
  }
  return told;
}

async function latestOfSeries(trx: Db, requestId: string, documentId: string) {
  if (!isUuid(documentId)) return null;
  const row = await trx
    .selectFrom("effortRequestDocuments as d")
    .innerJoin("effortRequestDocuments as s", "s.seriesId", "d.seriesId")
    .select(["s.seriesId", "s.version", "s.documentType"])
    .where("d.id", "=", documentId)
    .where("d.requestId", "=", requestId)
    .orderBy("s.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The request's documents, each with its versions, newest first; the caller has checked the request may be seen. */
export async function listEffortRequestDocuments(db: Db, requestId: string): Promise<EventDocument[]> {
  if (!isUuid(requestId)) return [];
  const rows = await db
    .selectFrom("effortRequestDocuments as d")
    .innerJoin("storedFiles as f", "f.id", "d.fileId")
    .select(["d.id", "d.seriesId", "d.version", "d.documentType", "d.title", "d.changeNote", "d.createdAt", "f.name", "f.kind", "f.sizeBytes"])
    .where("d.requestId", "=", requestId)
    .orderBy("d.version", "desc")
    .execute();
  return documentSeries(rows);
}

/** A document's file for whoever may see the request; undefined (404) otherwise, or for a document of another request. */
export async function effortRequestDocumentFile(db: Db, user: ActingUser, requestId: string, documentId: string): Promise<{ file: StoredFile; bytes: Uint8Array } | undefined> {
  if (!isUuid(documentId) || !(await requestAccess(db, user, requestId))) return undefined;
  const row = await db.selectFrom("effortRequestDocuments").select("fileId").where("id", "=", documentId).where("requestId", "=", requestId).executeTakeFirst();
  return row ? readFile(db, row.fileId) : undefined;
}
