import { sql } from "kysely";
import type { Db } from "@db/client";
import { needsReadoption, type Clause } from "~/domain/conduct";
import { failAt, ok, type Result } from "~/domain/result";
import { emailAdmins } from "./memberships.server";

// The code of conduct for market dialogue (samspillsnormer): versions, their
// clauses, and which version each organisation has adopted.

export interface ConductVersion {
  number: number;
  publishedAt: Date | null;
  publishedByName: string | null;
  summaryNb: string;
  summaryEn: string;
  clauses: Clause[];
}

export type VersionSummary = Omit<ConductVersion, "clauses">;

const clauseColumns = ["number", "principle", "titleNb", "titleEn", "textNb", "textEn"] as const;

function versionQuery(db: Db) {
  return db
    .selectFrom("conductVersions as v")
    .leftJoin("users", "users.id", "v.publishedBy")
    .select(["v.number", "v.publishedAt", "users.name as publishedByName", "v.summaryNb", "v.summaryEn"]);
}

async function withClauses(db: Db, version: VersionSummary | undefined): Promise<ConductVersion | null> {
  if (!version) return null;
  const clauses = await db.selectFrom("conductClauses").select(clauseColumns).where("versionNumber", "=", version.number).orderBy("number").execute();
  return { ...version, clauses };
}

/** The newest published version; null only on a database without one. */
export async function getCurrentVersion(db: Db): Promise<ConductVersion | null> {
  const version = await versionQuery(db).where("v.publishedAt", "is not", null).orderBy("v.number", "desc").limit(1).executeTakeFirst();
  return withClauses(db, version);
}

export async function currentVersionNumber(db: Db): Promise<number | null> {
  const row = await db.selectFrom("conductVersions").select(sql<number | null>`max(number)`.as("n")).where("publishedAt", "is not", null).executeTakeFirst();
  return row?.n ?? null;
}

/** A version by number; drafts only when asked for (operators). */
export async function getVersion(db: Db, number: number, { includeDraft = false } = {}): Promise<ConductVersion | null> {
  let query = versionQuery(db).where("v.number", "=", number);
  if (!includeDraft) query = query.where("v.publishedAt", "is not", null);
  return withClauses(db, await query.executeTakeFirst());
}

/** The published version before `number`, to show what changed. */
export async function getPreviousVersion(db: Db, number: number): Promise<ConductVersion | null> {
  const version = await versionQuery(db).where("v.number", "<", number).where("v.publishedAt", "is not", null).orderBy("v.number", "desc").limit(1).executeTakeFirst();
  return withClauses(db, version);
}

export async function listVersions(db: Db): Promise<VersionSummary[]> {
  return versionQuery(db).where("v.publishedAt", "is not", null).orderBy("v.number", "desc").execute();
}

export async function getDraft(db: Db): Promise<ConductVersion | null> {
  return withClauses(db, await versionQuery(db).where("v.publishedAt", "is", null).executeTakeFirst());
}

/** Starts the next version as a copy of the current one; returns the existing draft if there is one. */
export async function createDraft(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("conductVersions").select("number").where("publishedAt", "is", null).executeTakeFirst();
    if (existing) return existing.number;
    const current = await getCurrentVersion(trx);
    const max = await trx.selectFrom("conductVersions").select(sql<number>`coalesce(max(number), 0)`.as("n")).executeTakeFirstOrThrow();
    const number = max.n + 1;
    await trx.insertInto("conductVersions").values({ number, summaryNb: "", summaryEn: "" }).execute();
    if (current?.clauses.length) {
      await trx.insertInto("conductClauses").values(current.clauses.map((c) => ({ ...c, versionNumber: number }))).execute();
    }
    return number;
  });
}

export async function saveDraftSummary(db: Db, number: number, summary: { summaryNb: string; summaryEn: string }): Promise<boolean> {
  const result = await db.updateTable("conductVersions").set(summary).where("number", "=", number).where("publishedAt", "is", null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Adds or replaces a clause of the draft. */
export async function saveDraftClause(db: Db, versionNumber: number, clause: Clause): Promise<void> {
  const { number, ...text } = clause;
  await db
    .insertInto("conductClauses")
    .values({ versionNumber, number, ...text })
    .onConflict((oc) => oc.columns(["versionNumber", "number"]).doUpdateSet(text))
    .execute();
}

export async function removeDraftClause(db: Db, versionNumber: number, number: number): Promise<void> {
  await db.deleteFrom("conductClauses").where("versionNumber", "=", versionNumber).where("number", "=", number).execute();
}

export type PublishProblem = "no_draft" | "no_clauses" | "no_summary";

/**
 * Publishes the draft and tells the admins of every organisation that had
 * adopted an earlier version, in the same transaction.
 */
export async function publishDraft(db: Db, { userId, versionUrl }: { userId: string; versionUrl: (number: number) => string }): Promise<Result<{ number: number }, PublishProblem>> {
  return db.transaction().execute(async (trx) => {
    const draft = await getDraft(trx);
    if (!draft) return failAt("conflict", "", "no_draft");
    if (draft.clauses.length === 0) return failAt("refused", "", "no_clauses");
    if (!draft.summaryNb.trim() || !draft.summaryEn.trim()) return failAt("refused", "", "no_summary");
    await trx.updateTable("conductVersions").set({ publishedAt: new Date(), publishedBy: userId }).where("number", "=", draft.number).execute();
    const adopters = await trx
      .selectFrom("organisations")
      .select(["id", "name"])
      .where((eb) => eb.exists(eb.selectFrom("conductAdoptions").select("versionNumber").whereRef("conductAdoptions.organisationId", "=", "organisations.id")))
      .orderBy("id")
      .execute();
    for (const organisation of adopters) {
      await emailAdmins(trx, organisation.id, (admin) => ({
        template: "code-version-published",
        data: {
          name: admin.name,
          organisationName: organisation.name,
          versionNumber: String(draft.number),
          summary: admin.language === "en" ? draft.summaryEn : draft.summaryNb,
          url: versionUrl(draft.number),
        },
      }));
    }
    return ok({ number: draft.number });
  });
}

/** An organisation's admin adopts a published version for the organisation. Adopting again changes nothing. */
export async function adoptVersion(db: Db, { organisationId, userId, versionNumber }: { organisationId: string; userId: string; versionNumber: number }): Promise<boolean> {
  const version = await db.selectFrom("conductVersions").select("number").where("number", "=", versionNumber).where("publishedAt", "is not", null).executeTakeFirst();
  if (!version) return false;
  await db
    .insertInto("conductAdoptions")
    .values({ organisationId, versionNumber, adoptedBy: userId })
    .onConflict((oc) => oc.columns(["organisationId", "versionNumber"]).doNothing())
    .execute();
  return true;
}

export interface Adoption {
  versionNumber: number;
  adoptedAt: Date;
  adoptedByName: string | null;
  currentVersion: number | null;
  /** A newer version is published than the one adopted. */
  outdated: boolean;
}

/** The newest version an organisation has adopted, for its public page; null if none. */
export async function getAdoption(db: Db, organisationId: string): Promise<Adoption | null> {
  const [row, current] = await Promise.all([
    db
      .selectFrom("conductAdoptions as a")
      .leftJoin("users", "users.id", "a.adoptedBy")
      .select(["a.versionNumber", "a.adoptedAt", "users.name as adoptedByName"])
      .where("a.organisationId", "=", organisationId)
      .orderBy("a.versionNumber", "desc")
      .limit(1)
      .executeTakeFirst(),
    currentVersionNumber(db),
  ]);
  if (!row) return null;
  return { ...row, currentVersion: current, outdated: needsReadoption(row.versionNumber, current) };
}

export interface AdoptionPrompt {
  currentVersion: number;
  adoptedVersion: number | null;
}

/**
 * For a loader: ask an organisation's admins to adopt the current version when
 * they have adopted none or an older one. Null for members, and when up to date.
 */
export async function adoptionPrompt(db: Db, member: { organisation: { id: string }; membership: { role: string } }): Promise<AdoptionPrompt | null> {
  if (member.membership.role !== "admin") return null;
  const [adoption, current] = await Promise.all([getAdoption(db, member.organisation.id), currentVersionNumber(db)]);
  const adoptedVersion = adoption?.versionNumber ?? null;
  if (current === null || !needsReadoption(adoptedVersion, current)) return null;
  return { currentVersion: current, adoptedVersion };
}
