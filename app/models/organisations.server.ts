import { sql } from "kysely";
import type { Db } from "@db/client";
import type { CreateOrganisationInput, OrganisationProfileInput } from "~/domain/organisation-forms";
import type { VerificationStatus } from "~/domain/organisations";
import { firstFreeSlug, isSlug, slugify } from "~/domain/slug";
import { audit, type AuditedActor } from "./audit.server";
import type { Problem } from "~/domain/problems";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { uniqueViolation } from "./database-errors.server";
import { emailAdmins } from "./memberships.server";


export async function listStandards(db: Db) {
  return db.selectFrom("standards").select(["id", "code", "name", "category", "origin", "nationalStatus"]).orderBy("category").orderBy("name").execute();
}

// Unique constraints → the form field that names the clash.
const CONSTRAINT_FIELDS: Record<string, [string, string]> = {
  organisations_org_number_key: ["orgNumber", "orgNumberTaken"],
  organisations_foreign_registry_unique: ["foreignRegistryId", "registryIdTaken"],
  organisations_slug_key: ["slug", "slugTaken"],
};

async function identityClashes(db: Db, input: CreateOrganisationInput): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (input.orgNumber) {
    const row = await db.selectFrom("organisations").select("id").where("orgNumber", "=", input.orgNumber).executeTakeFirst();
    if (row) problems.push({ path: "orgNumber", code: "orgNumberTaken" });
  }
  if (input.foreignRegistryId) {
    const row = await db
      .selectFrom("organisations")
      .select("id")
      .where("country", "=", input.country)
      .where("foreignRegistryId", "=", input.foreignRegistryId)
      .executeTakeFirst();
    if (row) problems.push({ path: "foreignRegistryId", code: "registryIdTaken" });
  }
  if (input.slug) {
    const row = await db.selectFrom("organisations").select("id").where("slug", "=", input.slug).executeTakeFirst();
    if (row) problems.push({ path: "slug", code: "slugTaken" });
  }
  if (input.standardIds.length > 0) {
    const known = await db.selectFrom("standards").select("id").where("id", "in", input.standardIds).execute();
    if (known.length !== input.standardIds.length) problems.push({ path: "standards", code: "invalidChoice" });
  }
  return problems;
}

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const rows = await db
    .selectFrom("organisations")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/**
 * Registers an organisation with its creator as admin and makes it their
 * active organisation. Buyers start unverified until an operator checks them.
 */
export async function createOrganisation(db: Db, input: CreateOrganisationInput, actor: AuditedActor): Promise<Result<{ id: string; slug: string }>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const clashes = await identityClashes(trx, input);
      if (clashes.length > 0) return fail("conflict", clashes);
      const slug = input.slug ?? (await freeSlug(trx, input.name));
      const organisation = await trx
        .insertInto("organisations")
        .values({
          slug,
          name: input.name,
          orgNumber: input.orgNumber,
          country: input.country,
          foreignRegistryId: input.foreignRegistryId,
          isBuyer: input.isBuyer,
          isVendor: input.isVendor,
          buyerSector: input.buyerSector,
          region: input.region,
          vendorSize: input.vendorSize,
          cpvAreas: input.cpvAreas,
          website: input.website,
          description: input.description,
          verificationStatus: "unverified",
          createdBy: actor.userId,
        })
        .returning(["id", "slug"])
        .executeTakeFirstOrThrow();
      if (input.standardIds.length > 0) {
        await trx
          .insertInto("vendorStandards")
          .values(input.standardIds.map((standardId) => ({ organisationId: organisation.id, standardId })))
          .execute();
      }
      await trx
        .insertInto("memberships")
        .values({ userId: actor.userId, organisationId: organisation.id, role: "admin", commercialRole: null })
        .execute();
      await trx.updateTable("users").set({ activeOrganisationId: organisation.id }).where("id", "=", actor.userId).execute();
      await audit(trx, {
        action: "organisation_created",
        actorUserId: actor.userId,
        organisationId: organisation.id,
        subject: input.name,
        ip: actor.ip,
        details: { isBuyer: input.isBuyer, isVendor: input.isVendor, country: input.country },
      });
      return ok(organisation);
    });
  } catch (error) {
    // Two people registering the same organisation at the same moment.
    const field = CONSTRAINT_FIELDS[uniqueViolation(error) ?? ""];
    if (field) return failAt("conflict", field[0], field[1]);
    throw error;
  }
}

export async function getOrganisation(db: Db, organisationId: string) {
  const organisation = await db.selectFrom("organisations").selectAll().where("id", "=", organisationId).executeTakeFirst();
  if (!organisation) return null;
  const standards = await db
    .selectFrom("vendorStandards")
    .innerJoin("standards", "standards.id", "vendorStandards.standardId")
    .select(["standards.id", "standards.code", "standards.name"])
    .where("vendorStandards.organisationId", "=", organisationId)
    .where("vendorStandards.readiness", "=", "supported")
    .orderBy("standards.name")
    .execute();
  return { ...organisation, standards };
}

export async function updateOrganisationProfile(
  db: Db,
  organisationId: string,
  input: OrganisationProfileInput,
  actor: AuditedActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("organisations")
      .set({
        name: input.name,
        website: input.website,
        description: input.description,
        buyerSector: input.buyerSector,
        region: input.region,
        vendorSize: input.vendorSize,
        cpvAreas: input.cpvAreas,
      })
      .where("id", "=", organisationId)
      .execute();
    // The standards a vendor supports are kept with its readiness (standard-readiness.server.ts).
    await audit(trx, { action: "organisation_updated", actorUserId: actor.userId, organisationId, subject: input.name, ip: actor.ip });
    return ok();
  });
}

/** The public profile: what anyone may read about an organisation. */
export async function getPublicOrganisation(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const organisation = await db
    .selectFrom("organisations")
    .leftJoin("users as contact", "contact.id", "organisations.commercialContactUserId")
    .leftJoin("memberships as contactMembership", (join) =>
      join
        .onRef("contactMembership.userId", "=", "organisations.commercialContactUserId")
        .onRef("contactMembership.organisationId", "=", "organisations.id"),
    )
    .select([
      "organisations.id",
      "organisations.slug",
      "organisations.name",
      "organisations.orgNumber",
      "organisations.country",
      "organisations.foreignRegistryId",
      "organisations.isBuyer",
      "organisations.isVendor",
      "organisations.buyerSector",
      "organisations.region",
      "organisations.vendorSize",
      "organisations.website",
      "organisations.description",
      "organisations.verificationStatus",
      "organisations.verifiedAt",
      "organisations.cpvAreas",
      "contact.name as contactName",
      "contactMembership.role as contactMemberRole",
      "contactMembership.commercialRole as contactCommercialRole",
    ])
    .where("organisations.slug", "=", slug)
    .executeTakeFirst();
  if (!organisation) return null;
  const standards = await db
    .selectFrom("vendorStandards")
    .innerJoin("standards", "standards.id", "vendorStandards.standardId")
    .select(["standards.code", "standards.name"])
    .where("vendorStandards.organisationId", "=", organisation.id)
    .where("vendorStandards.readiness", "=", "supported")
    .orderBy("standards.name")
    .execute();
  const { contactName, contactMemberRole, contactCommercialRole, ...rest } = organisation;
  // The contact point is a buyer's public face; only a current member counts.
  const commercialContact =
    rest.isBuyer && contactName && contactMemberRole ? { name: contactName, commercialRole: contactCommercialRole } : null;
  return { ...rest, standards, commercialContact };
}

export const ORGANISATION_PAGE_SIZE = 25;

export async function listPublicOrganisations(db: Db, { kind, page = 1 }: { kind?: "buyer" | "vendor"; page?: number }) {
  let query = db.selectFrom("organisations");
  if (kind === "buyer") query = query.where("isBuyer", "=", true);
  if (kind === "vendor") query = query.where("isVendor", "=", true);
  const [rows, total] = await Promise.all([
    query
      .select(["id", "slug", "name", "isBuyer", "isVendor", "buyerSector", "region", "vendorSize", "country", "verificationStatus"])
      .orderBy("name")
      .orderBy("id")
      .limit(ORGANISATION_PAGE_SIZE)
      .offset((page - 1) * ORGANISATION_PAGE_SIZE)
      .execute(),
    query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { organisations: rows, total: total.n, page, pageCount: Math.max(1, Math.ceil(total.n / ORGANISATION_PAGE_SIZE)) };
}

/** Vendor organisations by name: the choices for "chosen vendor" when a buyer records an outcome. */
export async function listVendorChoices(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("organisations").select(["id", "name"]).where("isVendor", "=", true).orderBy("name").orderBy("id").execute();
}

/** The publish rule asks this: only verified public bodies may publish as buyers. */
export async function isVerifiedBuyer(db: Db, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom("organisations")
    .select("id")
    .where("id", "=", organisationId)
    .where("isBuyer", "=", true)
    .where("verificationStatus", "=", "verified")
    .executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------- operators

const operatorColumns = [
  "organisations.id",
  "organisations.slug",
  "organisations.name",
  "organisations.orgNumber",
  "organisations.country",
  "organisations.foreignRegistryId",
  "organisations.isBuyer",
  "organisations.isVendor",
  "organisations.buyerSector",
  "organisations.verificationStatus",
  "organisations.verifiedAt",
  "organisations.verificationNote",
  "organisations.createdAt",
] as const;

export async function listOrganisationsForOperator(db: Db) {
  const [awaiting, others] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(operatorColumns)
      .where("isBuyer", "=", true)
      .where("verificationStatus", "=", "unverified")
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("organisations")
      .select(operatorColumns)
      .where((eb) => eb.or([eb("isBuyer", "=", false), eb("verificationStatus", "<>", "unverified")]))
      .orderBy("name")
      .orderBy("id")
      .execute(),
  ]);
  return { awaiting, others };
}

export type VerificationDecision = { decision: "verified"; baseUrl: string } | { decision: "rejected"; reason: string };

/**
 * An operator's decision on a buyer: the status, the audit entry and the mail
 * to the organisation's admins are written together or not at all.
 */
export async function decideVerification(
  db: Db,
  organisationId: string,
  decision: VerificationDecision,
  actor: AuditedActor,
): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom("organisations")
      .select(["id", "name", "slug", "isBuyer"])
      .where("id", "=", organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!organisation) return fail("not_found");
    if (!organisation.isBuyer) return failAt("refused", "", "not_a_buyer");
    const status: VerificationStatus = decision.decision;
    await trx
      .updateTable("organisations")
      .set({
        verificationStatus: status,
        verifiedAt: status === "verified" ? new Date() : null,
        verificationNote: decision.decision === "rejected" ? decision.reason : null,
      })
      .where("id", "=", organisationId)
      .execute();
    await audit(trx, {
      action: status === "verified" ? "organisation_verified" : "organisation_rejected",
      actorUserId: actor.userId,
      organisationId,
      subject: organisation.name,
      ip: actor.ip,
      details: decision.decision === "rejected" ? { reason: decision.reason } : {},
    });
    await emailAdmins(trx, organisationId, (admin) =>
      decision.decision === "verified"
        ? { template: "organisation-verified", data: { name: admin.name, organisationName: organisation.name, url: `${decision.baseUrl}/organisations/${organisation.slug}` } }
        : { template: "organisation-rejected", data: { name: admin.name, organisationName: organisation.name, reason: decision.reason } },
    );
    return ok();
  });
}
