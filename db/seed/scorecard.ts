import type { Kysely } from "kysely";
import { addQuarters, quarterOf, quarterStart } from "../../app/domain/quarters";
import { jsonb } from "../jsonb";
import type { Database, NewEvent } from "../schema";

// Demo history for Bergvik kommune's predictability scorecard (/buyers/:id): closed events
// with outcomes, two pilots with their exit records (one whose criterion was not met, one that
// met both and was not bought for want of budget), a short contract with its justification,
// vendor registrations, reported hours and answered questions. Every event is closed with an
// outcome, so none of them shows up in lists of open dialogues or events awaiting an outcome.

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
/** The 15th of the quarter's second month: safely inside it. */
const midQuarter = (quarter: string) => `${quarterStart(quarter).slice(0, 5)}${String(Number(quarterStart(quarter).slice(5, 7)) + 1).padStart(2, "0")}-15`;

export const SCORECARD_EVENT_IDS = {
  procured: "00000000-0000-4000-8000-000000000811",
  notProcured: "00000000-0000-4000-8000-000000000812",
  pilot: "00000000-0000-4000-8000-000000000813",
  shortContract: "00000000-0000-4000-8000-000000000814",
  /** A pilot with an unbudgeted purchase option that met both criteria and was not bought (issue 16's acceptance story). */
  pilotOption: "00000000-0000-4000-8000-000000000815",
  /** Helse Vestfjord HF's R&D partnership, ended without an exit record ("mangler sluttføring"). */
  rndWithoutExit: "00000000-0000-4000-8000-000000000816",
} as const;

const frame = { budgetMinNok: 2_000_000, budgetMaxNok: 4_000_000, fundingSource: "Investeringsbudsjett helse og omsorg", expectedValueNok: 3_000_000 };

export function scorecardEvents(now: Date, orgId: (slug: string) => string): (NewEvent & { id: string })[] {
  const current = quarterOf(now);
  // Published months and years ago, before IP terms were required (migration 0042): grandfathered.
  const buyer = { buyerId: orgId("bergvik-kommune"), region: "vestland" as const, status: "closed" as const, cpvCodes: ["48814000-7"], ipTermsGrandfathered: true, scopeGrandfathered: true };
  const declared = addQuarters(current, -3);
  return [
    {
      ...buyer,
      id: SCORECARD_EVENT_IDS.procured,
      kind: "rfi",
      title: "Forespørsel om informasjon: digitale trygghetsalarmer",
      description: "Bergvik kommune ba om skriftlige innspill om digitale trygghetsalarmer med mottak i kommunens responssenter.",
      publishedAt: daysAgo(now, 330),
      responseDeadline: daysAgo(now, 300),
      closedAt: daysAgo(now, 290),
      effortLevel: "significant",
      effortHoursPerVendor: 16,
      kindsOfWork: ["written_response"],
      expectationStatus: "committed",
      ...frame,
      expectedTenderQuarter: declared,
      contractForm: "market_contract",
      contractBaseMonths: 60,
      contractOptionMonths: 24,
      contractHorizonMonths: 60,
      outcome: "procured",
      // One quarter after the declared one: within the grace quarter.
      outcomeContractDate: midQuarter(addQuarters(declared, 1)),
      outcomeRecordedAt: new Date(`${midQuarter(addQuarters(declared, 1))}T12:00:00Z`),
      outcomeContractValueNok: 3_200_000,
      outcomeWinnerId: orgId("helix-systems-norge-as"),
    },
    {
      ...buyer,
      id: SCORECARD_EVENT_IDS.notProcured,
      kind: "dialogue_meeting",
      title: "Dialogmøte om medisindispensere i hjemmetjenesten",
      description: "Dialogmøte med leverandører av digitale medisindispensere.",
      publishedAt: daysAgo(now, 260),
      startsAt: daysAgo(now, 230),
      endsAt: new Date(daysAgo(now, 230).getTime() + 3 * 3600_000),
      location: "Bergvik rådhus",
      closedAt: daysAgo(now, 229),
      effortLevel: "light",
      effortHoursPerVendor: 4,
      kindsOfWork: ["attend_meeting"],
      expectationStatus: "planned",
      ...frame,
      expectedTenderQuarter: addQuarters(current, -2),
      outcome: "not_procured",
      outcomeNotProcuredReason: "budget_withdrawn",
      outcomeRecordedAt: daysAgo(now, 60),
    },
    {
      ...buyer,
      id: SCORECARD_EVENT_IDS.pilot,
      kind: "pilot",
      // Patient monitoring: its criterion was not met, and the buyer recorded that (seedScorecardActivity).
      cpvCodes: ["33195000-3"],
      title: "Utprøving av sensorbasert nattilsyn på Bergvik sykehjem",
      description: "Seks måneders utprøving av sensorer for nattilsyn på to avdelinger.",
      publishedAt: daysAgo(now, 700),
      startsAt: daysAgo(now, 660),
      endsAt: daysAgo(now, 480),
      closedAt: daysAgo(now, 470),
      effortLevel: "significant",
      effortHoursPerVendor: 60,
      kindsOfWork: ["pilot"],
      expectationStatus: "planned",
      ...frame,
      expectedTenderQuarter: addQuarters(current, -4),
      pilotCriteria: jsonb([
        { measure: "Uanmeldte nattlige tilsyn per beboer", threshold: "Minst 30 % færre", method: "Tilsynslogg før og etter", judgedBy: "Avdelingsleder" },
      ]),
      pilotPlan: "follow_on_procurement",
      pilotVendorInvestmentHours: 120,
      pilotQuarter: addQuarters(current, -4),
      pilotBudgetNok: 3_000_000,
      pilotBudgetEarmarked: false,
      pilotDeciderRole: "Kommunalsjef helse og omsorg",
      pilotDeciderOrganisation: "Bergvik kommune",
      outcome: "not_procured",
      outcomeNotProcuredReason: "no_suitable_solution",
      outcomeRecordedAt: daysAgo(now, 400),
    },
    {
      ...buyer,
      id: SCORECARD_EVENT_IDS.pilotOption,
      kind: "pilot",
      contractForm: "innovation_partnership",
      // Published before the contract-choice rule (migration 0059) without base period or horizon: grandfathered.
      contractChoiceGrandfathered: true,
      cpvCodes: ["33195000-3"],
      title: "Utprøving av digitale fallsensorer i omsorgsboliger",
      description: "Innovasjonspartnerskap: fire måneders utprøving av fallsensorer i to omsorgsboliger, med opsjon på kjøp.",
      publishedAt: daysAgo(now, 300),
      startsAt: daysAgo(now, 250),
      endsAt: daysAgo(now, 130),
      closedAt: daysAgo(now, 125),
      effortLevel: "significant",
      effortHoursPerVendor: 40,
      compensationNok: 50_000,
      kindsOfWork: ["pilot"],
      expectationStatus: "none",
      pilotCriteria: jsonb([
        { measure: "Andel fall oppdaget innen 2 minutter", threshold: "Minst 90 %", method: "Hendelseslogg mot journal", judgedBy: "Prosjektleder og fagsykepleier" },
        { measure: "Falske alarmer per beboer per uke", threshold: "Under 1", method: "Alarmlogg", judgedBy: "Avdelingsleder" },
      ]),
      pilotPlan: "purchase_option",
      pilotVendorInvestmentHours: 200,
      pilotOptionMaxPriceNok: 3_000_000,
      pilotOptionWindowFrom: addQuarters(current, 1),
      pilotOptionWindowTo: addQuarters(current, 2),
      pilotBudgetEarmarked: false,
      // Paid for mostly by Innovasjon Norge, nothing set aside for the option: "ingen budsjett for kjøp etter piloten" (issue 16).
      pilotFunding: jsonb([
        { source: "innovation_norway", amountNok: 1_200_000, otherText: null },
        { source: "own_budget", amountNok: 300_000, otherText: null },
      ]),
      pilotDeciderRole: "Kommunalsjef helse og omsorg",
      pilotDeciderOrganisation: "Bergvik kommune",
      outcome: "not_procured",
      outcomeNotProcuredReason: "postponed",
      outcomeRecordedAt: daysAgo(now, 60),
    },
    {
      ...buyer,
      buyerId: orgId("helse-vestfjord-hf"),
      id: SCORECARD_EVENT_IDS.rndWithoutExit,
      kind: "rnd_partnership",
      cpvCodes: ["48814000-7"],
      title: "FoU-samarbeid om digital oppfølging etter utskrivning",
      description: "Helse Vestfjord HF og leverandører utviklet og prøvde ut digital oppfølging av pasienter de første 30 dagene etter utskrivning.",
      publishedAt: daysAgo(now, 420),
      startsAt: daysAgo(now, 380),
      endsAt: daysAgo(now, 120),
      closedAt: daysAgo(now, 118),
      effortLevel: "significant",
      effortHoursPerVendor: 80,
      compensationNok: 100_000,
      kindsOfWork: ["pilot"],
      expectationStatus: "none",
      pilotCriteria: jsonb([
        { measure: "Reinnleggelser innen 30 dager", threshold: "Minst 15 % færre enn i kontrollgruppen", method: "Uttrekk fra pasientadministrativt system", judgedBy: "Klinikkleder medisin" },
        { measure: "Pasienter som fullførte oppfølgingen", threshold: "Minst 70 %", method: "Løsningens logg", judgedBy: "Prosjektleder" },
      ]),
      pilotPlan: "none_planned",
      pilotVendorInvestmentNok: 150_000,
      outcome: "not_procured",
      outcomeNotProcuredReason: "postponed",
      outcomeRecordedAt: daysAgo(now, 100),
    },
    {
      ...buyer,
      id: SCORECARD_EVENT_IDS.shortContract,
      kind: "rfp",
      title: "Anskaffelse av løsning for pasientvarsling",
      description: "Konkurranse om en løsning for varsling til pasienter og pårørende.",
      publishedAt: daysAgo(now, 150),
      responseDeadline: daysAgo(now, 110),
      closedAt: daysAgo(now, 100),
      effortLevel: "significant",
      effortHoursPerVendor: 40,
      kindsOfWork: ["written_response"],
      expectationStatus: "committed",
      ...frame,
      expectedTenderQuarter: quarterOf(daysAgo(now, 100)),
      contractForm: "market_contract",
      contractBaseMonths: 12,
      contractOptionMonths: 12,
      contractHorizonMonths: 48,
      contractJustification: "Nasjonal løsning for pasientvarsling ventes om to år; vi binder oss ikke lenger enn det.",
      outcome: "procured",
      outcomeContractDate: daysAgo(now, 80).toISOString().slice(0, 10),
      outcomeRecordedAt: daysAgo(now, 78),
      outcomeContractValueNok: 1_400_000,
      outcomeWinnerId: orgId("fjelltopp-digital"),
    },
  ];
}

/** Registrations, reported hours and answered questions on the events above. Safe to run again. */
export async function seedScorecardActivity(trx: Kysely<Database>, now: Date, orgId: (slug: string) => string) {
  const vendors = ["helix-systems-norge-as", "fjelltopp-digital"].map(orgId);
  const bergvik = orgId("bergvik-kommune");
  for (const eventId of [SCORECARD_EVENT_IDS.procured, SCORECARD_EVENT_IDS.shortContract]) {
    for (const vendorId of vendors) {
      await trx.insertInto("registrations").values({ eventId, organisationId: vendorId, status: "registered" }).onConflict((oc) => oc.columns(["eventId", "organisationId"]).doNothing()).execute();
    }
  }
  const reports = [
    { vendorId: vendors[0]!, eventId: SCORECARD_EVENT_IDS.procured, hours: 22, people: 2, reportedAt: daysAgo(now, 280) },
    { vendorId: vendors[1]!, eventId: SCORECARD_EVENT_IDS.procured, hours: 12, people: 1, reportedAt: daysAgo(now, 280) },
    { vendorId: vendors[0]!, eventId: SCORECARD_EVENT_IDS.shortContract, hours: 55, people: 3, reportedAt: daysAgo(now, 95) },
  ];
  for (const report of reports) {
    await trx.insertInto("effortReports").values({ ...report, buyerId: bergvik }).onConflict((oc) => oc.columns(["vendorId", "eventId"]).doNothing()).execute();
  }
  await seedPilotExits(trx, now, vendors[0]!);
  await trx
    .insertInto("registrations")
    .values({ eventId: SCORECARD_EVENT_IDS.rndWithoutExit, organisationId: orgId("nordlys-helse-as"), status: "registered" })
    .onConflict((oc) => oc.columns(["eventId", "organisationId"]).doNothing())
    .execute();
  const questions = [
    { id: "00000000-0000-4000-8000-000000000821", eventId: SCORECARD_EVENT_IDS.procured, askedAt: daysAgo(now, 320), hours: 6 },
    { id: "00000000-0000-4000-8000-000000000822", eventId: SCORECARD_EVENT_IDS.shortContract, askedAt: daysAgo(now, 140), hours: 30 },
    { id: "00000000-0000-4000-8000-000000000823", eventId: SCORECARD_EVENT_IDS.shortContract, askedAt: daysAgo(now, 130), hours: 20 },
  ];
  for (const { hours, ...q } of questions) {
    const text = "Kan løsningen integreres med kommunens journalsystem via FHIR?";
    await trx
      .insertInto("eventQuestions")
      .values({ ...q, organisationId: vendors[0]!, originalText: text, publishedText: text, answer: "Ja, vi krever støtte for de norske FHIR-basisprofilene.", answeredAt: new Date(q.askedAt.getTime() + hours * 3600_000) })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  // What Bergvik's members read on /workspace/activity: the same questions and sign-ups as vendor activity.
  const activity = [
    ...questions.map((q, i) => ({ id: `00000000-0000-4000-8000-00000000083${i}`, vendorId: vendors[0]!, kind: "question" as const, eventId: q.eventId, detail: "Kan løsningen integreres med kommunens journalsystem via FHIR?", at: q.askedAt })),
    ...vendors.map((vendorId, i) => ({ id: `00000000-0000-4000-8000-00000000084${i}`, vendorId, kind: "registered" as const, eventId: SCORECARD_EVENT_IDS.shortContract, detail: null, at: daysAgo(now, 150 - i) })),
  ];
  for (const row of activity) await trx.insertInto("vendorActivity").values({ ...row, buyerId: bergvik }).onConflict((oc) => oc.column("id").doNothing()).execute();
}

/** The buyer's exit records of the two pilots, and the vendor that took part answering them (issue 16). */
async function seedPilotExits(trx: Kysely<Database>, now: Date, vendorId: string) {
  const exits = [
    {
      eventId: SCORECARD_EVENT_IDS.pilot,
      results: [{ result: "not_met" as const, note: "18 % færre tilsyn, målt over seks uker" }],
      decision: "stopped" as const,
      stopReason: "criteria_not_met" as const,
      recordedAt: daysAgo(now, 440),
      answers: [{ response: "confirm" as const, account: null }],
    },
    {
      eventId: SCORECARD_EVENT_IDS.pilotOption,
      results: [
        { result: "met" as const, note: "94 % oppdaget innen 2 minutter" },
        { result: "met" as const, note: "0,4 falske alarmer per beboer per uke" },
      ],
      decision: "stopped" as const,
      stopReason: "no_budget" as const,
      recordedAt: daysAgo(now, 70),
      answers: [
        { response: "confirm" as const, account: null },
        { response: "confirm" as const, account: null },
      ],
    },
  ];
  for (const { answers, results, ...exit } of exits) {
    await trx.insertInto("registrations").values({ eventId: exit.eventId, organisationId: vendorId, status: "registered" }).onConflict((oc) => oc.columns(["eventId", "organisationId"]).doNothing()).execute();
    await trx.insertInto("pilotExits").values({ ...exit, results: jsonb(results) }).onConflict((oc) => oc.column("eventId").doNothing()).execute();
    for (const [criterion, answer] of answers.entries()) {
      await trx
        .insertInto("pilotExitResponses")
        .values({ eventId: exit.eventId, organisationId: vendorId, criterion, ...answer, respondedAt: new Date(exit.recordedAt.getTime() + 3 * DAY) })
        .onConflict((oc) => oc.columns(["eventId", "organisationId", "criterion"]).doNothing())
        .execute();
    }
  }
  // The vendor that took part corrects the buyer's 200 hours: it expects to put in more (issue 16).
  await trx
    .insertInto("pilotInvestmentCorrections")
    .values({ eventId: SCORECARD_EVENT_IDS.pilotOption, organisationId: vendorId, hours: 320, nok: 60_000, note: "Integrasjon mot responssenteret kom i tillegg.", correctedAt: daysAgo(now, 200) })
    .onConflict((oc) => oc.columns(["eventId", "organisationId"]).doNothing())
    .execute();
}
