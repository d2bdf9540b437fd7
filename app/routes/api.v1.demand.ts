import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { demandSearchParams, parseDemandFilter } from "~/domain/demand-filter";
import { listDemand, type DemandConsultationItem, type DemandItem } from "~/models/demand.server";

// GET /api/v1/demand — public: the same filtered list as /demand (events and open
// consultations, told apart by `kind`), with the same query parameters (docs/api.md), one page
// at a time; `next` continues it.
export async function loader({ request }: LoaderFunctionArgs) {
  const { filter, ignored } = parseDemandFilter(new URL(request.url).searchParams);
  const page = await listDemand(db(), filter, { total: true });
  const next = page.next ? `/api/v1/demand?${demandSearchParams(filter, { cursor: page.next, limit: true })}` : null;
  return json(
    { items: page.items.map(demandItemJson), total: page.total, next, filter: { ...filter, cursor: undefined }, ignored },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}

function demandItemJson(item: DemandItem) {
  if (item.kind === "consultation") return consultationJson(item);
  return {
    id: item.id,
    url: `/events/${item.id}`,
    kind: item.kind,
    title: item.title,
    buyer: { name: item.buyerName, slug: item.buyerSlug, sector: item.buyerSector },
    region: item.region,
    cpv: item.cpvCodes,
    registrationDeadline: item.registrationDeadline,
    responseDeadline: item.responseDeadline,
    startsAt: item.startsAt,
    effort: { level: item.effortLevel, hoursPerVendor: item.effortHoursPerVendor },
    expectation: item.expectationStatus
      ? {
          status: item.expectationStatus,
          budgetMinNok: item.budgetMinNok,
          budgetMaxNok: item.budgetMaxNok,
          expectedTenderQuarter: item.expectedTenderQuarter,
        }
      : null,
    standards: item.standards.map(({ code, level }) => ({ code, level })),
    intellectualProperty: { backgroundStaysWithVendor: item.backgroundIpStaysWithVendor },
    buyerDeliversItself: item.buyerDeliversItself,
    scope: { integrationBudgetIncluded: item.integrationBudgetIncluded, integrationBudgetNok: item.integrationBudgetNok },
    publishedAt: item.publishedAt,
  };
}

/** An open consultation: what is asked, by whom and by when; never a response. */
function consultationJson(item: DemandConsultationItem) {
  return {
    id: item.id,
    url: `/consultations/${item.id}`,
    kind: item.kind,
    title: item.title,
    caseNumber: item.caseNumber,
    subject: item.subject,
    buyer: item.buyerName === null ? null : { name: item.buyerName, slug: item.buyerSlug, sector: item.buyerSector },
    deadline: item.deadline,
    effort: { level: item.effortLevel, hoursPerResponder: item.hoursPerResponder },
    publishedAt: item.publishedAt,
  };
}
