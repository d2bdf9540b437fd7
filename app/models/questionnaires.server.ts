import type { Db } from "@db/client";
import { jsonb } from "@db/jsonb";
import { isUuid } from "~/domain/ids";
import { isBlank, type Problem } from "~/domain/problems";
import { bankQuestion, type AnswerType } from "~/domain/question-bank";
import {
  QUESTIONNAIRE_MAX,
  answerProblems,
  bankSpecOf,
  carriesQuestionnaire,
  ownQuestionProblems,
  prefillAnswers,
  questionnaireAmendment,
  type Answer,
  type AnswerProfile,
  type Answers,
  type OwnQuestionInput,
  type QuestionnaireItem,
} from "~/domain/questionnaire";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { eventFor, type ActingUser } from "./event-access.server";
import { notifyAmendment } from "./event-edits.server";
import { dropUnreferencedFiles, storeFile, type Upload } from "./stored-files.server";

// Questionnaires on events and vendors' answer profiles (issue 17, "answer once").
// The rules are app/domain/questionnaire.ts's; this module reads and writes them.

// ---- the questionnaire ---------------------------------------------------------------------

/**
 * The event's questionnaire in order, each question with what a vendor's answer is checked
 * against (`answerProblems`/`answerSetProblems`). Bank questions carry `bankKey` and no text
 * (translate `questionnaire:bank.<key>.question`); own questions carry the buyer's `text` and
 * their item id as `key`. The caller has checked the event may be read. A bank key the bank no
 * longer has is left out (nobody can answer it).
 */
export async function getQuestionnaire(db: Db, eventId: string): Promise<QuestionnaireItem[]> {
  if (!isUuid(eventId)) return [];
  const rows = await db.selectFrom("questionnaireItems").selectAll().where("eventId", "=", eventId).orderBy("position").orderBy("createdAt").execute();
  const items: QuestionnaireItem[] = [];
  for (const row of rows) {
    const common = { id: row.id, position: row.position, required: row.required };
    if (row.bankKey) {
      const spec = bankSpecOf(row.bankKey, row.required);
      if (spec) items.push({ ...spec, ...common, bankKey: row.bankKey, text: null });
    } else {
      items.push({ ...common, key: row.id, bankKey: null, text: row.questionText, answerType: row.answerType as AnswerType, options: row.options ?? [], multiple: row.multiple });
    }
  }
  return items;
}

/** One question of the buyer's plan, in the order wanted: a question already there (`id`), a bank question, or a new own one. */
export type PlannedQuestion = { id: string; required: boolean } | { bankKey: string; required: boolean } | { own: OwnQuestionInput };

/**
 * Sets the event's questionnaire to `plan`, in its order: questions already on it that the plan
 * leaves out are removed. Only members of the event's buyer organisation, on an RFI or RFP that
 * is not closed. On a published event a change is an amendment with a reason (`reason_required`),
 * told to the vendors taking part, like any other; nothing is written when a check fails.
 * Problems at `questions.<i>` (`.bankKey`, `own.text` …), `questions` and `reason`.
 */
export async function saveQuestionnaire(
  db: Db,
  actor: ActingUser,
  eventId: string,
  plan: readonly PlannedQuestion[],
  { reason = null, now = new Date(), baseUrl }: { reason?: string | null; now?: Date; baseUrl: string },
): Promise<Result<{ changed: boolean; amendmentId: string | null }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, eventId, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (!carriesQuestionnaire(event.kind)) return fail("refused", [{ path: "questions", code: "questionnaire_not_for_kind" }]);
    if (event.status !== "draft" && event.status !== "published") return fail("conflict", [{ path: "questions", code: "event_not_open" }]);

    const before = await getQuestionnaire(trx, eventId);
    const byId = new Map(before.map((item) => [item.id, item]));
    const problems: Problem[] = [];
    if (plan.length > QUESTIONNAIRE_MAX) problems.push({ path: "questions", code: "too_many_questions" });
    const seenBank = new Set<string>();
    const seenIds = new Set<string>();
    plan.forEach((question, i) => {
      const path = `questions.${i}`;
      if ("own" in question) {
        problems.push(...ownQuestionProblems(question.own, `${path}.own`));
        return;
      }
      const bankKey = "bankKey" in question ? question.bankKey : byId.get(question.id)?.bankKey;
      if ("id" in question && (!byId.has(question.id) || seenIds.has(question.id))) problems.push({ path: `${path}.id`, code: "invalid_choice" });
      if ("id" in question) seenIds.add(question.id);
      if ("bankKey" in question && !bankQuestion(question.bankKey)) problems.push({ path: `${path}.bankKey`, code: "invalid_choice" });
      if (bankKey && seenBank.has(bankKey)) problems.push({ path: `${path}.bankKey`, code: "question_twice" });
      if (bankKey) seenBank.add(bankKey);
    });
    if (problems.length) return fail("invalid", problems);

    // The questionnaire after, as vendors will read it (positions 1…n); new own questions get their ids on insert.
    const after: (QuestionnaireItem & { isNew: boolean })[] = plan.map((question, i) => {
      const position = i + 1;
      if ("id" in question) return { ...byId.get(question.id)!, position, required: question.required, isNew: false };
      if ("bankKey" in question) {
        const existing = before.find((item) => item.bankKey === question.bankKey);
        if (existing) return { ...existing, position, required: question.required, isNew: false };
        return { ...bankSpecOf(question.bankKey, question.required)!, id: "", position, bankKey: question.bankKey, text: null, isNew: true };
      }
      const own = question.own;
      return {
        id: "",
        key: `new-${i}`,
        position,
        bankKey: null,
        text: own.text,
        answerType: own.answerType as AnswerType,
        options: own.answerType === "choice" ? own.options : [],
        multiple: own.answerType === "choice" && own.multiple,
        required: own.required,
        isNew: true,
      };
    });
    const changes = questionnaireAmendment(before, after);
    if (changes.length === 0) return ok({ changed: false, amendmentId: null });
    const published = event.status === "published";
    if (published && isBlank(reason)) return fail("invalid", [{ path: "reason", code: "reason_required" }]);

    const keptIds = new Set(after.filter((item) => !item.isNew).map((item) => item.id));
    const removed = before.filter((item) => !keptIds.has(item.id)).map((item) => item.id);
    if (removed.length) await trx.deleteFrom("questionnaireItems").where("id", "in", removed).execute();
    for (const item of after) {
      if (!item.isNew) {
        await trx.updateTable("questionnaireItems").set({ position: item.position, required: item.required }).where("id", "=", item.id).execute();
      } else if (item.bankKey) {
        await trx.insertInto("questionnaireItems").values({ eventId, position: item.position, bankKey: item.bankKey, required: item.required, createdAt: now }).execute();
      } else {
        await trx
          .insertInto("questionnaireItems")
          .values({
            eventId,
            position: item.position,
            questionText: item.text,
            answerType: item.answerType,
            options: item.answerType === "choice" ? jsonb(item.options) : null,
            multiple: item.multiple,
            required: item.required,
            createdAt: now,
          })
          .execute();
      }
    }
    let amendmentId: string | null = null;
    if (published) {
      const why = reason?.trim() ?? "";
      const amendment = await trx.insertInto("eventAmendments").values({ eventId, byUserId: actor.id, reason: why, changes: jsonb(changes), at: now }).returning("id").executeTakeFirstOrThrow();
      amendmentId = amendment.id;
      await notifyAmendment(trx, { id: eventId, title: event.title, buyerId: event.buyerId }, why, changes, baseUrl);
    }
    // The event page shows the questionnaire: touching the event moves the public pages' version (migration 0012).
    await trx.updateTable("events").set({ updatedAt: now }).where("id", "=", eventId).execute();
    return ok({ changed: true, amendmentId });
  });
}

// ---- the answer profile --------------------------------------------------------------------

/** Whether the person is a member of the organisation and it is a vendor (whose profile they may keep). */
export async function isVendorMember(db: Db, actor: ActingUser, organisationId: string): Promise<boolean> {
  if (!isUuid(organisationId)) return false;
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisationId")
    .select("o.id")
    .where("m.userId", "=", actor.id)
    .where("m.organisationId", "=", organisationId)
    .where("o.isVendor", "=", true)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AnswerProfileEntry {
  bankKey: string;
  answer: Answer;
  updatedAt: Date;
  /** The name of who saved it last, null when that account is gone. */
  updatedBy: string | null;
  /** For a document answer: the stored file's name, when the file is still the organisation's. */
  fileName: string | null;
}

/** The organisation's stored answers to bank questions, with when and by whom each was last saved. */
export async function listAnswerProfile(db: Db, organisationId: string): Promise<AnswerProfileEntry[]> {
  if (!isUuid(organisationId)) return [];
  const rows = await db
    .selectFrom("answerProfileEntries as a")
    .leftJoin("users as u", "u.id", "a.updatedBy")
    .select(["a.bankKey", "a.answer", "a.updatedAt", "u.name as updatedBy"])
    .where("a.organisationId", "=", organisationId)
    .execute();
  const fileIds = rows.filter((r) => bankQuestion(r.bankKey)?.answerType === "document" && isUuid(r.answer.value)).map((r) => r.answer.value as string);
  const files = fileIds.length
    ? await db.selectFrom("storedFiles").select(["id", "name"]).where("id", "in", fileIds).where("organisationId", "=", organisationId).execute()
    : [];
  const names = new Map(files.map((f) => [f.id, f.name]));
  return rows.map((r) => ({ ...r, fileName: typeof r.answer.value === "string" ? (names.get(r.answer.value) ?? null) : null }));
}

/** The documents the organisation's answer profile holds (for document questions), each once: a response form offers them. */
export async function answerProfileDocuments(db: Db, organisationId: string): Promise<{ fileId: string; name: string }[]> {
  const documents = new Map<string, string>();
  for (const entry of await listAnswerProfile(db, organisationId)) if (entry.fileName !== null && typeof entry.answer.value === "string") documents.set(entry.answer.value, entry.fileName);
  return [...documents].map(([fileId, name]) => ({ fileId, name }));
}

/**
 * The organisation's answer profile by bank key, the shape `prefillAnswers(questionnaire,
 * profile)` (app/domain/questionnaire.ts) takes. Answers to keys the bank no longer has are left out.
 */
export async function getAnswerProfile(db: Db, organisationId: string): Promise<AnswerProfile> {
  const profile: Record<string, Answer> = {};
  for (const entry of await listAnswerProfile(db, organisationId)) if (bankQuestion(entry.bankKey)) profile[entry.bankKey] = entry.answer;
  return profile;
}

/**
 * Saves answers to bank questions into the organisation's answer profile, by bank key: each
 * replaces the stored answer to that question (an identical one is left as it was), others
 * stay; `null` removes a stored answer.
 * Only members of `organisationId`, a vendor organisation (`forbidden` otherwise). Every answer is checked against its bank question first and nothing is
 * written when one fails (problems at `answers.<key>`). From a response, pass
 * `profileAnswersOf(questionnaire, answers, chosenKeys)` (app/domain/questionnaire.ts), which
 * turns item keys into bank keys and keeps only the answers the vendor chose to save back.
 */
export async function saveToAnswerProfile(
  db: Db,
  actor: ActingUser,
  organisationId: string,
  given: Readonly<Record<string, Answer | null>>,
  { now = new Date(), uploads = {} }: { now?: Date; uploads?: Readonly<Record<string, Upload>> } = {},
): Promise<Result<{ saved: number; removed: number }>> {
  const problems: Problem[] = [];
  for (const [key, answer] of Object.entries(given)) {
    const spec = bankSpecOf(key, false);
    if (!spec) problems.push({ path: `answers.${key}`, code: "unknown_question" });
    else if (answer !== null && !(key in uploads)) problems.push(...answerProblems(spec, answer));
  }
  for (const key of Object.keys(uploads)) if (bankQuestion(key)?.answerType !== "document") problems.push({ path: `answers.${key}.file`, code: "unknown_question" });
  if (!(await isVendorMember(db, actor, organisationId))) return fail("forbidden");
  if (problems.length) return fail("invalid", problems);
  try {
    return await db.transaction().execute(async (trx) => {
      let saved = 0;
      let removed = 0;
      const rows = await trx.selectFrom("answerProfileEntries").select(["bankKey", "answer"]).where("organisationId", "=", organisationId).execute();
      const stored = new Map(rows.map((r) => [r.bankKey, JSON.stringify(r.answer)]));
      // A document uploaded here is stored with the answer that names it, or neither is (ADR 0032).
      const answers: Record<string, Answer | null> = { ...given };
      for (const [bankKey, upload] of Object.entries(uploads)) {
        const file = await storeFile(trx, { organisationId, userId: actor.id }, upload, `answers.${bankKey}.file`);
        if (!file.ok) throw new UploadRefused(file);
        answers[bankKey] = { value: file.value.id };
      }
      for (const [bankKey, answer] of Object.entries(answers)) {
        if (answer === null) {
          const gone = await trx.deleteFrom("answerProfileEntries").where("organisationId", "=", organisationId).where("bankKey", "=", bankKey).executeTakeFirst();
          removed += Number(gone.numDeletedRows);
          continue;
        }
        const kept: Answer = answer.comment ? { value: answer.value, comment: answer.comment } : { value: answer.value };
        // An answer as it was stays as it was, with its date and author.
        if (stored.get(bankKey) === JSON.stringify(kept)) continue;
        await trx
          .insertInto("answerProfileEntries")
          .values({ organisationId, bankKey, answer: jsonb(kept), updatedBy: actor.id, updatedAt: now })
          .onConflict((oc) => oc.columns(["organisationId", "bankKey"]).doUpdateSet({ answer: jsonb(kept), updatedBy: actor.id, updatedAt: now }))
          .execute();
        saved += 1;
      }
      // A document answer replaced or removed: its file goes when nothing else names it, so it leaves the quota.
      const replaced = rows.filter((r) => bankQuestion(r.bankKey)?.answerType === "document" && r.bankKey in answers && typeof r.answer.value === "string");
      await dropUnreferencedFiles(trx, organisationId, replaced.map((r) => r.answer.value as string));
      return ok({ saved, removed });
    });
  } catch (error) {
    if (error instanceof UploadRefused) return error.failure;
    throw error;
  }
}

/** A refused upload, thrown so that the transaction keeps nothing of the save. */
class UploadRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

/**
 * What a vendor's response form opens with (answer once): the event's questionnaire, and the
 * organisation's stored answers to its bank questions (`prefillAnswers`). Put a draft's own
 * answers over `prefilled`; show them with `answerFormValues(questions, answers)`. The caller
 * has checked that the person acts for `organisationId` and may respond to the event.
 */
export async function questionnaireWithPrefill(db: Db, eventId: string, organisationId: string): Promise<{ questions: QuestionnaireItem[]; prefilled: Answers }> {
  const [questions, profile] = await Promise.all([getQuestionnaire(db, eventId), getAnswerProfile(db, organisationId)]);
  return { questions, prefilled: prefillAnswers(questions, profile) };
}
