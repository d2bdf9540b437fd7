import type { Db } from "@db/client";
import { isUuid } from "~/domain/ids";
import { CORRECTION_PATHS, investmentProblems, summariseCorrections, type VendorInvestment } from "~/domain/pilot-investment";
import type { InvestmentCorrectionInput } from "~/domain/pilot-investment-forms";
import { fail, failAt, ok, type Result } from "~/domain/result";
import { isBuyerMember, participatingOrganisations, pilotEvent } from "./pilot-exits.server";

// What each vendor is expected to invest in a pilot (issue 16): the buyer's figure, and each
// registered vendor organisation's correction of it for itself (one per organisation, later
// changes overwrite). The public sees how many corrected and the median and range; the buyer's
// members also see who said what.

export interface InvestmentCorrectionView extends VendorInvestment {
  organisationId: string;
  organisationName: string;
  note: string | null;
  correctedAt: string;
}

export interface InvestmentPage {
  event: { id: string; title: string; buyer: { name: string; slug: string } };
  stated: VendorInvestment;
  summary: ReturnType<typeof summariseCorrections>;
  /** Each correction with the vendor's name: the buyer's members only, otherwise null. */
  corrections: InvestmentCorrectionView[] | null;
  /** The viewer's registered vendor organisations, each with its correction so far. */
  mine: { id: string; name: string; correction: (VendorInvestment & { note: string | null }) | null }[];
}

async function correctionsOf(db: Db, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom("pilotInvestmentCorrections as c")
    .innerJoin("organisations as o", "o.id", "c.organisationId")
    .select(["c.eventId", "c.organisationId", "o.name as organisationName", "c.hours", "c.nok", "c.note", "c.correctedAt"])
    .where("c.eventId", "in", eventIds)
    .orderBy("o.name")
    .execute();
}

/** The public summary of the vendors' corrections per event, for the register. */
export async function correctionSummaries(db: Db, eventIds: readonly string[]) {
  const rows = await correctionsOf(db, eventIds);
  return new Map(eventIds.map((id) => [id, summariseCorrections(rows.filter((r) => r.eventId === id))]));
}

export interface InvestmentFigures {
  summary: ReturnType<typeof summariseCorrections>;
  /** Each correction with the vendor's name: the buyer's members only, otherwise null. */
  corrections: InvestmentCorrectionView[] | null;
}

const toView = (r: Awaited<ReturnType<typeof correctionsOf>>[number]): InvestmentCorrectionView => ({
  organisationId: r.organisationId,
  organisationName: r.organisationName,
  hours: r.hours,
  nok: r.nok,
  note: r.note,
  correctedAt: r.correctedAt.toISOString(),
});

/** The vendors' corrections of one event's figure, as the event page shows them inline: names only `withNames` (the buyer's members). */
export async function investmentFigures(db: Db, eventId: string, { withNames }: { withNames: boolean }): Promise<InvestmentFigures> {
  const views = (await correctionsOf(db, [eventId])).map(toView);
  return { summary: summariseCorrections(views), corrections: withNames ? views : null };
}

/** The page of a published pilot's expected investment; null when there is no such pilot. */
export async function getInvestmentPage(db: Db, eventId: string, userId: string | null): Promise<InvestmentPage | null> {
  const event = await pilotEvent(db, eventId);
  if (!event) return null;
  const row = await db
    .selectFrom("events as e")
    .innerJoin("organisations as o", "o.id", "e.buyerId")
    .select(["e.title", "e.pilotVendorInvestmentHours", "e.pilotVendorInvestmentNok", "o.name", "o.slug"])
    .where("e.id", "=", event.id)
    .executeTakeFirstOrThrow();
  const views = (await correctionsOf(db, [event.id])).map(toView);
  const taking = await participatingOrganisations(db, userId, event.id);
  return {
    event: { id: event.id, title: row.title, buyer: { name: row.name, slug: row.slug } },
    stated: { hours: row.pilotVendorInvestmentHours, nok: row.pilotVendorInvestmentNok },
    summary: summariseCorrections(views),
    corrections: (await isBuyerMember(db, userId, event.buyerId)) ? views : null,
    mine: taking.map((o) => {
      const c = views.find((v) => v.organisationId === o.id);
      return { id: o.id, name: o.name, correction: c ? { hours: c.hours, nok: c.nok, note: c.note } : null };
    }),
  };
}

/**
 * A member of a vendor organisation registered for the pilot corrects the figure for it: once per
 * organisation, a later correction replacing the earlier. Anyone else: forbidden.
 */
export async function correctInvestment(
  db: Db,
  userId: string,
  eventId: string,
  input: InvestmentCorrectionInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<Result<{ organisationId: string }>> {
  const event = await pilotEvent(db, eventId);
  if (!event) return fail("not_found");
  const taking = await participatingOrganisations(db, userId, event.id);
  if (taking.length === 0) return fail("forbidden");
  const organisation = input.organisationId === undefined && taking.length === 1 ? taking[0] : taking.find((o) => o.id === input.organisationId);
  if (!organisation) return failAt("refused", "organisationId", isUuid(input.organisationId ?? "") ? "invalid_value" : "required");
  const figure = { hours: input.hours ?? null, nok: input.nok ?? null };
  const problems = investmentProblems(figure, CORRECTION_PATHS);
  if (problems.length > 0) return fail("refused", problems);
  const values = { ...figure, note: input.note ?? null, correctedBy: userId, correctedAt: now };
  await db
    .insertInto("pilotInvestmentCorrections")
    .values({ eventId: event.id, organisationId: organisation.id, ...values })
    .onConflict((oc) => oc.columns(["eventId", "organisationId"]).doUpdateSet(values))
    .execute();
  return ok({ organisationId: organisation.id });
}
