import type { Db } from "@db/client";
import { canRequestReview, onboardingSteps, type OnboardingStep } from "~/domain/onboarding";
import { needsReadoption } from "~/domain/conduct";
import type { Result } from "~/domain/result";
import { fail, failAt, ok } from "~/domain/result";
import { audit, type AuditedActor } from "./audit.server";
import { currentVersionNumber } from "./conduct.server";

// A new organisation's first steps (app/domain/onboarding.ts), read from what it has done,
// and the way back for a buyer the operators could not verify.

export async function organisationOnboarding(db: Db, organisationId: string): Promise<OnboardingStep[] | null> {
  const organisation = await db
    .selectFrom("organisations")
    .select(["isBuyer", "isVendor", "verificationStatus", "commercialContactUserId"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!organisation) return null;
  const [adopted, current, events, following] = await Promise.all([
    db.selectFrom("conductAdoptions").select((eb) => eb.fn.max("versionNumber").as("version")).where("organisationId", "=", organisationId).executeTakeFirst(),
    currentVersionNumber(db),
    db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")).where("buyerId", "=", organisationId).where("status", "!=", "draft").executeTakeFirstOrThrow(),
    db
      .selectNoFrom((eb) => [
        eb(
          eb.selectFrom("watches").innerJoin("memberships", "memberships.userId", "watches.userId").select((w) => w.fn.countAll<number>().as("n")).where("memberships.organisationId", "=", organisationId),
          "+",
          eb.selectFrom("registrations").select((r) => r.fn.countAll<number>().as("n")).where("organisationId", "=", organisationId),
        ).as("n"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return onboardingSteps({
    isBuyer: organisation.isBuyer,
    isVendor: organisation.isVendor,
    verificationStatus: organisation.verificationStatus,
    hasCommercialContact: organisation.commercialContactUserId !== null,
    codeAdopted: current === null || !needsReadoption(adopted?.version ?? null, current),
    publishedEvents: Number(events.n),
    watchesOrRegistrations: Number(following.n),
  });
}

/**
 * A rejected buyer asks for a new review: it goes back to the operators' queue as
 * awaiting, the old reason stays in the audit log with what the admin says has changed.
 */
export async function requestVerificationReview(db: Db, organisationId: string, { changes }: { changes: string }, actor: AuditedActor): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom("organisations").select(["name", "verificationStatus", "verificationNote"]).where("id", "=", organisationId).forUpdate().executeTakeFirst();
    if (!organisation) return fail("not_found");
    if (!canRequestReview(organisation.verificationStatus)) return failAt("conflict", "", "review_not_open");
    await trx.updateTable("organisations").set({ verificationStatus: "unverified", verificationNote: null, verifiedAt: null }).where("id", "=", organisationId).execute();
    await audit(trx, {
      action: "verification_review_requested",
      actorUserId: actor.userId,
      organisationId,
      subject: organisation.name,
      ip: actor.ip,
      details: { changes, previousReason: organisation.verificationNote },
    });
    return ok();
  });
}
