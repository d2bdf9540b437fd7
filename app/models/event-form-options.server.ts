import type { Db } from "@db/client";
import { addQuarters, quarterOf } from "~/domain/quarters";

// What the event form reads from the database; the form itself lives in app/routes/+shared/event-editor/.

export async function standardCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom("standards").select("code").orderBy("category").orderBy("name").execute()).map((s) => s.code);
}

/** What the form offers: the standards catalogue, other buyers as co-buyers, the next three years of quarters, the buyer's own-delivery codes. */
export async function eventFormOptions(db: Db, buyerId: string, now = new Date()) {
  const [standards, coBuyerOptions, buyer, costBenefitOptions] = await Promise.all([
    db.selectFrom("standards").select(["code", "name"]).orderBy("category").orderBy("name").execute(),
    db.selectFrom("organisations").select(["id", "name"]).where("isBuyer", "=", true).where("id", "<>", buyerId).orderBy("name").execute(),
    db.selectFrom("organisations").select(["verificationStatus", "ownDeliveryCpv"]).where("id", "=", buyerId).executeTakeFirstOrThrow(),
    // Who pays or benefits may be any public buyer, the event's own included.
    db.selectFrom("organisations").select(["id", "name"]).where("isBuyer", "=", true).orderBy("name").execute(),
  ]);
  const first = quarterOf(now);
  const quarters = Array.from({ length: 12 }, (_, i) => addQuarters(first, i));
  return { standards, coBuyerOptions, costBenefitOptions, quarters, buyerVerified: buyer.verificationStatus === "verified", ownDeliveryCpv: buyer.ownDeliveryCpv };
}
