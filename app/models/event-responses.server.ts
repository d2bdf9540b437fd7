import { sql } from "kysely";
import type { Db } from "@db/client";
import type { ResponsePart, StoredFileKind } from "@db/schema";
import { csvDocument, csvOsloTime } from "~/domain/csv";
import { isUuid } from "~/domain/ids";
import {
  confidentialProblems,
  effortRequestTeam,
  effortResponseRefusal,
  eventTeam,
  isConfidential,
  logsRead,
  partAccess,
  readLogWindowStart,
  responseReader,
  responseRefusal,
  submissionProblems,
  takesResponses,
  type ResponseInput,
  type ResponseReader,
} from "~/domain/responses";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { isBlank, type Problem } from "~/domain/problems";
import { answerProblems, answerSetProblems, compareAnswers, profileAnswersOf, type Answer, type QuestionnaireItem } from "~/domain/questionnaire";
import { jsonb } from "@db/jsonb";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import type { ActingUser } from "./event-access.server";
import { getQuestionnaire, saveToAnswerProfile } from "./questionnaires.server";
import { dropUnreferencedFiles, readFile, storeFile, type StoredFile, type Upload } from "./stored-files.server";
import { recordVendorActivity } from "./vendor-activity.server";

// Vendors' responses to an RFI or RFP (issue 17, ADR 0036): drafts and submitted versions,
// documents through the file store, parts marked as business secrets, and the log of who on
// the buyer's side read (or was refused) a secret part. Every read here checks who asks:
// the submitting vendor's members, the buyer's members (the event's team reading secrets),
// and nobody else (not found).

export interface ResponseDocumentView {
  id: string;
  /** The stored file: an "upload id" the vendor may attach again to a later response (API). */
  fileId: string;
  name: string;
  kind: StoredFileKind;
  sizeBytes: number;
  confidentialReason: string | null;
}

/** A structured answer in a version (app/domain/questionnaire.ts), with the vendor's secret mark. */
export interface ResponseAnswer {
  key: string;
  value: Answer["value"];
  comment: string | null;
  confidentialReason: string | null;
}

/** An answer as the vendor gives it: the questionnaire's answer, and whether it is a business secret. */
export type ResponseAnswerInput = Answer & { confidential?: boolean; confidentialReason?: string | null };

export interface ResponseVersionView {
  id: string;
  version: number;
  status: "draft" | "submitted";
  text: string;
  textConfidentialReason: string | null;
  confidentialReason: string | null;
  savedAt: Date;
  submittedAt: Date | null;
  documents: ResponseDocumentView[];
  answers: ResponseAnswer[];
}

export interface ResponseRead {
  readerName: string;
  version: number;
  at: Date;
  part: ResponsePart;
  partLabel: string;
  outcome: "read" | "refused";
}

export interface ResponseEvent {
  id: string;
  title: string;
  kind: string;
  status: string;
  buyerId: string;
  responseDeadline: Date | null;
  responsesRequireRegistration: boolean;
}

/** A document to add, as it came, with the vendor's reason if it is a secret. */
export interface ResponseUpload {
  upload: Upload;
  confidential: boolean;
  confidentialReason: string | null;
}

export interface ResponseChange {
  input: ResponseInput;
  uploads: ResponseUpload[];
  /** Files the vendor organisation stored before (by their id), attached again without sending the bytes. */
  attach?: { fileId: string; confidential: boolean; confidentialReason: string | null }[];
  /** Answers to the event's questionnaire by question key; absent: the draft's stay as they are. */
  answers?: Record<string, ResponseAnswerInput>;
  /** Also keep the answers to bank questions in the organisation's answer profile. */
  saveToProfile?: boolean;
  /** Documents (ids of this response's rows) to take out of the draft. */
  removeDocuments?: string[];
  submit: boolean;
}

/** A failure thrown inside a transaction so that nothing written before it stays. */
class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

async function eventOf(db: Db, eventId: string): Promise<ResponseEvent | undefined> {
  if (!isUuid(eventId)) return undefined;
  return db
    .selectFrom("events")
    .select(["id", "title", "kind", "status", "buyerId", "responseDeadline", "responsesRequireRegistration"])
    .where("id", "=", eventId)
    .executeTakeFirst();
}

async function isRegistered(db: Db, eventId: string, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom("registrations").select("id").where("eventId", "=", eventId).where("organisationId", "=", organisationId).where("status", "=", "registered").executeTakeFirst();
  return row !== undefined;
}

async function isMember(db: Db, userId: string, organisationId: string): Promise<{ role: string } | undefined> {
  return db.selectFrom("memberships").select("role").where("userId", "=", userId).where("organisationId", "=", organisationId).executeTakeFirst();
}

/** The event's team: the named members, or the buyer's admins while none is named (ADR 0036). */
export async function teamOf(db: Db, event: { id: string; buyerId: string }): Promise<readonly string[]> {
  const [named, admins] = await Promise.all([
    db.selectFrom("eventTeamMembers").select("userId").where("eventId", "=", event.id).execute(),
    db.selectFrom("memberships").select("userId").where("organisationId", "=", event.buyerId).where("role", "=", "admin").execute(),
  ]);
  return eventTeam(
    named.map((r) => r.userId),
    admins.map((r) => r.userId),
  );
}

/** An effort request's team: its sender with the linked event's team, or with the buyer's admins (ADR 0036). */
export async function requestTeamOf(db: Db, request: { buyerId: string; eventId: string | null; requestedBy: string | null }): Promise<readonly string[]> {
  const base = request.eventId
    ? await teamOf(db, { id: request.eventId, buyerId: request.buyerId })
    : (await db.selectFrom("memberships").select("userId").where("organisationId", "=", request.buyerId).where("role", "=", "admin").execute()).map((r) => r.userId);
  const sender = request.requestedBy && (await isMember(db, request.requestedBy, request.buyerId)) ? request.requestedBy : null;
  return effortRequestTeam(sender, base);
}

/** How the person reads a response: as the vendor (for `organisationId`), the team (`team()`), another buyer member, or not at all. */
async function readerOf(db: Db, user: ActingUser, buyerId: string, team: () => Promise<readonly string[]>, organisationId: string): Promise<ResponseReader> {
  const [vendor, buyer] = await Promise.all([isMember(db, user.id, organisationId), isMember(db, user.id, buyerId)]);
  const inTeam = buyer ? (await team()).includes(user.id) : false;
  return responseReader({ vendorMember: vendor !== undefined, buyerMember: buyer !== undefined, teamMember: inTeam });
}

async function versionsOf(db: Db, responseId: string): Promise<ResponseVersionView[]> {
  const versions = await db
    .selectFrom("eventResponseVersions")
    .select(["id", "version", "status", "text", "textConfidentialReason", "confidentialReason", "savedAt", "submittedAt", "answers"])
    .where("responseId", "=", responseId)
    .orderBy("version", "desc")
    .execute();
  if (versions.length === 0) return [];
  const documents = await db
    .selectFrom("eventResponseDocuments as d")
    .innerJoin("storedFiles as f", "f.id", "d.fileId")
    .select(["d.id", "d.versionId", "d.fileId", "d.confidentialReason", "f.name", "f.kind", "f.sizeBytes"])
    .where(
      "d.versionId",
      "in",
      versions.map((v) => v.id),
    )
    .orderBy("d.addedAt")
    .orderBy("d.id")
    .execute();
  return versions.map((v) => ({
    ...v,
    answers: Array.isArray(v.answers) ? (v.answers as ResponseAnswer[]) : [],
    documents: documents.filter((d) => d.versionId === v.id).map(({ versionId: _, ...d }) => d),
  }));
}

async function readsOf(db: Db, responseId: string): Promise<ResponseRead[]> {
  return db.selectFrom("eventResponseReads").select(["readerName", "version", "at", "part", "partLabel", "outcome"]).where("responseId", "=", responseId).orderBy("at", "desc").orderBy("id").execute();
}

async function logRead(
  db: Db,
  user: ActingUser,
  entry: { responseId: string; version: number; part: ResponsePart; documentId?: string; partLabel?: string; outcome: "read" | "refused" },
) {
  // Once a day per person, part, version and outcome (ADR 0036): a page opened again that day adds nothing the vendor needs.
  const documentId = entry.documentId ?? null;
  const partLabel = entry.partLabel ?? "";
  const already = await db
    .selectFrom("eventResponseReads")
    .select("id")
    .where("responseId", "=", entry.responseId)
    .where("readerId", "=", user.id)
    .where("version", "=", entry.version)
    .where("part", "=", entry.part)
    .where("documentId", documentId === null ? "is" : "=", documentId)
    .where("partLabel", "=", partLabel)
    .where("outcome", "=", entry.outcome)
    .where("at", ">=", readLogWindowStart(new Date()))
    .executeTakeFirst();
  if (already) return;
  const reader = await db.selectFrom("users").select("name").where("id", "=", user.id).executeTakeFirstOrThrow();
  await db
    .insertInto("eventResponseReads")
    .values({ responseId: entry.responseId, version: entry.version, part: entry.part, documentId, partLabel, readerId: user.id, readerName: reader.name, outcome: entry.outcome })
    .execute();
}

/** Which way the event page leads the person to responses: the buyer's table, the vendor's own response, or nowhere. */
export async function responseLinkFor(db: Db, user: ActingUser | null, event: { id: string; kind: string; status: string; buyerId: string }): Promise<"buyer" | "vendor" | null> {
  if (!user || !takesResponses(event)) return null;
  if (await isMember(db, user.id, event.buyerId)) return "buyer";
  const vendor = await db.selectFrom("memberships as m").innerJoin("organisations as o", "o.id", "m.organisationId").select("o.id").where("m.userId", "=", user.id).where("o.isVendor", "=", true).executeTakeFirst();
  return vendor ? "vendor" : null;
}

// ---------------------------------------------------------------------------------------
// The vendor's side

/** The vendor's own response: the draft, the submitted versions (newest first) and who at the buyer read its secrets. */
export interface OwnResponse {
  id: string;
  draft: ResponseVersionView | null;
  submitted: ResponseVersionView[];
  reads: ResponseRead[];
}

export interface VendorResponsePage {
  event: ResponseEvent;
  /** Why a response cannot be saved now, or null. */
  refusal: string | null;
  response: OwnResponse | null;
}

/** The vendor organisation's response to the subject, null before it saved one; the caller has checked it may see the subject. */
export async function ownResponse(db: Db, subject: ResponseSubject, organisationId: string): Promise<OwnResponse | null> {
  const row = await db.selectFrom("eventResponses").select("id").where(subjectColumn(subject), "=", subject.id).where("organisationId", "=", organisationId).executeTakeFirst();
  if (!row) return null;
  const versions = await versionsOf(db, row.id);
  return { id: row.id, draft: versions.find((v) => v.status === "draft") ?? null, submitted: versions.filter((v) => v.status === "submitted"), reads: await readsOf(db, row.id) };
}

/** The vendor organisation's response to the event, for one of its members; not found for an event they may not see or that takes no responses. */
export async function vendorResponsePage(db: Db, organisationId: string, eventId: string, now = new Date()): Promise<VendorResponsePage | undefined> {
  const event = await eventOf(db, eventId);
  if (!event || event.status === "draft") return undefined;
  const refusal = responseRefusal(event, { registered: await isRegistered(db, event.id, organisationId) }, now);
  if (refusal?.problem.code === "responses_not_accepted") return undefined;
  return { event, refusal: refusal?.problem.code ?? null, response: await ownResponse(db, { kind: "event", id: event.id }, organisationId) };
}

/**
 * Saves the vendor's draft, or submits it as a new kept version (`submit`): before the deadline, by a
 * registered vendor where the buyer requires it, with a reason for every secret part. Files, rows and
 * version are written together, or nothing is.
 */
export async function saveResponse(
  db: Db,
  actor: ActingUser,
  organisationId: string,
  eventId: string,
  change: ResponseChange,
  options: SaveOptions,
): Promise<Result<{ responseId: string; version: number; status: "draft" | "submitted" }>> {
  return saveResponseTo(db, actor, organisationId, { kind: "event", id: eventId }, change, options);
}

/** When the save happens, and the portal's address for the links in the buyer's notice of a submission. */
export interface SaveOptions {
  now?: Date;
  baseUrl: string;
}

/** What a response answers (ADR 0036): an RFI or RFP, or an effort request sent to the vendor. */
export type ResponseSubject = { kind: "event"; id: string } | { kind: "effort_request"; id: string };

/** The response row's column that names the subject. */
export const subjectColumn = (subject: ResponseSubject) => (subject.kind === "event" ? "eventId" : "effortRequestId");

/**
 * The subject, locked for the save, as the vendor organisation meets it: undefined where it may not
 * see it (not found), else why it may not respond now (or null) and the questions it is asked.
 */
async function subjectGate(trx: Db, subject: ResponseSubject, organisationId: string, now: Date) {
  if (!isUuid(subject.id)) return undefined;
  if (subject.kind === "event") {
    const event = await trx
      .selectFrom("events")
      .select(["id", "title", "kind", "status", "buyerId", "responseDeadline", "responsesRequireRegistration"])
      .where("id", "=", subject.id)
      .forUpdate()
      .executeTakeFirst();
    if (!event || event.status === "draft") return undefined;
    return {
      buyerId: event.buyerId,
      refusal: async () => responseRefusal(event, { registered: await isRegistered(trx, event.id, organisationId) }, now),
      questionnaire: await getQuestionnaire(trx, event.id),
    };
  }
  const request = await trx
    .selectFrom("effortRequests")
    .innerJoin("effortRequestRecipients as r", "r.requestId", "effortRequests.id")
    .select(["effortRequests.deadline", "effortRequests.buyerId", "r.status"])
    .where("effortRequests.id", "=", subject.id)
    .where("r.organisationId", "=", organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) return undefined;
  // An effort request has no questionnaire (yet): free text and documents.
  return { buyerId: request.buyerId, refusal: async () => effortResponseRefusal(request, request, now), questionnaire: [] as QuestionnaireItem[] };
}

/**
 * `saveResponse` for any subject: the vendor's draft or submission to an event or an effort request.
 * A submission is vendor activity the buyer hears of (app/models/vendor-activity.server.ts), in the same transaction.
 */
export async function saveResponseTo(
  db: Db,
  actor: ActingUser,
  organisationId: string,
  subject: ResponseSubject,
  change: ResponseChange,
  { now = new Date(), baseUrl }: SaveOptions,
): Promise<Result<{ responseId: string; version: number; status: "draft" | "submitted" }>> {
  try {
    const saved = await db.transaction().execute(async (trx) => {
      const gate = await subjectGate(trx, subject, organisationId, now);
      if (!gate) return fail("not_found");
      const vendor = await trx.selectFrom("organisations").select("isVendor").where("id", "=", organisationId).executeTakeFirst();
      if (!vendor?.isVendor || !(await isMember(trx, actor.id, organisationId))) return fail("forbidden");
      const refusal = await gate.refusal();
      if (refusal) return fail(refusal.reason, [refusal.problem]);
      const problems: Problem[] = [
        ...confidentialProblems(change.input),
        ...change.uploads.flatMap((u, i) => (u.confidential && isBlank(u.confidentialReason) ? [{ path: i === 0 ? "documentConfidentialReason" : `documents.${i}.confidentialReason`, code: "confidential_reason_required" }] : [])),
        ...(change.attach ?? []).flatMap((a, i) => (a.confidential && isBlank(a.confidentialReason) ? [{ path: `documents.${i}.confidentialReason`, code: "confidential_reason_required" }] : [])),
      ];
      const attach = change.attach ?? [];
      if (attach.length) {
        const ids = attach.map((a) => a.fileId).filter(isUuid);
        const owned = ids.length ? await trx.selectFrom("storedFiles").select("id").where("organisationId", "=", organisationId).where("id", "in", ids).execute() : [];
        attach.forEach((a, i) => {
          if (!owned.some((o) => o.id === a.fileId)) problems.push({ path: `documents.${i}.uploadId`, code: "invalid_choice" });
        });
      }
      const questionnaire = gate.questionnaire;
      const given = change.answers;
      if (given) problems.push(...(await answerInputProblems(trx, questionnaire, given, organisationId)));
      if (problems.length) return fail("invalid", problems);

      const column = subjectColumn(subject);
      await trx
        .insertInto("eventResponses")
        .values({ eventId: subject.kind === "event" ? subject.id : null, effortRequestId: subject.kind === "effort_request" ? subject.id : null, organisationId, createdBy: actor.id })
        .onConflict((oc) => oc.columns([column, "organisationId"]).doNothing())
        .execute();
      const response = await trx.selectFrom("eventResponses").select("id").where(column, "=", subject.id).where("organisationId", "=", organisationId).executeTakeFirstOrThrow();
      const draftId = await openDraft(trx, response.id, actor, now);
      const input = change.input;
      await trx
        .updateTable("eventResponseVersions")
        .set({
          text: input.text,
          textConfidentialReason: input.textConfidential ? (input.textConfidentialReason ?? null) : null,
          confidentialReason: input.confidential ? (input.confidentialReason ?? null) : null,
          ...(given ? { answers: jsonb(storedAnswers(questionnaire, given)) } : {}),
          savedBy: actor.id,
          savedAt: now,
        })
        .where("id", "=", draftId.id)
        .execute();
      const removals = (change.removeDocuments ?? []).filter(isUuid);
      if (removals.length) {
        const removed = await trx.deleteFrom("eventResponseDocuments").where("versionId", "=", draftId.id).where("id", "in", removals).returning("fileId").execute();
        // A file only this draft held is gone with it, and no longer counts against the quota (ADR 0032).
        await dropUnreferencedFiles(trx, organisationId, removed.map((r) => r.fileId));
      }
      for (const [i, { upload, confidential, confidentialReason }] of change.uploads.entries()) {
        const stored = await storeFile(trx, { organisationId, userId: actor.id }, upload, i === 0 ? "file" : `documents.${i}.file`);
        if (!stored.ok) throw new Refusal(stored);
        await trx.insertInto("eventResponseDocuments").values({ versionId: draftId.id, fileId: stored.value.id, confidentialReason: confidential ? confidentialReason : null, addedAt: now }).execute();
      }
      for (const a of attach) {
        await trx
          .insertInto("eventResponseDocuments")
          .values({ versionId: draftId.id, fileId: a.fileId, confidentialReason: a.confidential ? a.confidentialReason : null, addedAt: now })
          .onConflict((oc) => oc.columns(["versionId", "fileId"]).doUpdateSet({ confidentialReason: a.confidential ? a.confidentialReason : null }))
          .execute();
      }
      // A document answer (e.g. the answer profile's) travels with the version as one of its documents, so the
      // buyer downloads it by the documents' rules; a secret answer keeps its document secret too.
      for (const [key, a] of Object.entries(given ?? {})) {
        if (questionnaire.find((q) => q.key === key)?.answerType !== "document" || typeof a.value !== "string") continue;
        const reason = a.confidential ? (a.confidentialReason ?? null) : null;
        await trx
          .insertInto("eventResponseDocuments")
          .values({ versionId: draftId.id, fileId: a.value, confidentialReason: reason, addedAt: now })
          .onConflict((oc) => oc.columns(["versionId", "fileId"]).doUpdateSet({ confidentialReason: sql<string | null>`coalesce(event_response_documents.confidential_reason, excluded.confidential_reason)` }))
          .execute();
      }
      if (change.submit) {
        const documents = await trx.selectFrom("eventResponseDocuments").select("id").where("versionId", "=", draftId.id).execute();
        const draft = await trx.selectFrom("eventResponseVersions").select("answers").where("id", "=", draftId.id).executeTakeFirstOrThrow();
        const answers = Object.fromEntries((draft.answers as ResponseAnswer[]).map((a) => [a.key, { value: a.value, comment: a.comment }]));
        // A submission answers every required question (a draft may leave them open).
        const unanswered = answerSetProblems(questionnaire, answers).filter((p) => p.code === "required");
        const empty = [...submissionProblems({ text: input.text, documentCount: documents.length, answerCount: Object.keys(answers).length }), ...unanswered];
        if (empty.length) throw new Refusal(fail("invalid", empty));
        await trx.updateTable("eventResponseVersions").set({ status: "submitted", submittedAt: now }).where("id", "=", draftId.id).execute();
        await recordVendorActivity(
          trx,
          subject.kind === "event"
            ? { buyerId: gate.buyerId, vendorId: organisationId, kind: "responded", eventId: subject.id }
            : { buyerId: gate.buyerId, vendorId: organisationId, kind: "effort_responded", effortRequestId: subject.id },
          { now, baseUrl },
        );
      }
      return ok({ responseId: response.id, version: draftId.version, status: change.submit ? ("submitted" as const) : ("draft" as const), questionnaire });
    });
    if (saved.ok && change.saveToProfile && change.answers) {
      // Answer once: the bank questions' answers go back to the profile (after the response is safe).
      const profile = profileAnswersOf(saved.value.questionnaire, change.answers);
      if (Object.keys(profile).length) await saveToAnswerProfile(db, actor, organisationId, profile, { now });
    }
    if (!saved.ok) return saved;
    const { questionnaire: _, ...value } = saved.value;
    return ok(value);
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}

/** Each answer checked against its question (q17's rule), a secret mark with its reason, a document answer one of the vendor's files. */
async function answerInputProblems(trx: Db, questionnaire: readonly QuestionnaireItem[], given: Record<string, ResponseAnswerInput>, organisationId: string): Promise<Problem[]> {
  const plain = Object.fromEntries(Object.entries(given).map(([key, a]) => [key, { value: a.value, comment: a.comment ?? null }]));
  const problems = answerSetProblems(questionnaire, plain, { requireAnswers: false });
  for (const [key, a] of Object.entries(given)) {
    if (a.confidential && isBlank(a.confidentialReason)) problems.push({ path: `answers.${key}.confidentialReason`, code: "confidential_reason_required" });
    const question = questionnaire.find((q) => q.key === key);
    if (question?.answerType === "document" && answerProblems(question, plain[key]).length === 0) {
      const owned = await trx.selectFrom("storedFiles").select("id").where("id", "=", a.value as string).where("organisationId", "=", organisationId).executeTakeFirst();
      if (!owned) problems.push({ path: `answers.${key}`, code: "invalid_choice" });
    }
  }
  return problems;
}

/** The answers as a version keeps them, in the questionnaire's order. */
function storedAnswers(questionnaire: readonly QuestionnaireItem[], given: Record<string, ResponseAnswerInput>): ResponseAnswer[] {
  return questionnaire.flatMap((q) => {
    const a = given[q.key];
    return a ? [{ key: q.key, value: a.value, comment: a.comment ?? null, confidentialReason: a.confidential ? (a.confidentialReason ?? null) : null }] : [];
  });
}

/** The response's draft: the one there is, or a new version after the last, with the documents of the last submission. */
async function openDraft(trx: Db, responseId: string, actor: ActingUser, now: Date): Promise<{ id: string; version: number }> {
  const last = await trx.selectFrom("eventResponseVersions").select(["id", "version", "status", "answers"]).where("responseId", "=", responseId).orderBy("version", "desc").limit(1).executeTakeFirst();
  if (last?.status === "draft") return last;
  const draft = await trx
    .insertInto("eventResponseVersions")
    .values({ responseId, version: (last?.version ?? 0) + 1, status: "draft", savedBy: actor.id, savedAt: now, answers: jsonb(last?.answers ?? []) })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  if (last) {
    const documents = await trx.selectFrom("eventResponseDocuments").select(["fileId", "confidentialReason", "addedAt"]).where("versionId", "=", last.id).execute();
    if (documents.length) await trx.insertInto("eventResponseDocuments").values(documents.map((d) => ({ ...d, versionId: draft.id }))).execute();
  }
  return draft;
}

/** The read log of the response, for a member of the vendor that submitted it; undefined (404) for anyone else. */
export async function responseAccessLog(db: Db, user: ActingUser, responseId: string): Promise<ResponseRead[] | undefined> {
  if (!isUuid(responseId)) return undefined;
  const row = await db.selectFrom("eventResponses").select(["id", "organisationId"]).where("id", "=", responseId).executeTakeFirst();
  if (!row || !(await isMember(db, user.id, row.organisationId))) return undefined;
  return readsOf(db, row.id);
}

// ---------------------------------------------------------------------------------------
// The buyer's side

/** A submitted response as the buyer's member may see it: secret parts left out for anyone outside the team. */
export interface BuyerResponseView {
  id: string;
  organisation: { id: string; name: string; orgNumber: string | null };
  version: number;
  submittedAt: Date;
  /** Set: the whole response is a secret. */
  confidentialReason: string | null;
  /** Null where the reader may not read it (or the whole response is a secret and this is a list). */
  text: string | null;
  textConfidentialReason: string | null;
  documents: (Omit<ResponseDocumentView, "name"> & { name: string | null; confidential: boolean })[];
  /** The structured answers; `value` null where the reader may not read it. */
  answers: (Omit<ResponseAnswer, "value"> & { value: ResponseAnswer["value"] | null; confidential: boolean })[];
  /** Earlier submissions: their version numbers and times. */
  earlier: { version: number; submittedAt: Date }[];
}

export interface BuyerResponses {
  event: ResponseEvent;
  isTeam: boolean;
  isAdmin: boolean;
  responses: BuyerResponseView[];
}

/** Only what `reader` may read of the version; secret parts of a team reader are returned and named in `secretsRead`. */
function viewFor(
  reader: ResponseReader,
  response: { id: string; organisation: BuyerResponseView["organisation"] },
  versions: ResponseVersionView[],
): { view: BuyerResponseView; secretsRead: { part: ResponsePart; documentId?: string; partLabel?: string }[] } | undefined {
  const submitted = versions.filter((v) => v.status === "submitted");
  const latest = submitted[0];
  if (!latest?.submittedAt) return undefined;
  const whole = latest.confidentialReason !== null;
  const mayRead = (secret: boolean) => partAccess(reader, secret) === "read";
  const textSecret = isConfidential(latest, latest.textConfidentialReason);
  const secretsRead: { part: ResponsePart; documentId?: string; partLabel?: string }[] = [];
  if (whole && mayRead(true)) secretsRead.push({ part: "response" });
  else if (mayRead(true)) {
    if (textSecret && latest.text) secretsRead.push({ part: "text" });
    for (const a of latest.answers) if (a.confidentialReason !== null) secretsRead.push({ part: "answer", partLabel: a.key });
  }
  return {
    view: {
      id: response.id,
      organisation: response.organisation,
      version: latest.version,
      submittedAt: latest.submittedAt,
      confidentialReason: latest.confidentialReason,
      text: mayRead(textSecret) ? latest.text : null,
      textConfidentialReason: latest.textConfidentialReason,
      documents: latest.documents.map((d) => {
        const secret = isConfidential(latest, d.confidentialReason);
        return { ...d, name: mayRead(secret) ? d.name : null, confidential: secret };
      }),
      answers: latest.answers.map((a) => {
        const secret = isConfidential(latest, a.confidentialReason);
        return { ...a, value: mayRead(secret) ? a.value : null, comment: mayRead(secret) ? a.comment : null, confidential: secret };
      }),
      earlier: submitted.slice(1).map((v) => ({ version: v.version, submittedAt: v.submittedAt ?? v.savedAt })),
    },
    secretsRead,
  };
}

async function buyerMemberOf(db: Db, user: ActingUser, eventId: string): Promise<Result<{ event: ResponseEvent; reader: ResponseReader; isAdmin: boolean }>> {
  const event = await eventOf(db, eventId);
  if (!event) return fail("not_found");
  const membership = await isMember(db, user.id, event.buyerId);
  if (!membership) return event.status === "draft" ? fail("not_found") : fail("forbidden");
  const team = (await teamOf(db, event)).includes(user.id);
  return ok({ event, reader: team ? ("team" as const) : ("buyer" as const), isAdmin: membership.role === "admin" });
}

/** Each vendor's response to the subject that has a submitted version (or the one `responseId`), with its versions. */
export async function submittedResponses(db: Db, subject: ResponseSubject, responseId?: string) {
  let query = db
    .selectFrom("eventResponses as r")
    .innerJoin("organisations as o", "o.id", "r.organisationId")
    .select(["r.id", "o.id as organisationId", "o.name", "o.orgNumber"])
    .where(subject.kind === "event" ? "r.eventId" : "r.effortRequestId", "=", subject.id)
    .where((eb) => eb.exists(eb.selectFrom("eventResponseVersions as v").select("v.id").whereRef("v.responseId", "=", "r.id").where("v.status", "=", "submitted")))
    .orderBy("o.name");
  if (responseId) query = query.where("r.id", "=", responseId);
  const rows = await query.execute();
  return Promise.all(rows.map(async (r) => ({ id: r.id, organisation: { id: r.organisationId, name: r.name, orgNumber: r.orgNumber }, versions: await versionsOf(db, r.id) })));
}

/**
 * The submitted responses to the buyer's event, for its members: every part for the team, the parts
 * that are not secret for the others. Nothing is logged: the list shows no secret (see `buyerResponse`).
 */
export async function buyerResponses(db: Db, user: ActingUser, eventId: string): Promise<Result<BuyerResponses>> {
  const member = await buyerMemberOf(db, user, eventId);
  if (!member.ok) return member;
  // The list never carries secrets, even for the team: they are read (and logged) one response at a time.
  const responses = await responsesWithoutSecrets(db, member.value.event.id);
  return ok({ event: member.value.event, isTeam: member.value.reader === "team", isAdmin: member.value.isAdmin, responses });
}

/** The latest submitted response of each vendor as a reader outside the team sees it: every secret part left out (its reason kept). */
export async function responsesWithoutSecrets(db: Db, eventId: string | ResponseSubject): Promise<BuyerResponseView[]> {
  const rows = await submittedResponses(db, typeof eventId === "string" ? { kind: "event", id: eventId } : eventId);
  return rows.flatMap((r) => viewFor("buyer", r, r.versions)?.view ?? []);
}

/**
 * The table as CSV, from what any member of the buyer may read (`buyerResponses`): a secret part is
 * never in it, for the team neither; a wholly secret response gives its vendor, version and time alone.
 */
export function responsesCsv(responses: BuyerResponseView[], language: Language, questionnaire: readonly QuestionnaireItem[] = []): string {
  const t = fixedT(language, "responses");
  const tq = fixedT(language, "questionnaire");
  const header = ["vendor", "orgNumber", "version", "submittedAt", "confidential", "text", "documents"].map((k) => t(`csv.${k}`));
  const label = (q: QuestionnaireItem) => (q.bankKey ? tq(`bank.${q.bankKey}.question`) : (q.text ?? q.key));
  const option = (q: QuestionnaireItem, o: string) => (q.bankKey ? tq(`bank.${q.bankKey}.options.${o}`) : o);
  const cell = (q: QuestionnaireItem, a: BuyerResponseView["answers"][number] | undefined) => {
    if (!a) return null;
    if (a.value === null) return t("csv.withheld");
    const value = Array.isArray(a.value) ? a.value.map((o) => option(q, o)).join(", ") : typeof a.value === "boolean" ? tq(a.value ? "answer.yes" : "answer.no") : a.value;
    return a.comment ? `${value} (${a.comment})` : value;
  };
  return csvDocument([
    [...header, ...questionnaire.map(label)],
    ...responses.map((r) => {
      const whole = r.confidentialReason !== null;
      const secretParts = whole || r.textConfidentialReason !== null || r.documents.some((d) => d.confidential) || r.answers.some((a) => a.confidential);
      return [
        r.organisation.name,
        r.organisation.orgNumber,
        r.version,
        csvOsloTime(r.submittedAt),
        secretParts ? t(whole ? "buyer.whole" : "buyer.parts") : t("buyer.none"),
        r.text ?? t("csv.withheld"),
        r.documents.map((d) => d.name ?? t("csv.withheld")).join(", "),
        ...questionnaire.map((q) => cell(q, r.answers.find((a) => a.key === q.key))),
      ];
    }),
  ]);
}

/**
 * One vendor's response for a member of the buyer: the team reads every part (each secret part read
 * is logged); another member reads what is not secret, and a wholly secret response is refused (403,
 * logged). Not found for anyone else, for a response of another event, or one not yet submitted.
 */
export async function buyerResponse(db: Db, user: ActingUser, eventId: string, responseId: string): Promise<Result<{ event: ResponseEvent; isTeam: boolean; response: BuyerResponseView }>> {
  if (!isUuid(responseId)) return fail("not_found");
  const member = await buyerMemberOf(db, user, eventId);
  if (!member.ok) return member.reason === "forbidden" ? fail("not_found") : member;
  const read = await responseForBuyer(db, user, { kind: "event", id: member.value.event.id }, member.value.reader, responseId);
  return read.ok ? ok({ event: member.value.event, isTeam: member.value.reader === "team", response: read.value }) : read;
}

/**
 * One vendor's latest submitted response to the subject, as `reader` of the buyer may read it: each
 * secret part read is logged; a wholly secret response is refused (403, logged) outside the team.
 */
export async function responseForBuyer(db: Db, user: ActingUser, subject: ResponseSubject, reader: ResponseReader, responseId: string): Promise<Result<BuyerResponseView>> {
  const [row] = await submittedResponses(db, subject, responseId);
  const seen = row && viewFor(reader, row, row.versions);
  if (!row || !seen) return fail("not_found");
  if (seen.view.confidentialReason !== null && reader === "buyer") {
    await logRead(db, user, { responseId: row.id, version: seen.view.version, part: "response", outcome: "refused" });
    return fail("forbidden");
  }
  for (const secret of seen.secretsRead) await logRead(db, user, { responseId: row.id, version: seen.view.version, ...secret, outcome: "read" });
  return ok(seen.view);
}

/** A cell of the comparison: the answer as the reader may read it, `"secret"` where it is a business secret the reader may not read, null for no answer. */
export type ComparisonCell = Answer | "secret" | null;

export interface ResponseComparison {
  event: ResponseEvent;
  isTeam: boolean;
  /** The columns: each vendor's latest submitted response. */
  vendors: { responseId: string; organisationId: string; name: string; version: number }[];
  /** The rows: the questionnaire's questions (bank questions first in its order, own questions too), a cell per vendor. */
  rows: { item: QuestionnaireItem; cells: ComparisonCell[] }[];
}

/**
 * The vendors' answers side by side for a member of the buyer (issue 17, "answer once"): rows by
 * `compareAnswers`, columns the latest submitted responses. The team reads secret answers, each read
 * logged as the per-vendor view logs an answer; another member sees that a cell is a secret, not
 * what it says. Not found for anyone outside the buyer (as a single response is).
 */
export async function responseComparison(db: Db, user: ActingUser, eventId: string): Promise<Result<ResponseComparison>> {
  const member = await buyerMemberOf(db, user, eventId);
  if (!member.ok) return member.reason === "forbidden" ? fail("not_found") : member;
  const { event, reader } = member.value;
  const [questionnaire, rows] = await Promise.all([getQuestionnaire(db, event.id), submittedResponses(db, { kind: "event", id: event.id })]);
  const seen = rows.flatMap((r) => {
    const v = viewFor(reader, r, r.versions);
    return v ? [v.view] : [];
  });
  // compareAnswers gets only what the reader may read; a withheld answer is told apart by its key.
  const compared = compareAnswers(
    questionnaire,
    seen.map((v) => ({ organisationId: v.organisation.id, name: v.organisation.name, answers: Object.fromEntries(v.answers.flatMap((a) => (a.value === null ? [] : [[a.key, { value: a.value, comment: a.comment }]]))) })),
    { ownToo: true },
  );
  const withheld = seen.map((v) => new Set(v.answers.filter((a) => a.value === null).map((a) => a.key)));
  const asked = new Set(questionnaire.map((q) => q.key));
  for (const v of seen) {
    for (const a of v.answers) {
      if (a.confidential && a.value !== null && asked.has(a.key) && logsRead(reader, true)) {
        await logRead(db, user, { responseId: v.id, version: v.version, part: "answer", partLabel: a.key, outcome: "read" });
      }
    }
  }
  return ok({
    event,
    isTeam: reader === "team",
    vendors: seen.map((v) => ({ responseId: v.id, organisationId: v.organisation.id, name: v.organisation.name, version: v.version })),
    rows: compared.map(({ item, answers }) => ({
      item,
      cells: answers.map((a, i): ComparisonCell => a ?? (withheld[i]?.has(item.key) ? "secret" : null)),
    })),
  });
}

/**
 * A response document's file: for the vendor's members (any of its versions), and for the buyer's
 * members once submitted: a secret document for the team only (logged), refused to other members
 * (403, logged). Not found for anyone else, and for a document of another response.
 */
export async function responseDocumentFile(db: Db, user: ActingUser, responseId: string, documentId: string): Promise<Result<{ file: StoredFile; bytes: Uint8Array }>> {
  if (!isUuid(responseId) || !isUuid(documentId)) return fail("not_found");
  const row = await db
    .selectFrom("eventResponseDocuments as d")
    .innerJoin("eventResponseVersions as v", "v.id", "d.versionId")
    .innerJoin("eventResponses as r", "r.id", "v.responseId")
    .leftJoin("events as e", "e.id", "r.eventId")
    .leftJoin("effortRequests as q", "q.id", "r.effortRequestId")
    .innerJoin("storedFiles as f", "f.id", "d.fileId")
    .select([
      "d.id",
      "d.fileId",
      "d.confidentialReason",
      "v.version",
      "v.status",
      "v.confidentialReason as wholeReason",
      "r.id as responseId",
      "r.organisationId",
      "e.id as eventId",
      "e.buyerId as eventBuyerId",
      "q.buyerId as requestBuyerId",
      "q.eventId as requestEventId",
      "q.requestedBy",
      "f.name",
    ])
    .where("d.id", "=", documentId)
    .where("r.id", "=", responseId)
    .executeTakeFirst();
  if (!row) return fail("not_found");
  // What the response answers decides who the team is: the event's, or the effort request's.
  const buyerId = row.eventBuyerId ?? row.requestBuyerId!;
  const team = row.eventId ? () => teamOf(db, { id: row.eventId!, buyerId }) : () => requestTeamOf(db, { buyerId, eventId: row.requestEventId, requestedBy: row.requestedBy });
  const reader = await readerOf(db, user, buyerId, team, row.organisationId);
  if (reader !== "vendor" && row.status !== "submitted") return fail("not_found");
  const secret = isConfidential({ confidentialReason: row.wholeReason }, row.confidentialReason);
  const access = partAccess(reader, secret);
  if (access === "not_found") return fail("not_found");
  const entry = { responseId: row.responseId, version: row.version, part: "document" as const, documentId: row.id, partLabel: row.name };
  if (access === "refused") {
    await logRead(db, user, { ...entry, outcome: "refused" });
    return fail("forbidden");
  }
  if (logsRead(reader, secret)) await logRead(db, user, { ...entry, outcome: "read" });
  const read = await readFile(db, row.fileId);
  return read ? ok(read) : fail("not_found");
}

/** What the API returns for a subject's responses: the buyer's view of each, or the vendor's own with drafts and read log. */
export type ApiResponses = { role: "buyer"; items: BuyerResponseView[] } | { role: "vendor"; items: { id: string; organisationId: string; versions: ResponseVersionView[]; reads: ResponseRead[] }[] };

/**
 * Responses to the event over the API: the buyer's members get every submitted response (secret parts
 * for the team only, each logged), a vendor's members their own organisations' (drafts too).
 */
export async function apiResponses(db: Db, user: ActingUser, eventId: string): Promise<Result<ApiResponses>> {
  const event = await eventOf(db, eventId);
  if (!event) return fail("not_found");
  return apiResponsesOf(db, user, { kind: "event", id: event.id }, { buyerId: event.buyerId, team: () => teamOf(db, event), seenByVendors: async () => event.status !== "draft" });
}

/**
 * Responses to any subject over the API (`apiResponses` for an event): a member of `buyerId` gets every
 * submitted response (secrets for `team()` only, each read logged); anyone else for whom
 * `seenByVendors()` holds gets its own organisations' responses with drafts, and the rest not found.
 */
export async function apiResponsesOf(
  db: Db,
  user: ActingUser,
  subject: ResponseSubject,
  access: { buyerId: string; team: () => Promise<readonly string[]>; seenByVendors: () => Promise<boolean> },
): Promise<Result<ApiResponses>> {
  const buyer = await isMember(db, user.id, access.buyerId);
  if (buyer) {
    const team = (await access.team()).includes(user.id);
    const reader: ResponseReader = team ? "team" : "buyer";
    const rows = await submittedResponses(db, subject);
    const items: BuyerResponseView[] = [];
    for (const row of rows) {
      const seen = viewFor(reader, row, row.versions);
      if (!seen) continue;
      // Outside the team a wholly secret response is listed by its vendor and time alone (as in the table).
      items.push(seen.view.confidentialReason !== null && reader === "buyer" ? { ...seen.view, text: null } : seen.view);
      for (const secret of seen.secretsRead) await logRead(db, user, { responseId: row.id, version: seen.view.version, ...secret, outcome: "read" });
    }
    return ok({ role: "buyer" as const, items });
  }
  if (!(await access.seenByVendors())) return fail("not_found");
  const own = await db
    .selectFrom("eventResponses as r")
    .innerJoin("memberships as m", "m.organisationId", "r.organisationId")
    .select(["r.id", "r.organisationId"])
    .where(subject.kind === "event" ? "r.eventId" : "r.effortRequestId", "=", subject.id)
    .where("m.userId", "=", user.id)
    .execute();
  return ok({ role: "vendor" as const, items: await Promise.all(own.map(async (r) => ({ ...r, versions: await versionsOf(db, r.id), reads: await readsOf(db, r.id) }))) });
}

// ---------------------------------------------------------------------------------------
// The event's team

export interface TeamPage {
  event: ResponseEvent;
  named: boolean;
  members: { id: string; name: string; role: string; inTeam: boolean }[];
}

/** The buyer's members and who of them is on the event's team; for the buyer's admins only (404 where the event is hidden, 403 where it is not). */
export async function eventTeamPage(db: Db, user: ActingUser, eventId: string): Promise<Result<TeamPage>> {
  const member = await buyerMemberOf(db, user, eventId);
  if (!member.ok) return member;
  if (!member.value.isAdmin) return fail("forbidden");
  const event = member.value.event;
  const [members, named, team] = await Promise.all([
    db.selectFrom("memberships as m").innerJoin("users as u", "u.id", "m.userId").select(["u.id", "u.name", "m.role"]).where("m.organisationId", "=", event.buyerId).orderBy("u.name").execute(),
    db.selectFrom("eventTeamMembers").select("userId").where("eventId", "=", event.id).execute(),
    teamOf(db, event),
  ]);
  return ok({ event, named: named.length > 0, members: members.map((m) => ({ ...m, inTeam: team.includes(m.id) })) });
}

/** Names the event's team (none: the admins again) and whether only registered vendors may respond; the buyer's admins only. */
export async function setEventTeam(db: Db, user: ActingUser, eventId: string, change: { members: string[]; requireRegistration: boolean }): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const member = await buyerMemberOf(trx, user, eventId);
    if (!member.ok) return member;
    if (!member.value.isAdmin) return fail("forbidden");
    const event = member.value.event;
    const wanted = [...new Set(change.members)];
    const members = wanted.length && wanted.every(isUuid) ? await trx.selectFrom("memberships").select("userId").where("organisationId", "=", event.buyerId).where("userId", "in", wanted).execute() : [];
    if (members.length !== wanted.length) return fail("invalid", [{ path: "members", code: "invalid_choice" }]);
    await trx.deleteFrom("eventTeamMembers").where("eventId", "=", event.id).execute();
    if (wanted.length) await trx.insertInto("eventTeamMembers").values(wanted.map((userId) => ({ eventId: event.id, userId, addedBy: user.id }))).execute();
    await trx.updateTable("events").set({ responsesRequireRegistration: change.requireRegistration }).where("id", "=", event.id).execute();
    return ok();
  });
}
