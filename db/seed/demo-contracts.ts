import type { Db } from "../client";
import { addMonthsToDate, type OptionStatus } from "../../app/domain/contracts";
import { addQuarters, quarterOf, quarterStart } from "../../app/domain/quarters";

// Demo contracts after award (issue 15), dated from `now` so the figures stay current: a
// framework with capacity demanded and no binding minimum, called off at 30 % of its
// indication with one quarter disputed; single contracts called off in full; an older
// project contract whose first option was exercised and second declined; an innovation
// partnership whose purchase option's notice deadline is two weeks away.

interface SeedContract {
  id: string;
  buyer: string;
  vendor: string;
  eventId?: string;
  type: "framework_agreement" | "single_contract" | "project_contract" | "innovation_partnership";
  title: string;
  start: string;
  baseEnd: string;
  indicatedAnnualValueNok: number;
  bindingMinimumNok: number;
  capacityRequired?: boolean;
  capacityLeadTimeWeeks?: number;
  depreciationMonths?: number;
  options: { months: number; noticeDeadline: string; status?: OptionStatus; reason?: string }[];
  callOffs: { quarter: string; valueNok: number; response?: "confirm" | "dispute"; account?: string }[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const lastDayBefore = (date: string) => day(new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000));

function demoContracts(now: Date): SeedContract[] {
  const q = (n: number) => addQuarters(quarterOf(now), n);
  const startOf = (n: number) => quarterStart(q(n));
  const inDays = (days: number) => day(new Date(now.getTime() + days * 86_400_000));
  const framework = startOf(-3);
  const frameworkEnd = lastDayBefore(addMonthsToDate(framework, 24));
  const older = startOf(-12);
  const olderEnd = lastDayBefore(addMonthsToDate(older, 24));
  const fjordheimStart = inDays(-35);
  const partnership = startOf(-6);
  return [
    {
      id: "00000000-0000-4000-8000-000000000c01",
      buyer: "bergvik-kommune",
      vendor: "nordlys-helse-as",
      type: "framework_agreement",
      title: "Rammeavtale for digital hjemmeoppfølging",
      start: framework,
      baseEnd: frameworkEnd,
      indicatedAnnualValueNok: 10_000_000,
      bindingMinimumNok: 0,
      capacityRequired: true,
      capacityLeadTimeWeeks: 8,
      depreciationMonths: 48,
      options: [
        { months: 12, noticeDeadline: addMonthsToDate(frameworkEnd, -6) },
        { months: 12, noticeDeadline: addMonthsToDate(frameworkEnd, 6) },
      ],
      callOffs: [
        { quarter: q(-3), valueNok: 1_200_000, response: "confirm" },
        { quarter: q(-2), valueNok: 900_000, response: "confirm" },
        {
          quarter: q(-1),
          valueNok: 600_000,
          response: "dispute",
          account: "Vi leverte og fakturerte for 1,1 MNOK dette kvartalet. Avropene for to bydeler ble ført på en annen avtale.",
        },
        { quarter: q(0), valueNok: 300_000 },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000c02",
      buyer: "bergvik-kommune",
      vendor: "caresoft-nordic-ab",
      type: "single_contract",
      title: "Kjøp og drift av trygghetsalarmer for Bergvik",
      start: startOf(-3),
      baseEnd: lastDayBefore(addMonthsToDate(startOf(-3), 36)),
      indicatedAnnualValueNok: 1_200_000,
      bindingMinimumNok: 1_200_000,
      options: [{ months: 24, noticeDeadline: addMonthsToDate(startOf(-3), 30) }],
      callOffs: [-3, -2, -1, 0].map((n) => ({ quarter: q(n), valueNok: 300_000, response: "confirm" as const })),
    },
    {
      id: "00000000-0000-4000-8000-000000000c03",
      buyer: "bergvik-kommune",
      vendor: "journalverket-as",
      type: "project_contract",
      title: "Prosjektkontrakt for legevakttelefoni",
      start: older,
      baseEnd: olderEnd,
      indicatedAnnualValueNok: 400_000,
      bindingMinimumNok: 200_000,
      options: [
        { months: 12, noticeDeadline: addMonthsToDate(olderEnd, -3), status: "exercised" },
        { months: 12, noticeDeadline: addMonthsToDate(olderEnd, 9), status: "declined", reason: "Tjenesten samles i den interkommunale legevakten fra neste år." },
      ],
      callOffs: Array.from({ length: 12 }, (_, i) => ({ quarter: q(i - 12), valueNok: 100_000, response: "confirm" as const })),
    },
    {
      id: "00000000-0000-4000-8000-000000000c04",
      buyer: "fjordheim-kommune",
      vendor: "caresoft-nordic-ab",
      eventId: "00000000-0000-4000-8000-000000000109",
      type: "single_contract",
      title: "Elektronisk medisineringsstøtte på sykehjem",
      start: fjordheimStart,
      baseEnd: lastDayBefore(addMonthsToDate(fjordheimStart, 36)),
      indicatedAnnualValueNok: 550_000,
      bindingMinimumNok: 550_000,
      options: [],
      callOffs: [{ quarter: quarterOf(new Date(`${fjordheimStart}T12:00:00Z`)), valueNok: 550_000, response: "confirm" }],
    },
    {
      id: "00000000-0000-4000-8000-000000000c05",
      buyer: "helse-vestfjord-hf",
      vendor: "journalverket-as",
      type: "innovation_partnership",
      title: "Innovasjonspartnerskap om strukturert pasientforløp",
      start: partnership,
      baseEnd: inDays(75),
      indicatedAnnualValueNok: 4_000_000,
      bindingMinimumNok: 0,
      depreciationMonths: 60,
      options: [{ months: 36, noticeDeadline: inDays(14) }],
      callOffs: [-6, -5, -4, -3, -2, -1].map((n) => ({ quarter: q(n), valueNok: 500_000 })),
    },
  ];
}

export async function seedContracts(db: Db, now: Date, orgId: (slug: string) => string) {
  const decidedAt = new Date(now.getTime() - 90 * 86_400_000);
  for (const c of demoContracts(now)) {
    const inserted = await db
      .insertInto("contracts")
      .values({
        id: c.id,
        buyerId: orgId(c.buyer),
        eventId: c.eventId ?? null,
        type: c.type,
        title: c.title,
        startDate: c.start,
        baseEnd: c.baseEnd,
        indicatedAnnualValueNok: c.indicatedAnnualValueNok,
        bindingMinimumNok: c.bindingMinimumNok,
        capacityRequired: c.capacityRequired ?? false,
        capacityLeadTimeWeeks: c.capacityLeadTimeWeeks ?? null,
        depreciationMonths: c.depreciationMonths ?? null,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) continue;
    await db.insertInto("contractVendors").values({ contractId: c.id, organisationId: orgId(c.vendor) }).execute();
    for (const [i, o] of c.options.entries()) {
      const status = o.status ?? "open";
      await db
        .insertInto("contractOptions")
        .values({ contractId: c.id, number: i + 1, months: o.months, noticeDeadline: o.noticeDeadline, status, reason: o.reason ?? null, decidedAt: status === "open" ? null : decidedAt })
        .execute();
    }
    for (const o of c.callOffs) {
      await db
        .insertInto("contractCallOffs")
        .values({ contractId: c.id, quarter: o.quarter, valueNok: o.valueNok, response: o.response ?? null, account: o.account ?? null, respondedAt: o.response ? now : null })
        .execute();
    }
  }
}
