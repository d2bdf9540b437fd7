import type { Db } from "@db/client";
import type { CommercialRole, MemberRole, VerificationStatus } from "~/domain/organisations";

export interface MembershipWithOrganisation {
  role: MemberRole;
  commercialRole: CommercialRole | null;
  organisation: {
    id: string;
    slug: string;
    name: string;
    isBuyer: boolean;
    isVendor: boolean;
    verificationStatus: VerificationStatus;
  };
}

function membershipQuery(db: Db) {
  return db
    .selectFrom("memberships")
    .innerJoin("organisations", "organisations.id", "memberships.organisationId")
    .select([
      "memberships.role",
      "memberships.commercialRole",
      "organisations.id",
      "organisations.slug",
      "organisations.name",
      "organisations.isBuyer",
      "organisations.isVendor",
      "organisations.verificationStatus",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof membershipQuery>["executeTakeFirstOrThrow"]>>;

function toMembership({ role, commercialRole, ...organisation }: Row): MembershipWithOrganisation {
  return { role, commercialRole, organisation };
}

export async function getMembership(db: Db, userId: string, organisationId: string): Promise<MembershipWithOrganisation | null> {
  const row = await membershipQuery(db)
    .where("memberships.userId", "=", userId)
    .where("memberships.organisationId", "=", organisationId)
    .executeTakeFirst();
  return row ? toMembership(row) : null;
}

export async function listMemberships(db: Db, userId: string): Promise<MembershipWithOrganisation[]> {
  const rows = await membershipQuery(db).where("memberships.userId", "=", userId).orderBy("organisations.name").execute();
  return rows.map(toMembership);
}
