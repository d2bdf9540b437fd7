import { sql } from "kysely";
import type { Db } from "@db/client";
import {
  checkConsultationEffort,
  consultationProblems,
  consultationState,
  isBuyerSector,
  isConsultationEffortLevel,
  isOpenForResponses,
  isPartPublished,
  isVendorSize,
  mayOrganise,
  mayWithdraw,
  MAX_QUESTIONS,
  REFUSAL_NOTICE_DAYS,
  responseProblems,
  summaryProblems,
  type ConsultationActor,
  type ConsultationEffortLevel,
  type ConsultationSubject,
  type ConsultationInput,
  type ResponseInput,
  type WithholdDecision,
} from "~/domain/consultations";
import { isUuid } from "~/domain/ids";
import type { OcdsConsultation } from "~/domain/ocds-consultations";
import { fail, ok, type Result } from "~/domain/result";
import { emailAdmins } from "./memberships.server";

// Consultations (høring): created by a buyer organisation's members or by operators,
// answered by registered organisations, each response seen by its author alone until the
// deadline and published after it without the parts whose withholding was accepted.
// Who may do what is checked here as well as in the routes; every change is one transaction.

interface Options {
  now?: Date;
  baseUrl: string;
}

/** Invited organisations as the form or API names them: id, slug or organisation number. */
async function resolveOrganisations(db: Db, refs: string[]): Promise<{ ok: true; ids: { id: string; name: string }[] } | { ok: false; unknown: string[] }> {
  if (refs.length === 0) return { ok: true, ids: [] };
  const ids = refs.filter((r) => isUuid(r));
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name", "slug", "orgNumber"])
    .where((eb) => eb.or([eb("slug", "in", refs), eb("orgNumber", "in", refs), ...(ids.length ? [eb("id", "in", ids)] : [])]))
    .execute();
  const unknown = refs.filter((r) => !rows.some((o) => o.id === r || o.slug === r || o.orgNumber === r));
  if (unknown.length) return { ok: false, unknown };
  const unique = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
  return { ok: true, ids: [...unique.values()] };
}

/**
 * Publish a consultation. `organiserId` null means the operators organise it (only for an
 * operator). Bad fields are `invalid` (400); more than light effort is `refused` (422,
 * consultation_effort_too_high). Invited organisations' admins are e-mailed in the same transaction.
 */
export async function createConsultation(
  db: Db,
  actor: { userId: string; organiserId: string | null },
  input: ConsultationInput,
  { now = new Date(), baseUrl }: Options,
): Promise<Result<{ id: string }>> {
  const problems = consultationProblems(input, { now });
  if (problems.length) return fail("invalid", problems);
  const refusals = checkConsultationEffort(input);
  if (refusals.length || !isConsultationEffortLevel(input.effortLevel)) return fail("refused", refusals.length ? refusals : [{ path: "effortLevel", code: "consultation_effort_too_high" }]);
  return db.transaction().execute(async (trx) => {
    if (input.subject === "conduct_version") {
      // Only operators keep the code of conduct, so only they consult on its versions.
      if (actor.organiserId !== null) return fail("invalid", [{ path: "subject", code: "conduct_consultation_operators_only" }]);
      const version = await trx.selectFrom("conductVersions").select("number").where("number", "=", input.conductVersion!).executeTakeFirst();
      if (!version) return fail("invalid", [{ path: "conductVersion", code: "invalid_choice" }]);
    }
    const invited = await resolveOrganisations(trx, input.invited);
    if (!invited.ok) return fail("invalid", [{ path: "invited", code: "unknown_organisation" }]);
    const row = await trx
      .insertInto("consultations")
      .values({
        organiserId: actor.organiserId,
        createdBy: actor.userId,
        caseNumber: input.caseNumber,
        title: input.title,
        summary: input.summary,
        subject: input.subject as ConsultationSubject,
        conductVersion: input.subject === "conduct_version" ? input.conductVersion : null,
        questions: input.questions,
        documentLinks: input.documentLinks,
        deadline: new Date(input.deadline!),
        effortLevel: input.effortLevel as ConsultationEffortLevel,
        hoursPerResponder: input.hoursPerResponder,
        targetSectors: input.targetSectors.filter(isBuyerSector),
        targetVendorSizes: input.targetVendorSizes.filter(isVendorSize),
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const organiserName = actor.organiserId
      ? (await trx.selectFrom("organisations").select("name").where("id", "=", actor.organiserId).executeTakeFirstOrThrow()).name
      : null;
    const recipients = invited.ids.filter((o) => o.id !== actor.organiserId);
    if (recipients.length) await trx.insertInto("consultationInvitees").values(recipients.map((o) => ({ consultationId: row.id, organisationId: o.id }))).execute();
    for (const organisation of recipients) {
      await emailAdmins(trx, organisation.id, (admin) => ({
        template: "consultation-invited",
        data: {
          name: admin.name,
          organisationName: organisation.name,
          organiserName: organiserName ?? "",
          title: input.title,
          caseNumber: input.caseNumber,
          deadline: new Date(input.deadline!).toISOString(),
          url: `${baseUrl}/consultations/${row.id}`,
        },
      }));
    }
    return ok({ id: row.id });
  });
}

async function consultationRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  return db
    .selectFrom("consultations")
    .leftJoin("organisations", "organisations.id", "consultations.organiserId")
    .selectAll("consultations")
    .select(["organisations.name as organiserName", "organisations.slug as organiserSlug"])
    .where("consultations.id", "=", id)
    .executeTakeFirst();
}

export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof consultationRow>>>;

/** Everyone may read a consultation; null when there is none. */
export async function getConsultation(db: Db, id: string, { now = new Date() }: { now?: Date } = {}) {
  const consultation = await consultationRow(db, id);
  if (!consultation) return null;
  const invited = await db
    .selectFrom("consultationInvitees")
    .innerJoin("organisations", "organisations.id", "consultationInvitees.organisationId")
    .select(["organisations.id", "organisations.name", "organisations.slug"])
    .where("consultationInvitees.consultationId", "=", consultation.id)
    .orderBy("organisations.name")
    .execute();
  return { consultation, invited, state: consultationState(consultation, now), open: isOpenForResponses(consultation.deadline, now) };
}

/** Every consultation, newest deadline first, with its state and (after the deadline) how many responded. */
export async function listConsultations(db: Db, { now = new Date(), organiserId }: { now?: Date; organiserId?: string } = {}) {
  let query = db
    .selectFrom("consultations")
    .leftJoin("organisations", "organisations.id", "consultations.organiserId")
    .select((eb) => [
      "consultations.id",
      "consultations.caseNumber",
      "consultations.title",
      "consultations.subject",
      "consultations.deadline",
      "consultations.usageSummaryAt",
      "consultations.createdAt",
      "consultations.organiserId",
      "organisations.name as organiserName",
      eb
        .selectFrom("consultationResponses")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("consultationResponses.consultationId", "=", "consultations.id")
        .where("consultationResponses.status", "=", "submitted")
        .as("responses"),
    ])
    .orderBy("consultations.deadline", "desc")
    .limit(200);
  if (organiserId) query = query.where("consultations.organiserId", "=", organiserId);
  const rows = await query.execute();
  return rows.map(({ responses, ...r }) => {
    const state = consultationState(r, now);
    // Before the deadline not even the number of responses is told.
    return { ...r, state, responses: state === "open" ? null : Number(responses ?? 0) };
  });
}

/** Consultations on one code-of-conduct version (its version page links to them). */
export async function consultationsOnConductVersion(db: Db, number: number, { now = new Date() }: { now?: Date } = {}) {
  const rows = await db
    .selectFrom("consultations")
    .select(["id", "caseNumber", "title", "deadline", "usageSummary", "usageSummaryAt"])
    .where("conductVersion", "=", number)
    .orderBy("deadline", "desc")
    .execute();
  return rows.map((r) => ({ ...r, state: consultationState(r, now) }));
}

/** How many of an organiser's consultations are SUMMARY_DUE_DAYS past their deadline without a summary. */
export async function missingSummaryCount(db: Db, organiserId: string, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const rows = await db.selectFrom("consultations").select(["deadline", "usageSummaryAt"]).where("organiserId", "=", organiserId).where("usageSummaryAt", "is", null).where("deadline", "<", now).execute();
  return rows.filter((r) => consultationState(r, now) === "missing_summary").length;
}

export interface ResponseViewer {
  organisationId: string | null;
  actor: ConsultationActor | null;
}

async function responsesWithParts(db: Db, consultationId: string, { organisationId }: { organisationId?: string } = {}) {
  let query = db
    .selectFrom("consultationResponses")
    .innerJoin("organisations", "organisations.id", "consultationResponses.organisationId")
    .select([
      "consultationResponses.id",
      "consultationResponses.organisationId",
      "organisations.name as organisationName",
      "organisations.slug as organisationSlug",
      "consultationResponses.status",
      "consultationResponses.submittedAt",
      "consultationResponses.updatedAt",
      "consultationResponses.publicationConfirmedAt",
    ])
    .where("consultationResponses.consultationId", "=", consultationId);
  if (organisationId) query = query.where("consultationResponses.organisationId", "=", organisationId);
  const responses = await query.orderBy("organisations.name").execute();
  const parts = responses.length
    ? await db
        .selectFrom("consultationResponseParts")
        .selectAll()
        .where(
          "responseId",
          "in",
          responses.map((r) => r.id),
        )
        .orderBy("position")
        .execute()
    : [];
  return responses.map((r) => ({ ...r, parts: parts.filter((p) => p.responseId === r.id) }));
}

/**
 * The responses one viewer may see:
 * - `own`: the viewer's organisation's response, whole, whatever its state;
 * - `published`: after the deadline, every submitted response with only its published parts;
 * - `withholdRequests`: for the organiser after the deadline, each part a responder asked to withhold.
 * Before the deadline nobody but the author sees anything of a response.
 */
export async function consultationResponses(db: Db, consultation: { id: string; deadline: Date; organiserId: string | null }, viewer: ResponseViewer, { now = new Date() }: { now?: Date } = {}) {
  const own = viewer.organisationId ? ((await responsesWithParts(db, consultation.id, { organisationId: viewer.organisationId }))[0] ?? null) : null;
  const ownView = own
    ? {
        ...own,
        mayWithdraw: mayWithdraw({ deadline: consultation.deadline, status: own.status, publicationConfirmedAt: own.publicationConfirmedAt, parts: own.parts }, now),
        awaitsConfirmation: own.status === "submitted" && own.publicationConfirmedAt === null && own.parts.some((p) => p.withholdDecision === "refused" && !isPartPublished(p, { publicationConfirmedAt: null, now })),
      }
    : null;
  if (isOpenForResponses(consultation.deadline, now)) return { own: ownView, published: [], withholdRequests: [] };
  const all = (await responsesWithParts(db, consultation.id)).filter((r) => r.status === "submitted");
  const published = all.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    organisationSlug: r.organisationSlug,
    submittedAt: r.submittedAt,
    // A withheld part is left out whole: not its text, not that it was there.
    parts: r.parts.filter((p) => isPartPublished(p, { publicationConfirmedAt: r.publicationConfirmedAt, now })).map((p) => ({ position: p.position, text: p.text })),
  }));
  const withholdRequests = mayOrganise(consultation, viewer.actor)
    ? all.flatMap((r) =>
        r.parts
          .filter((p) => p.withholdRequested)
          .map((p) => ({ responseId: r.id, organisationName: r.organisationName, position: p.position, text: p.text, reason: p.withholdReason, decision: p.withholdDecision, decidedAt: p.decidedAt })),
      )
    : [];
  return { own: ownView, published, withholdRequests };
}

export interface Responder {
  user: { id: string };
  organisation: { id: string };
}

/** Write or replace the organisation's response, as a draft or submitted; only before the deadline. */
export async function saveResponse(db: Db, responder: Responder, consultationId: string, input: ResponseInput, { now = new Date() }: { now?: Date } = {}): Promise<Result<{ id: string; status: "draft" | "submitted" }>> {
  if (!isUuid(consultationId)) return fail("not_found");
  return db.transaction().execute(async (trx) => {
    const consultation = await trx.selectFrom("consultations").select(["id", "deadline", "organiserId", "questions"]).where("id", "=", consultationId).forShare().executeTakeFirst();
    if (!consultation) return fail("not_found");
    if (consultation.organiserId === responder.organisation.id) return fail("forbidden", [{ path: "", code: "consultation_own_organisation" }]);
    if (!isOpenForResponses(consultation.deadline, now)) return fail("conflict", [{ path: "", code: "consultation_closed" }]);
    const problems = responseProblems(input, consultation.questions.length);
    if (problems.length) return fail("invalid", problems);
    const existing = await trx
      .selectFrom("consultationResponses")
      .select(["id", "status"])
      .where("consultationId", "=", consultationId)
      .where("organisationId", "=", responder.organisation.id)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === "withdrawn") return fail("conflict", [{ path: "", code: "consultation_response_withdrawn" }]);
    const status = input.submit ? ("submitted" as const) : ("draft" as const);
    const submitted = input.submit ? { submittedAt: now, submittedBy: responder.user.id } : { submittedAt: null, submittedBy: null };
    let id: string;
    if (existing) {
      id = existing.id;
      await trx.updateTable("consultationResponses").set({ status, ...submitted, updatedAt: now }).where("id", "=", id).execute();
      await trx.deleteFrom("consultationResponseParts").where("responseId", "=", id).execute();
    } else {
      const row = await trx
        .insertInto("consultationResponses")
        .values({ consultationId, organisationId: responder.organisation.id, status, createdBy: responder.user.id, ...submitted, updatedAt: now, createdAt: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    const parts = input.parts.map((p, position) => ({ responseId: id, position, text: p.text, withholdRequested: p.withhold, withholdReason: p.withhold ? p.withholdReason : null }));
    if (parts.length) await trx.insertInto("consultationResponseParts").values(parts).execute();
    return ok({ id, status });
  });
}

async function ownResponse(trx: Db, consultationId: string, organisationId: string) {
  if (!isUuid(consultationId)) return null;
  const row = await trx
    .selectFrom("consultationResponses")
    .innerJoin("consultations", "consultations.id", "consultationResponses.consultationId")
    .select(["consultationResponses.id", "consultationResponses.status", "consultationResponses.publicationConfirmedAt", "consultations.deadline"])
    .where("consultationResponses.consultationId", "=", consultationId)
    .where("consultationResponses.organisationId", "=", organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  const parts = await trx.selectFrom("consultationResponseParts").select(["withholdRequested", "withholdDecision", "decidedAt"]).where("responseId", "=", row.id).execute();
  return { ...row, parts };
}

/** The responder withdraws: before the deadline, or after it while a refused withholding is still unpublished. */
export async function withdrawResponse(db: Db, responder: Responder, consultationId: string, { now = new Date() }: { now?: Date } = {}): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const own = await ownResponse(trx, consultationId, responder.organisation.id);
    if (!own) return fail("not_found");
    if (!mayWithdraw(own, now)) return fail("conflict", [{ path: "", code: "consultation_withdraw_closed" }]);
    await trx.updateTable("consultationResponses").set({ status: "withdrawn", withdrawnAt: now, updatedAt: now }).where("id", "=", own.id).execute();
    return ok();
  });
}

/** The responder accepts the organiser's refusal to withhold: the parts are published at once. */
export async function confirmPublication(db: Db, responder: Responder, consultationId: string, { now = new Date() }: { now?: Date } = {}): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const own = await ownResponse(trx, consultationId, responder.organisation.id);
    if (!own) return fail("not_found");
    if (own.status !== "submitted" || own.publicationConfirmedAt !== null || !own.parts.some((p) => p.withholdDecision === "refused"))
      return fail("conflict", [{ path: "", code: "consultation_nothing_to_confirm" }]);
    await trx.updateTable("consultationResponses").set({ publicationConfirmedAt: now, updatedAt: now }).where("id", "=", own.id).execute();
    return ok();
  });
}

/**
 * The organiser accepts or refuses a request to withhold one part, after the deadline. A
 * refusal is told to the responder's admins, who then have REFUSAL_NOTICE_DAYS to withdraw.
 */
export async function decideWithholding(
  db: Db,
  actor: ConsultationActor,
  consultationId: string,
  { responseId, position, decision }: { responseId: string; position: number; decision: WithholdDecision },
  { now = new Date(), baseUrl }: Options,
): Promise<Result> {
  const consultation = await consultationRow(db, consultationId);
  if (!consultation) return fail("not_found");
  if (!mayOrganise(consultation, actor)) return fail("forbidden");
  if (isOpenForResponses(consultation.deadline, now)) return fail("conflict", [{ path: "", code: "consultation_still_open" }]);
  if (!isUuid(responseId) || !Number.isInteger(position) || position < 0 || position >= MAX_QUESTIONS) return fail("invalid", [{ path: "responseId", code: "invalid_value" }]);
  return db.transaction().execute(async (trx) => {
    const part = await trx
      .selectFrom("consultationResponseParts")
      .innerJoin("consultationResponses", "consultationResponses.id", "consultationResponseParts.responseId")
      .innerJoin("organisations", "organisations.id", "consultationResponses.organisationId")
      .select(["consultationResponseParts.withholdRequested", "consultationResponseParts.withholdDecision", "consultationResponses.organisationId", "consultationResponses.status", "organisations.name as organisationName"])
      .where("consultationResponseParts.responseId", "=", responseId)
      .where("consultationResponseParts.position", "=", position)
      .where("consultationResponses.consultationId", "=", consultation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!part || !part.withholdRequested || part.status !== "submitted") return fail("invalid", [{ path: "responseId", code: "invalid_value" }]);
    if (part.withholdDecision !== null) return fail("conflict", [{ path: "", code: "already_decided" }]);
    await trx
      .updateTable("consultationResponseParts")
      .set({ withholdDecision: decision, decidedAt: now, decidedBy: actor.userId })
      .where("responseId", "=", responseId)
      .where("position", "=", position)
      .execute();
    if (decision === "refused") {
      await emailAdmins(trx, part.organisationId, (admin) => ({
        template: "consultation-withholding-refused",
        data: {
          name: admin.name,
          organisationName: part.organisationName,
          organiserName: consultation.organiserName ?? "",
          title: consultation.title,
          question: consultation.questions[position] ?? "",
          days: REFUSAL_NOTICE_DAYS,
          url: `${baseUrl}/consultations/${consultation.id}`,
        },
      }));
    }
    return ok();
  });
}

/** "Slik brukte vi innspillene": the organiser publishes (or corrects) it after the deadline; the consultation is then concluded. */
export async function publishUsageSummary(db: Db, actor: ConsultationActor, consultationId: string, summary: string, { now = new Date() }: { now?: Date } = {}): Promise<Result> {
  const consultation = await consultationRow(db, consultationId);
  if (!consultation) return fail("not_found");
  if (!mayOrganise(consultation, actor)) return fail("forbidden");
  if (isOpenForResponses(consultation.deadline, now)) return fail("conflict", [{ path: "", code: "consultation_still_open" }]);
  const problems = summaryProblems(summary);
  if (problems.length) return fail("invalid", problems);
  await db.updateTable("consultations").set({ usageSummary: summary.trim(), usageSummaryAt: now }).where("id", "=", consultation.id).execute();
  return ok();
}

/** Every consultation as OCDS reads it (app/domain/ocds-consultations.ts): never a response, newest change first. */
export async function listOcdsConsultations(db: Db, { limit = 500 }: { limit?: number } = {}): Promise<OcdsConsultation[]> {
  const rows = await db
    .selectFrom("consultations as c")
    .leftJoin("organisations as o", "o.id", "c.organiserId")
    .select([
      "c.id",
      "c.caseNumber",
      "c.title",
      "c.summary",
      "c.subject",
      "c.deadline",
      "c.documentLinks",
      "c.usageSummaryAt",
      "c.createdAt",
      "o.id as organiserId",
      "o.name as organiserName",
      "o.orgNumber",
      "o.country",
      "o.foreignRegistryId",
      "o.website",
    ])
    .orderBy(sql`coalesce(c.usage_summary_at, c.created_at)`, "desc")
    .orderBy("c.id")
    .limit(limit)
    .execute();
  return rows.map(({ organiserId, organiserName, orgNumber, country, foreignRegistryId, website, ...c }) => ({
    ...c,
    organiser: organiserId && organiserName && country ? { id: organiserId, name: organiserName, orgNumber, country, foreignRegistryId, website } : null,
  }));
}
