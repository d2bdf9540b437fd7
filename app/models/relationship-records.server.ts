import { sql, type UpdateObject } from "kysely";
import type { Db } from "@db/client";
import { fail, failAt, ok, type Result } from "~/domain/result";
import type { Database } from "@db/schema";
import { enqueueEmail } from "@emails/outbox.server";
import { osloDate } from "~/domain/zoned-time";

// One organisation's private records about a counterpart: notes, follow-ups and contacts,
// and the reminder e-mail for a follow-up that is due. Every read and change is scoped by
// the organisation that owns the row, so a counterpart or an outsider never reaches it.

export interface Scope {
  organisationId: string;
  counterpartId: string;
}

export async function listNotes(db: Db, { organisationId, counterpartId }: Scope) {
  return db
    .selectFrom("relationshipNotes as n")
    .leftJoin("users as u", "u.id", "n.authorId")
    .select(["n.id", "n.body", "n.createdAt", "n.updatedAt", "n.authorId", "u.name as authorName"])
    .where("n.organisationId", "=", organisationId)
    .where("n.counterpartId", "=", counterpartId)
    .orderBy("n.createdAt", "desc")
    .execute();
}

export async function listFollowUps(db: Db, { organisationId, counterpartId }: Scope) {
  return db
    .selectFrom("relationshipFollowUps as f")
    .leftJoin("users as u", "u.id", "f.ownerId")
    .select(["f.id", "f.title", "f.dueOn", "f.ownerId", "f.doneAt", "u.name as ownerName"])
    .where("f.organisationId", "=", organisationId)
    .where("f.counterpartId", "=", counterpartId)
    .orderBy("f.dueOn")
    .execute();
}

export async function listContacts(db: Db, { organisationId, counterpartId }: Scope) {
  return db
    .selectFrom("relationshipContacts")
    .select(["id", "name", "role", "email", "phone"])
    .where("organisationId", "=", organisationId)
    .where("counterpartId", "=", counterpartId)
    .orderBy("name")
    .execute();
}

/** Follow-ups of my organisation that are not done: mine and everyone else's. */
export async function listOpenFollowUps(db: Db, organisationId: string) {
  return db
    .selectFrom("relationshipFollowUps as f")
    .innerJoin("organisations as o", "o.id", "f.counterpartId")
    .leftJoin("users as u", "u.id", "f.ownerId")
    .select(["f.id", "f.title", "f.dueOn", "f.doneAt", "f.ownerId", "u.name as ownerName", "o.id as counterpartId", "o.slug as counterpartSlug", "o.name as counterpartName"])
    .where("f.organisationId", "=", organisationId)
    .where("f.doneAt", "is", null)
    .orderBy("f.dueOn")
    .orderBy("f.title")
    .execute();
}

/** A saved (or deleted) row's id; a row that is not my organisation's about this counterpart is not found. */
export type Saved = Result<{ id: string }>;

async function isMember(db: Db, organisationId: string, userId: string) {
  return Boolean(await db.selectFrom("memberships").select("userId").where("organisationId", "=", organisationId).where("userId", "=", userId).executeTakeFirst());
}

const TABLES = { note: "relationshipNotes", followUp: "relationshipFollowUps", contact: "relationshipContacts" } as const;

/** Changes one of my organisation's rows about this counterpart; another's is "not found". */
async function updateOwn<K extends keyof typeof TABLES>(
  db: Db,
  kind: K,
  scope: Scope,
  id: string,
  values: UpdateObject<Database, (typeof TABLES)[K]>,
  now = new Date(),
): Promise<Saved> {
  const row = await db
    .updateTable(TABLES[kind] as (typeof TABLES)[keyof typeof TABLES])
    .set({ ...values, updatedAt: now } as never)
    .where("id", "=", id)
    .where("organisationId", "=", scope.organisationId)
    .where("counterpartId", "=", scope.counterpartId)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ id: row.id }) : fail("not_found");
}

export async function saveNote(db: Db, scope: Scope & { authorId: string }, input: { id?: string; body: string }): Promise<Saved> {
  if (input.id) return updateOwn(db, "note", scope, input.id, { body: input.body });
  const row = await db
    .insertInto("relationshipNotes")
    .values({ organisationId: scope.organisationId, counterpartId: scope.counterpartId, authorId: scope.authorId, body: input.body })
    .returning("id")
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

export async function saveFollowUp(db: Db, scope: Scope & { userId: string }, input: { id?: string; title: string; dueOn: string; ownerId: string }): Promise<Saved> {
  return db.transaction().execute(async (trx) => {
    // The owner is one of us; the foreign key says the same, this gives the field error.
    if (!(await isMember(trx, scope.organisationId, input.ownerId))) return failAt("invalid", "ownerId", "relationships_owner_not_member");
    if (input.id) {
      const before = await trx
        .selectFrom("relationshipFollowUps")
        .select(["dueOn", "ownerId"])
        .where("id", "=", input.id)
        .where("organisationId", "=", scope.organisationId)
        .where("counterpartId", "=", scope.counterpartId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return fail("not_found");
      // A new date or a new owner is a new reminder.
      const rearm = before.dueOn !== input.dueOn || before.ownerId !== input.ownerId;
      await trx
        .updateTable("relationshipFollowUps")
        .set({ title: input.title, dueOn: input.dueOn, ownerId: input.ownerId, updatedAt: new Date(), ...(rearm ? { remindedAt: null } : {}) })
        .where("id", "=", input.id)
        .execute();
      return ok({ id: input.id });
    }
    const row = await trx
      .insertInto("relationshipFollowUps")
      .values({ organisationId: scope.organisationId, counterpartId: scope.counterpartId, title: input.title, dueOn: input.dueOn, ownerId: input.ownerId, createdBy: scope.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok({ id: row.id });
  });
}

export async function toggleFollowUp(db: Db, scope: Scope, id: string, now = new Date()): Promise<Saved> {
  return updateOwn(db, "followUp", scope, id, { doneAt: sql<Date | null>`case when done_at is null then ${now}::timestamptz end` }, now);
}

export async function saveContact(db: Db, scope: Scope & { userId: string }, input: { id?: string; name: string; role?: string; email?: string; phone?: string }): Promise<Saved> {
  const values = { name: input.name, role: input.role ?? null, email: input.email ?? null, phone: input.phone ?? null };
  if (input.id) return updateOwn(db, "contact", scope, input.id, values);
  const row = await db
    .insertInto("relationshipContacts")
    .values({ organisationId: scope.organisationId, counterpartId: scope.counterpartId, createdBy: scope.userId, ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

export async function deleteRecord(db: Db, scope: Scope, kind: keyof typeof TABLES, id: string): Promise<Saved> {
  const row = await db
    .deleteFrom(TABLES[kind])
    .where("id", "=", id)
    .where("organisationId", "=", scope.organisationId)
    .where("counterpartId", "=", scope.counterpartId)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ id: row.id }) : fail("not_found");
}

// ------------------------------------------------------------------- reminders

/**
 * Queues one e-mail to the owner of each follow-up due today (Oslo), and marks it
 * reminded in the same transaction, so a reminder is sent once even across restarts
 * and parallel runs (rows are locked and skipped by other runs).
 */
export async function sendFollowUpReminders(db: Db, now: Date, baseUrl: string): Promise<number> {
  const today = osloDate(now);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("relationshipFollowUps as f")
      .innerJoin("users as u", "u.id", "f.ownerId")
      .innerJoin("organisations as own", "own.id", "f.organisationId")
      .innerJoin("organisations as cp", "cp.id", "f.counterpartId")
      .select(["f.id", "f.title", "f.dueOn", "u.email", "u.name", "u.language", "own.name as organisationName", "cp.name as counterpartName", "cp.slug as counterpartSlug"])
      .where("f.dueOn", "=", today)
      .where("f.doneAt", "is", null)
      .where("f.remindedAt", "is", null)
      .orderBy("f.id")
      .limit(200)
      .forUpdate("f")
      .skipLocked()
      .execute();
    for (const f of due) {
      await enqueueEmail(trx, {
        template: "follow-up-due",
        to: f.email,
        language: f.language,
        data: {
          name: f.name,
          title: f.title,
          dueOn: f.dueOn,
          organisationName: f.organisationName,
          counterpartName: f.counterpartName,
          url: new URL(`/relationships/${f.counterpartSlug}#follow-ups`, baseUrl).toString(),
        },
      });
      await trx.updateTable("relationshipFollowUps").set({ remindedAt: now }).where("id", "=", f.id).execute();
    }
    return due.length;
  });
}
