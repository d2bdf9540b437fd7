import { seedContracts } from "./demo-contracts";
import { seedConsultations } from "./demo-consultations";
import { sql } from "kysely";
import { orgNumberCheckDigit } from "../../app/domain/org-number";
import { hashPassword } from "../../app/auth/password.server";
import { hashToken } from "../../app/auth/tokens.server";
import type { DatabaseHandle, Db } from "../client";
import { logInteraction, respondToInteraction } from "../../app/models/interactions.server";
import { jsonb } from "../jsonb";
import type { AmendmentChange, NewEvent } from "../schema";
import { DEMO_API_TOKENS, DEMO_PASSWORD, DEMO_READINESS, DEMO_SECOND_FACTORS, DEMO_ROADMAP, DEMO_WATCHES, SEED_ORGANISATIONS, SEED_RELATIONSHIPS, SEED_STANDARDS, SEED_USERS } from "./demo-data";
import { osloDate } from "../../app/domain/zoned-time";
import { scorecardEvents, seedScorecardActivity } from "./scorecard";
import { seedQuestionnaire } from "./demo-questionnaire";
import { seedResponses } from "./demo-responses";

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom("organisations").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  return row.n === 0;
}

function orgNumber(base: string): string {
  const check = orgNumberCheckDigit(base);
  if (check === null) throw new Error(`Seed organisation number base ${base} has no valid check digit`);
  return `${base}${check}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** A time `days` from now at hh:mm Oslo time (approximated as UTC+1). */
function at(now: Date, days: number, hh = 10, mm = 0): Date {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hh - 1, mm, 0, 0);
  return d;
}

function quarterOf(now: Date, quartersAhead: number): string {
  const q = Math.floor(now.getUTCMonth() / 3) + quartersAhead;
  const year = now.getUTCFullYear() + Math.floor(q / 4);
  return `${year}-Q${(q % 4) + 1}`;
}

/**
 * Demo data: fictional buyers and vendors, the real standards catalogue, demo
 * accounts and published events. Safe to run again: every row has a natural
 * key (slug, e-mail, code, fixed id) and existing rows are left as they are.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const o of SEED_ORGANISATIONS) {
      await trx
        .insertInto("organisations")
        .values({
          slug: o.slug,
          name: o.name,
          orgNumber: o.orgNumberBase ? orgNumber(o.orgNumberBase) : null,
          country: o.country ?? "NO",
          foreignRegistryId: o.foreignRegistryId ?? null,
          isBuyer: o.isBuyer ?? false,
          isVendor: o.isVendor ?? false,
          buyerSector: o.buyerSector ?? null,
          region: o.region ?? null,
          vendorSize: o.vendorSize ?? null,
          description: o.description,
          verificationStatus: o.isBuyer ? (o.verified ? "verified" : "unverified") : "unverified",
          verifiedAt: o.isBuyer && o.verified ? now : null,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
    }
    const orgs = await trx.selectFrom("organisations").select(["id", "slug"]).execute();
    const orgId = (slug: string) => {
      const found = orgs.find((o) => o.slug === slug);
      if (!found) throw new Error(`Seed organisation ${slug} missing`);
      return found.id;
    };

    for (const u of SEED_USERS) {
      await trx
        .insertInto("users")
        .values({
          email: u.email,
          name: u.name,
          passwordHash,
          emailVerifiedAt: now,
          isOperator: "isOperator" in u ? u.isOperator : false,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      if (u.organisation && u.role) {
        const user = await trx.selectFrom("users").select(["id", "activeOrganisationId"]).where("email", "=", u.email).executeTakeFirstOrThrow();
        await trx
          .insertInto("memberships")
          .values({ userId: user.id, organisationId: orgId(u.organisation), role: u.role, commercialRole: u.commercialRole })
          .onConflict((oc) => oc.columns(["userId", "organisationId"]).doNothing())
          .execute();
        if (!user.activeOrganisationId) {
          await trx.updateTable("users").set({ activeOrganisationId: orgId(u.organisation) }).where("id", "=", user.id).execute();
        }
      }
    }

    // Buyers name their commercial contact point: the demo buyers' commercial leads.
    for (const u of SEED_USERS.filter((u) => u.commercialRole === "commercial_lead")) {
      const user = await trx.selectFrom("users").select("id").where("email", "=", u.email).executeTakeFirstOrThrow();
      await trx
        .updateTable("organisations")
        .set({ commercialContactUserId: user.id })
        .where("slug", "=", u.organisation!)
        .where("commercialContactUserId", "is", null)
        .execute();
    }

    // Issue 19: the state agency develops and operates software itself (own delivery, role mixing made visible).
    await trx
      .updateTable("organisations")
      .set({
        ownDeliveryCpv: ["72200000-7"],
        ownDeliveryActivities: ["develops", "operates"],
        ownDeliveryProvider: "Helsedataetatens utviklings- og driftssenter",
        ownDeliveryStandards: "Forvalter nasjonale FHIR-profiler for timebestilling og kjernejournal.",
        ownDeliveryUpdatedAt: now,
      })
      .where("slug", "=", "statens-helsedataetat")
      .where(sql<boolean>`cardinality(own_delivery_cpv) = 0`)
      .execute();

    // Documented API tokens for the demo accounts only (see README).
    for (const demo of DEMO_API_TOKENS) {
      const user = await trx.selectFrom("users").select("id").where("email", "=", demo.email).executeTakeFirstOrThrow();
      await trx
        .insertInto("apiTokens")
        .values({ userId: user.id, name: "Demo", tokenHash: hashToken(demo.token), prefix: demo.token.slice(0, 10) })
        .onConflict((oc) => oc.column("tokenHash").doNothing())
        .execute();
    }

    // The demo operator's authenticator key (operators always need a second factor); documented in the README.
    // Written in the clear: it is published, and so works under `npm start` without SECRET_ENCRYPTION_KEY;
    // where the key is set the server seals it at start (ADR 0035).
    for (const demo of DEMO_SECOND_FACTORS) {
      const user = await trx.selectFrom("users").select("id").where("email", "=", demo.email).executeTakeFirstOrThrow();
      await trx
        .insertInto("totpFactors")
        .values({ userId: user.id, key: demo.totpKey, confirmedAt: now })
        .onConflict((oc) => oc.column("userId").doNothing())
        .execute();
    }

    for (const s of SEED_STANDARDS) {
      await trx
        .insertInto("standards")
        .values({ code: s.code, name: s.name, category: s.category, url: s.url, descriptionNb: s.nb, descriptionEn: s.en, origin: s.origin, nationalStatus: s.nationalStatus })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }
    const standards = await trx.selectFrom("standards").select(["id", "code"]).execute();
    const standardId = (code: string) => standards.find((s) => s.code === code)!.id;

    // The demo vendors' readiness per standard (issue 19); /standards counts it.
    for (const r of DEMO_READINESS) {
      await trx
        .insertInto("vendorStandards")
        .values({
          organisationId: orgId(r.organisation),
          standardId: standardId(r.standard),
          readiness: r.readiness,
          plannedQuarter: "quartersAhead" in r ? quarterOf(now, r.quartersAhead) : null,
        })
        .onConflict((oc) => oc.columns(["organisationId", "standardId"]).doNothing())
        .execute();
    }

    for (const event of scorecardEvents(now, orgId)) {
      await trx.insertInto("events").values(event).onConflict((oc) => oc.column("id").doNothing()).execute();
    }
    await seedScorecardActivity(trx, now, orgId);

    for (const { standards: eventStandards, ...event } of demoEvents(now, orgId)) {
      // The non-use undertaking is given by a named person: a demo account when the name is one.
      const giver = event.nonUseUndertakingName
        ? await trx.selectFrom("users").select("id").where("name", "=", event.nonUseUndertakingName).executeTakeFirst()
        : undefined;
      const inserted = await trx
        .insertInto("events")
        .values({ ...event, nonUseUndertakingBy: giver?.id ?? null })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) continue;
      for (const s of eventStandards) {
        await trx
          .insertInto("eventStandards")
          .values({ eventId: inserted.id, standardId: standardId(s.code), level: s.level, appliesFrom: s.from ?? null })
          .execute();
      }
    }

    const users = await trx.selectFrom("users").select(["id", "email"]).execute();
    const userId = (email: string) => users.find((u) => u.email === email)?.id ?? null;
    for (const coBuyer of demoCoBuyers(now, orgId, userId)) {
      await trx.insertInto("eventCoBuyers").values(coBuyer).onConflict((oc) => oc.columns(["eventId", "organisationId"]).doNothing()).execute();
    }

    for (const { changes, ...amendment } of demoAmendments(now)) {
      await trx
        .insertInto("eventAmendments")
        .values({ ...amendment, changes: jsonb(changes) })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }

    await seedWatchesAndRoadmap(trx, now, orgId, standardId);
    await seedContracts(trx, now, orgId);
  });
  await seedConduct(db, now);
  await seedRelationships(db, now);
  await seedConsultations(db, now);
  await seedVendorRequests(db, now);
  await seedQuestionnaire(db, now);
  await seedResponses(db, now);
}

const DEMO_VENDOR_REQUEST_ID = "5eed0041-0000-4000-8000-000000000001";

/**
 * A request from the demo vendor to Bergvik kommune (issue 18): assigned to the commercial
 * lead, referred once to the project lead for welfare technology (a member who has no
 * sign-in in the demo), and answered within the due date. Runs once.
 */
async function seedVendorRequests(db: Db, now: Date) {
  if (await db.selectFrom("vendorRequests").select("id").where("id", "=", DEMO_VENDOR_REQUEST_ID).executeTakeFirst()) return;
  const orgs = await db.selectFrom("organisations").select(["id", "slug"]).execute();
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  const day = 86_400_000;
  // Office hours in Oslo (winter), whole days before the seed's day.
  const at = (daysAgo: number) => {
    const d = new Date(now.getTime() - daysAgo * day);
    d.setUTCHours(9, 30, 0, 0);
    return d;
  };
  await db.transaction().execute(async (trx) => {
    const userId = async (email: string) => (await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    const bergvik = orgId("bergvik-kommune");
    const berit = await userId("buyer@demo.test");
    const viktor = await userId("vendor@demo.test");
    const per = await trx
      .insertInto("users")
      .values({ email: "per.prosjektleder@bergvik.example", name: "Per Prosjektleder", passwordHash: null, emailVerifiedAt: null })
      .onConflict((oc) => oc.column("email").doUpdateSet({ name: "Per Prosjektleder" }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("memberships").values({ userId: per.id, organisationId: bergvik, role: "member", commercialRole: null }).onConflict((oc) => oc.columns(["userId", "organisationId"]).doNothing()).execute();
    const dueOn = osloDate(at(10));
    await trx
      .insertInto("vendorRequests")
      .values({
        id: DEMO_VENDOR_REQUEST_ID,
        vendorId: orgId("nordlys-helse-as"),
        addressedTo: bergvik,
        buyerId: bergvik,
        sentBy: viktor,
        type: "clarification",
        topic: "privacy",
        subject: "Databehandleravtale for medisineringsstøtte i hjemmetjenesten",
        body: "Vi ønsker å avklare hvem hos dere som kan godkjenne databehandleravtalen før en pilot i hjemmetjenesten, og om dere krever lagring i Norge.",
        status: "answered",
        ownerId: per.id,
        decisionMakerRole: "Kommunalsjef helse og omsorg",
        decisionMandate: "Godkjenner databehandleravtaler for tjenester i helse og omsorg etter råd fra personvernombudet.",
        dueOn,
        answer: "Kommunalsjefen godkjenner avtalen etter råd fra personvernombudet. Vi krever lagring i EØS, ikke nødvendigvis i Norge. Send utkastet til Per Prosjektleder.",
        closedBy: per.id,
        closedAt: at(14),
        referrals: 1,
        createdAt: at(20),
      })
      .execute();
    await trx
      .insertInto("vendorRequestSteps")
      .values([
        { requestId: DEMO_VENDOR_REQUEST_ID, kind: "sent", at: at(20), byUserId: viktor, organisationId: bergvik },
        { requestId: DEMO_VENDOR_REQUEST_ID, kind: "assigned", at: at(19), byUserId: berit, organisationId: bergvik, toUserId: berit },
        { requestId: DEMO_VENDOR_REQUEST_ID, kind: "referred_person", at: at(18), byUserId: berit, organisationId: bergvik, toUserId: per.id, reason: "Per leder velferdsteknologiprosjektet og har kontakten med personvernombudet." },
        { requestId: DEMO_VENDOR_REQUEST_ID, kind: "answered", at: at(14), byUserId: per.id, organisationId: bergvik },
      ])
      .execute();
  });
}

/** The demo vendor's and buyer's private notes, follow-ups and contacts about each other. */
async function seedRelationships(db: Db, now: Date) {
  const orgs = await db.selectFrom("organisations").select(["id", "slug"]).execute();
  const users = await db.selectFrom("users").select(["id", "email"]).execute();
  const orgId = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const pair = (r: { id: string; organisation: string; counterpart: string }) => ({ id: r.id, organisationId: orgId(r.organisation), counterpartId: orgId(r.counterpart) });
  await db.transaction().execute(async (trx) => {
    for (const n of SEED_RELATIONSHIPS.notes) {
      await trx.insertInto("relationshipNotes").values({ ...pair(n), authorId: userId(n.author), body: n.body }).onConflict((oc) => oc.column("id").doNothing()).execute();
    }
    for (const f of SEED_RELATIONSHIPS.followUps) {
      const dueOn = osloDate(new Date(now.getTime() + f.dueInDays * 86_400_000));
      await trx
        .insertInto("relationshipFollowUps")
        .values({ ...pair(f), title: f.title, dueOn, ownerId: userId(f.owner), createdBy: userId(f.owner) })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    for (const c of SEED_RELATIONSHIPS.contacts) {
      await trx
        .insertInto("relationshipContacts")
        .values({ ...pair(c), name: c.name, role: c.role, email: c.email, phone: c.phone })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
  });
}

/**
 * Demo organisations that adopted the code of conduct, and a few interaction-log
 * entries written through the model so the hash chains are real. Runs once.
 */
async function seedConduct(db: Db, now: Date) {
  const slugs = ["bergvik-kommune", "helse-vestfjord-hf", "nordlys-helse-as", "journalverket-as"];
  const orgs = await db.selectFrom("organisations").select(["id", "slug"]).where("slug", "in", slugs).execute();
  const org = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  const user = async (email: string) => (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const version = await db.selectFrom("conductVersions").select(["number", "publishedAt"]).where("publishedAt", "is not", null).orderBy("number", "desc").executeTakeFirst();
  if (version) {
    // Adopted ten days ago, but never before the version was published (it is published when the
    // database is created). A second after it: PostgreSQL keeps microseconds, a Date milliseconds.
    const adoptedAt = new Date(Math.max(now.getTime() - 10 * DAY, version.publishedAt!.getTime() + 1000));
    for (const o of orgs) {
      await db
        .insertInto("conductAdoptions")
        .values({ organisationId: o.id, versionNumber: version.number, adoptedAt })
        .onConflict((oc) => oc.columns(["organisationId", "versionNumber"]).doNothing())
        .execute();
    }
  }
  const existing = await db.selectFrom("interactionEntries").select("id").where("organisationId", "=", org("bergvik-kommune")).executeTakeFirst();
  if (existing) return;
  const entryUrl = (id: string) => `/interactions/${id}`;
  const buyer = await user("buyer@demo.test");
  const vendor = await user("vendor@demo.test");
  const meeting = await logInteraction(
    db,
    {
      organisationId: org("bergvik-kommune"),
      counterpartId: org("nordlys-helse-as"),
      loggedBy: buyer,
      occurredAt: new Date(now.getTime() - 6 * DAY),
      channel: "meeting",
      participants: [
        { side: "own", userId: buyer, name: "Berit Innkjøp" },
        { side: "counterpart", userId: vendor, name: "Viktor Leverandør" },
      ],
      eventId: "00000000-0000-4000-8000-000000000101",
      subject: "Oppklarende møte om RFI for digital hjemmeoppfølging",
      summary: "Vi gikk gjennom spørsmålene i forespørselen og tidsplanen for anskaffelsen. Svarene publiseres til alle påmeldte.",
      clauses: [],
      assessment: "in_line",
      concernCategory: null,
      concernDescription: null,
      supersedesId: null,
    },
    { entryUrl },
  );
  if (meeting.ok) {
    await respondToInteraction(
      db,
      { entryId: meeting.value.id, organisationId: org("nordlys-helse-as"), userId: vendor, response: "confirm", account: null },
      { entryUrl },
    );
  }
  await logInteraction(
    db,
    {
      organisationId: org("journalverket-as"),
      counterpartId: org("helse-vestfjord-hf"),
      loggedBy: await user("kam@demo.test"),
      occurredAt: new Date(now.getTime() - 3 * DAY),
      channel: "call",
      participants: [],
      eventId: null,
      subject: "Forespørsel om gratis løsningsskisse",
      summary: "Vi ble bedt om en detaljert løsningsskisse med integrasjonsdesign uten at det er oppgitt noe forventet innkjøp.",
      clauses: [],
      assessment: "concern",
      concernCategory: "unpaid_advisory_work",
      concernDescription: "Arbeidet er anslått til 40 timer. Vi ber om at forventet innkjøp oppgis eller at arbeidet kompenseres.",
      supersedesId: null,
    },
    { entryUrl },
  );
}

type SeedEvent = NewEvent & {
  id: string;
  standards: { code: string; level: "required" | "recommended" | "planned"; from?: string }[];
};

export function demoEvents(now: Date, orgId: (slug: string) => string): SeedEvent[] {
  const published = { status: "published" as const, publishedAt: at(now, -14) };
  const nextYear = now.getUTCFullYear() + 1;
  return [
    {
      id: "00000000-0000-4000-8000-000000000101",
      buyerId: orgId("bergvik-kommune"),
      kind: "rfi",
      ...published,
      title: "Digital hjemmeoppfølging for personer med kroniske sykdommer",
      description:
        "Bergvik kommune skal skalere digital hjemmeoppfølging fra pilot til ordinær drift i alle bydeler. Vi ønsker innspill på løsninger for måling, varsling og oppfølging fra responssenter, og på integrasjon med kommunens elektroniske pasientjournal (EPJ).\n\nSvar skriftlig på spørsmålene i vedlegget (ca. 10–15 timer).",
      region: "vestland",
      registrationDeadline: at(now, 21, 12),
      responseDeadline: at(now, 35, 12),
      cpvCodes: ["48814000-7", "72000000-5"],
      effortLevel: "significant",
      effortHoursPerVendor: 15,
      kindsOfWork: ["written_response"],
      expectationStatus: "planned",
      budgetMinNok: 4_000_000,
      budgetMaxNok: 6_000_000,
      fundingSource: "Kommunens økonomiplan 2027–2030",
      expectedQuantity: 1200,
      quantityUnit: "brukere",
      expectedTenderQuarter: quarterOf(now, 2),
      expectedContractStart: `${nextYear}-09-01`,
      contractForm: "market_contract",
      contractBaseMonths: 24,
      contractOptionMonths: 24,
      contractHorizonMonths: 72,
      contractJustification:
        "Markedet for hjemmeoppfølging endrer seg raskt; vi vil konkurranseutsette på nytt etter fire år i stedet for å binde oss i seks.",
      sourcingRisk: "low",
      sourcingNeed: "lasting",
      sourcingAdvice: "market_contract",
      ipTerms: "Leverandøren beholder rettighetene til sine svar; kommunen bruker dem bare i denne anskaffelsen.",
      healthData: true,
      dataResidency: "eea",
      cloudAllowed: true,
      dpiaNeeded: true,
      ipBackgroundStaysWithVendor: true,
      ipForegroundOwner: "vendor",
      ipExistingProductsNotTransferred: true,
      ipInputUse: "this_procurement",
      nonUseUndertakingName: "Berit Innkjøp",
      nonUseUndertakingAt: published.publishedAt,
      // Issue 19: the municipality pays most of it; the gain is the health trust's, in fewer and shorter stays.
      costBenefit: jsonb({
        costOwners: [
          { organisationId: orgId("bergvik-kommune"), sector: null, sharePercent: 80 },
          { organisationId: orgId("helse-vestfjord-hf"), sector: null, sharePercent: 20 },
        ],
        benefitOwners: [{ organisationId: orgId("helse-vestfjord-hf"), sector: null }],
      }),
      standards: [
        { code: "hl7-fhir-r4", level: "required", from: `${nextYear}-01-01` },
        { code: "no-basis-fhir", level: "required", from: `${nextYear}-01-01` },
        { code: "normen", level: "required" },
        { code: "helseid", level: "recommended" },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000102",
      buyerId: orgId("helse-vestfjord-hf"),
      kind: "supplier_conference",
      ...published,
      title: "Leverandørkonferanse: ny løsning for kurve og legemiddelhåndtering",
      description:
        "Helse Vestfjord HF inviterer til leverandørkonferanse om kommende anskaffelse av elektronisk kurve- og medikasjonsløsning (KULE) for tre sykehus, med journalføring av hver utdeling. Vi presenterer behov, tidsplan og økonomiske rammer, og åpner for spørsmål.",
      region: "vestland",
      registrationDeadline: at(now, 10, 15),
      startsAt: at(now, 17, 9),
      endsAt: at(now, 17, 15),
      location: "Konferansesenteret, Strandkaien 4, Bergvik",
      capacity: 60,
      cpvCodes: ["48814400-1", "48180000-3"],
      effortLevel: "light",
      effortHoursPerVendor: 6,
      kindsOfWork: ["attend_meeting"],
      expectationStatus: "committed",
      budgetMinNok: 35_000_000,
      budgetMaxNok: 50_000_000,
      fundingSource: "Investeringsbudsjett vedtatt av styret",
      expectedValueNok: 42_000_000,
      expectedTenderQuarter: quarterOf(now, 1),
      expectedContractStart: `${nextYear}-06-01`,
      standards: [
        { code: "hl7-fhir-r4", level: "required" },
        { code: "e-resept", level: "required" },
        { code: "snomed-ct", level: "recommended" },
        { code: "iso-iec-27001", level: "required" },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000103",
      buyerId: orgId("fjordheim-kommune"),
      kind: "dialogue_meeting",
      ...published,
      title: "Dialogmøter om trygghetsalarmer og digitalt tilsyn",
      description: "Individuelle dialogmøter på 60 minutter med leverandører av trygghetsalarmer og digitalt tilsyn. Varsler skal kunne dokumenteres i kommunens journalløsninger. Vi ønsker å forstå markedet før vi bestemmer oss for anskaffelsesstrategi.",
      region: "more_og_romsdal",
      registrationDeadline: at(now, 14, 12),
      startsAt: at(now, 24, 9),
      endsAt: at(now, 25, 15),
      onlineUrl: "https://teams.example.org/fjordheim-dialog",
      capacity: 8,
      cpvCodes: ["33196100-1"],
      effortLevel: "light",
      effortHoursPerVendor: 3,
      kindsOfWork: ["attend_meeting"],
      expectationStatus: "uncertain",
      budgetMinNok: 800_000,
      budgetMaxNok: 1_500_000,
      fundingSource: "Avhenger av budsjettvedtak desember",
      expectedQuantity: 350,
      quantityUnit: "alarmer",
      expectedTenderQuarter: quarterOf(now, 3),
      standards: [{ code: "wcag-2-1", level: "required" }],
    },
    {
      id: "00000000-0000-4000-8000-000000000104",
      buyerId: orgId("helse-midtnord-rhf"),
      kind: "demand_notice",
      ...published,
      title: "Behovsmelding: regional løsning for digital innbyggerdialog 2028",
      description: "Helse Midtnord RHF melder et kommende behov for en regional løsning for digital dialog med pasienter (timebestilling, meldinger, skjema). Ingen innsats bes om nå; vi vil invitere til dialog senere.",
      region: "trondelag",
      effortLevel: "none",
      expectationStatus: "planned",
      budgetMinNok: 60_000_000,
      budgetMaxNok: 90_000_000,
      fundingSource: "Regional investeringsplan",
      expectedValueNok: 75_000_000,
      expectedTenderQuarter: quarterOf(now, 5),
      // A demand notice that declares a purchase states its contract choice (migration 0059, ADR 0030):
      // a guaranteed base period as long as the need and the platform's write-off, options besides.
      contractForm: "relational_contract",
      contractBaseMonths: 96,
      contractOptionMonths: 24,
      contractHorizonMonths: 96,
      contractDepreciationMonths: 84,
      // Published before the scope step was required (migration 0047, ADR 0024): not judged by it.
      scopeGrandfathered: true,
      standards: [
        { code: "hl7-fhir-r4", level: "required", from: `${nextYear + 1}-01-01` },
        { code: "helseid", level: "required" },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000105",
      buyerId: orgId("innlandsdal-sykehus-hf"),
      kind: "pilot",
      ...published,
      title: "Utprøving av KI-støttet triage av henvisninger",
      description: "Innlandsdal sykehus HF vil prøve ut beslutningsstøtte for vurdering av henvisninger i to poliklinikker over seks måneder. Deltakende leverandører får dekket 150 000 kroner.",
      region: "innlandet",
      registrationDeadline: at(now, 28, 12),
      startsAt: at(now, 60, 8),
      endsAt: at(now, 240, 16),
      capacity: 3,
      effortLevel: "significant",
      effortHoursPerVendor: 200,
      kindsOfWork: ["pilot"],
      compensationNok: 150_000,
      expectationStatus: "uncertain",
      budgetMinNok: 5_000_000,
      budgetMaxNok: 12_000_000,
      fundingSource: "Søknad til regionalt innovasjonsfond",
      expectedQuantity: 5,
      quantityUnit: "poliklinikker",
      expectedTenderQuarter: quarterOf(now, 4),
      pilotCriteria: jsonb([
        {
          measure: "Andel henvisninger vurdert innen fristen",
          threshold: "Minst 95 % (i dag 82 %)",
          method: "Uttrekk fra pasientadministrativt system etter seks måneder",
          judgedBy: "Klinikkleder, sammen med leverandøren",
        },
        {
          measure: "Henvisninger der beslutningsstøtten og legen er uenige om prioritet",
          threshold: "Under 5 %, og ingen alvorlig feilprioritering",
          method: "Gjennomgang av et tilfeldig utvalg på 300 henvisninger",
          judgedBy: "Fagråd for henvisninger",
        },
      ]),
      pilotPlan: "follow_on_procurement",
      pilotQuarter: quarterOf(now, 4),
      pilotBudgetNok: 8_000_000,
      // Funded from a regional innovation fund: nothing set aside for the purchase (shown as "ikke budsjettert").
      pilotBudgetEarmarked: false,
      pilotFunding: jsonb([{ source: "regional_innovation_fund", amountNok: 900_000, otherText: null }]),
      pilotDeciderRole: "Administrerende direktør",
      pilotDeciderOrganisation: "Innlandsdal sykehus HF",
      // Beyond the 150 000 kroner covered: what each vendor is expected to put in itself (issue 16).
      pilotVendorInvestmentHours: 300,
      pilotVendorInvestmentNok: 100_000,
      healthData: true,
      dataResidency: "norway",
      cloudAllowed: false,
      dpiaNeeded: true,
      ipBackgroundStaysWithVendor: true,
      ipForegroundOwner: "licence",
      ipLicenceScope: "Innlandsdal sykehus HF får en vederlagsfri, ikke-eksklusiv rett til å bruke resultatene av utprøvingen i egen drift; leverandøren eier dem.",
      ipExistingProductsNotTransferred: true,
      ipInputUse: "this_procurement",
      nonUseUndertakingName: "Ingvild Dahl",
      nonUseUndertakingAt: published.publishedAt,
      standards: [
        { code: "hl7-fhir-r4", level: "required" },
        { code: "icd-10", level: "required" },
        { code: "normen", level: "required" },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000106",
      buyerId: orgId("statens-helsedataetat"),
      kind: "rnd_partnership",
      ...published,
      title: "Innovasjonspartnerskap: strukturert legemiddelliste i primærhelsetjenesten",
      description: "Statens helsedataetat inviterer til et innovasjonspartnerskap om en strukturert og delt legemiddelliste for fastleger og kommunal pleie og omsorg.",
      region: "national",
      registrationDeadline: at(now, 45, 12),
      responseDeadline: at(now, 60, 12),
      effortLevel: "significant",
      effortHoursPerVendor: 80,
      compensationNok: 250_000,
      expectationStatus: "committed",
      budgetMinNok: 20_000_000,
      budgetMaxNok: 30_000_000,
      fundingSource: "Tildelingsbrev",
      expectedValueNok: 25_000_000,
      expectedTenderQuarter: quarterOf(now, 1),
      expectedContractStart: `${nextYear}-04-01`,
      pilotCriteria: jsonb([
        {
          measure: "Legemiddellister som er like hos fastlege og hjemmetjeneste",
          threshold: "Minst 98 % i de to pilotkommunene",
          method: "Sammenligning av utvalgte lister hver måned",
          judgedBy: "Styringsgruppen for partnerskapet",
        },
      ]),
      pilotPlan: "purchase_option",
      pilotOptionMaxPriceNok: 25_000_000,
      pilotOptionWindowFrom: quarterOf(now, 8),
      pilotOptionWindowTo: quarterOf(now, 10),
      pilotBudgetEarmarked: true,
      pilotBudgetSource: "Tildelingsbrev",
      pilotDeciderRole: "Direktør",
      pilotDeciderOrganisation: "Statens helsedataetat",
      pilotVendorInvestmentHours: 400,
      contractForm: "innovation_partnership",
      contractBaseMonths: 36,
      contractOptionMonths: 24,
      contractHorizonMonths: 60,
      // The guaranteed base period is shorter than the need (principle 2): said why, where vendors read it.
      contractJustification:
        "Partnerskapet utvikler og prøver ut løsningen i tre år. Driften etterpå kjøpes med kjøpsopsjonen, som har makspris og vindu, eller i en egen relasjonskontrakt.",
      sourcingRisk: "high",
      sourcingNeed: "lasting",
      sourcingAdvice: "hybrid_relational",
      // An innovation partnership is a short contract form, not the relational one the advice names (0045).
      sourcingReason: "Innovasjonspartnerskapet utvikler løsningen; driften etterpå kjøpes i en egen relasjonskontrakt med opsjonen.",
      ipTerms: "Partnerne eier egen bakgrunnsrett; etatens bruksrett til resultatene avtales i partnerskapskontrakten.",
      ipBackgroundStaysWithVendor: true,
      ipForegroundOwner: "shared",
      ipExistingProductsNotTransferred: true,
      ipInputUse: "wider_planning",
      nonUseUndertakingName: "Sverre Holm",
      nonUseUndertakingAt: published.publishedAt,
      standards: [
        { code: "e-resept", level: "required" },
        { code: "no-basis-fhir", level: "required" },
        { code: "snomed-ct", level: "planned", from: `${nextYear + 1}-01-01` },
      ],
    },
    {
      id: "00000000-0000-4000-8000-000000000107",
      buyerId: orgId("bergvik-kommune"),
      kind: "rfp",
      ...published,
      title: "Forespørsel om tilbud: medisineringsstøtte i hjemmetjenesten",
      description: "Bergvik kommune ber om tilbud på digital medisineringsstøtte (medisindispensere med varsling) for hjemmeboende.",
      region: "vestland",
      responseDeadline: at(now, 30, 12),
      effortLevel: "significant",
      effortHoursPerVendor: 60,
      kindsOfWork: ["written_response"],
      expectationStatus: "committed",
      budgetMinNok: 2_500_000,
      budgetMaxNok: 3_500_000,
      fundingSource: "Driftsbudsjett helse og omsorg",
      expectedQuantity: 400,
      quantityUnit: "dispensere",
      expectedTenderQuarter: quarterOf(now, 0),
      expectedContractStart: `${nextYear}-03-01`,
      // Contract choice (principle 2): six years guaranteed, as long as the need and longer than the
      // dispensers' write-off; the two years of options are at the municipality's discretion.
      contractForm: "framework_agreement",
      contractBaseMonths: 72,
      contractOptionMonths: 24,
      contractHorizonMonths: 72,
      contractDepreciationMonths: 60,
      ipBackgroundStaysWithVendor: true,
      ipForegroundOwner: "vendor",
      ipExistingProductsNotTransferred: true,
      ipInputUse: "this_procurement",
      nonUseUndertakingName: "Berit Innkjøp",
      nonUseUndertakingAt: published.publishedAt,
      // Scope, integration and cost of ownership (issue 19): what the bid must price.
      scopeItems: ["licence", "implementation", "integration", "support", "operations", "training"],
      scopeIntegrations: jsonb([
        { system: "Gerica (pasientjournal i hjemmetjenesten)", standard: "pleie-og-omsorgsmeldinger" },
        { system: "Kjernejournal og e-resept (Reseptformidleren)", standard: "e-resept" },
        { system: "Kommunens varslingsplattform (trygghetsalarm)", standard: "Kommunens REST-API for varsler (OpenAPI 3)" },
      ]),
      interfaceDocs: "available",
      interfaceDocsUrl: "https://bergvik.kommune.no/digitalisering/grensesnitt",
      identityAccess: ["helseid", "buyer_directory"],
      integrationBudgetIncluded: true,
      integrationBudgetNok: 450_000,
      adaptationNeeds: "Varsler fra dispenserne skal inn i kommunens eksisterende responssenter, og medisinlistene må hentes fra Gerica uten dobbeltføring. Prisen skal dekke dette; det blir ikke endringsordrer.",
      serviceOwnerRole: "Tjenesteansvarlig for hjemmetjenesten (enhetsleder)",
      tcoHorizonYears: 8,
      dataCategories: ["health_data"],
      hostingConstraint: "eea",
      healthData: true,
      dataResidency: "eea",
      cloudAllowed: true,
      dpiaStatus: "planned",
      dpiaNeeded: true,
      dataController: "Bergvik kommune (kommunedirektøren)",
      privacyOwnerRole: "Personvernombud",
      privacyOwnerOrganisation: "Bergvik kommune",
      standards: [{ code: "pleie-og-omsorgsmeldinger", level: "required" }],
    },
    {
      id: "00000000-0000-4000-8000-000000000108",
      buyerId: orgId("helse-vestfjord-hf"),
      kind: "dialogue_meeting",
      status: "draft",
      title: "Dialogmøte om regional bildedeling (utkast)",
      description: "Utkast: dialog om deling av radiologiske bilder mellom sykehus og private røntgeninstitutter.",
      region: "vestland",
      effortLevel: "light",
      effortHoursPerVendor: 4,
      standards: [{ code: "dicom", level: "required" }],
    },
    {
      // Issue 16, "pilotsyken": another buyer drafts a pilot on the need Bergvik kommune's fall-sensor
      // pilot already met its criteria for, and was not bought. The form names that pilot and asks why a
      // new one is needed (app/domain/pilot-similarity.ts); publishing without an answer is refused.
      id: "00000000-0000-4000-8000-000000000113",
      buyerId: orgId("helse-vestfjord-hf"),
      kind: "pilot",
      status: "draft",
      title: "Utprøving av fallsensorer i omsorgsboliger og på sengepost",
      description:
        "Helse Vestfjord HF vil prøve ut digitale fallsensorer som varsler personalet når pasienter faller, på to sengeposter og i omsorgsboliger etter utskrivning.",
      region: "vestland",
      cpvCodes: ["33195000-3"],
      effortLevel: "significant",
      effortHoursPerVendor: 40,
      kindsOfWork: ["pilot"],
      compensationNok: 50_000,
      expectationStatus: "none",
      pilotCriteria: jsonb([
        { measure: "Andel fall oppdaget innen 2 minutter", threshold: "Minst 90 %", method: "Hendelseslogg mot journal", judgedBy: "Seksjonsleder" },
      ]),
      pilotPlan: "none_planned",
      pilotVendorInvestmentHours: 120,
      standards: [],
    },
    {
      id: "00000000-0000-4000-8000-000000000109",
      buyerId: orgId("fjordheim-kommune"),
      kind: "rfi",
      status: "closed",
      publishedAt: at(now, -200),
      closedAt: at(now, -120),
      title: "Forespørsel om informasjon: elektronisk medisineringsstøtte på sykehjem",
      description: "Fjordheim kommune ba om skriftlige innspill om løsninger for legemiddelhåndtering på kommunens tre sykehjem.",
      region: "more_og_romsdal",
      registrationDeadline: at(now, -150, 12),
      responseDeadline: at(now, -130, 12),
      effortLevel: "significant",
      effortHoursPerVendor: 12,
      kindsOfWork: ["written_response"],
      expectationStatus: "planned",
      budgetMinNok: 1_200_000,
      budgetMaxNok: 2_000_000,
      fundingSource: "Budsjett pleie og omsorg",
      expectedQuantity: 3,
      quantityUnit: "sykehjem",
      expectedTenderQuarter: quarterOf(now, 0),
      outcome: "procured",
      outcomeRecordedAt: at(now, -30),
      outcomeContractValueNok: 1_650_000,
      outcomeContractDate: at(now, -35).toISOString().slice(0, 10),
      outcomeNoticeReference: "2025-123456",
      outcomeWinnerId: orgId("caresoft-nordic-ab"),
      // Published long before IP terms were required (migration 0042): grandfathered, shown without terms.
      ipTermsGrandfathered: true,
      standards: [{ code: "e-resept", level: "required" }],
    },
    {
      // Issue 19: the agency delivers software in CPV 72200000 itself (its own delivery, seeded
      // below), so this RFI shows the notice, had to fill in the sourcing step and state the
      // in-house cost basis before it could publish, and ?ownDelivery=exclude hides it.
      id: "00000000-0000-4000-8000-000000000111",
      buyerId: orgId("statens-helsedataetat"),
      kind: "rfi",
      ...published,
      title: "Forespørsel om informasjon: programmering av timebestilling i Helsenorge-apper",
      description:
        "Statens helsedataetat vurderer om videreutviklingen av timebestilling i appene skal kjøpes i markedet eller gjøres av etatens eget utviklingsmiljø. Vi ber om skriftlige innspill om kapasitet, arkitektur og pris (ca. 12 timer).",
      region: "national",
      registrationDeadline: at(now, 18, 12),
      responseDeadline: at(now, 28, 12),
      cpvCodes: ["72212000-4"],
      effortLevel: "significant",
      effortHoursPerVendor: 12,
      kindsOfWork: ["written_response"],
      expectationStatus: "uncertain",
      budgetMinNok: 3_000_000,
      budgetMaxNok: 8_000_000,
      fundingSource: "Tildelingsbrev, forutsatt videreført bevilgning",
      expectedValueNok: 5_000_000,
      expectedTenderQuarter: quarterOf(now, 2),
      // One-off development work: a project contract for as long as the need lasts.
      contractForm: "project_contract",
      contractBaseMonths: 24,
      contractOptionMonths: 12,
      contractHorizonMonths: 24,
      sourcingRisk: "high",
      sourcingNeed: "temporary",
      sourcingAdvice: "in_house",
      sourcingReason: "Etatens utviklingsmiljø har ikke kapasitet de neste to årene; vi vil sammenligne med markedet før vi velger.",
      inHouseCostBasis: "Egen utvikling: 6 årsverk i 2 år à 1,3 mill. kr inkl. sosiale kostnader og lisenser, til sammen om lag 15,6 mill. kr, og drift i etatens plattformteam.",
      ipBackgroundStaysWithVendor: true,
      ipForegroundOwner: "vendor",
      ipExistingProductsNotTransferred: true,
      ipInputUse: "this_procurement",
      nonUseUndertakingName: "Sverre Holm",
      nonUseUndertakingAt: published.publishedAt,
      standards: [{ code: "helseid", level: "required" }],
    },
    {
      id: "00000000-0000-4000-8000-000000000110",
      buyerId: orgId("bergvik-kommune"),
      kind: "dialogue_meeting",
      status: "closed",
      publishedAt: at(now, -90),
      closedAt: at(now, -40),
      title: "Dialogmøter om digitalt tilsyn om natten",
      description: "Dialogmøter med leverandører av sensorbasert nattilsyn i sykehjem og omsorgsboliger.",
      region: "vestland",
      registrationDeadline: at(now, -60, 12),
      startsAt: at(now, -50, 9),
      endsAt: at(now, -50, 15),
      location: "Bergvik rådhus",
      effortLevel: "light",
      effortHoursPerVendor: 2,
      kindsOfWork: ["attend_meeting"],
      expectationStatus: "uncertain",
      budgetMinNok: 500_000,
      budgetMaxNok: 900_000,
      fundingSource: "Søknad om statlig tilskudd",
      expectedQuantity: 120,
      quantityUnit: "sensorer",
      expectedTenderQuarter: quarterOf(now, 1),
      standards: [],
    },
    {
      // Joint demand (issue 19): led by the health trust, two municipalities accepted, Bergvik still invited; to be open to join.
      id: DEMO_JOINT_EVENT_ID,
      buyerId: orgId("helse-vestfjord-hf"),
      kind: "dialogue_meeting",
      // A draft: it cannot be published until Bergvik kommune has answered (co_buyer_consent_required).
      status: "draft",
      title: "Felles dialog om digital hjemmeoppfølging etter utskrivning",
      description:
        "Helse Vestfjord HF leder en felles markedsdialog med kommunene i opptaksområdet om digital hjemmeoppfølging for pasienter som skrives ut. Små kommuner kan be om å bli med til og med datoen som er oppgitt.",
      region: "vestland",
      registrationDeadline: at(now, 18, 12),
      startsAt: at(now, 28, 9),
      endsAt: at(now, 28, 15),
      location: "Helse Vestfjord, Sjukehusvegen 1",
      capacity: 30,
      cpvCodes: ["48814000-7"],
      effortLevel: "light",
      effortHoursPerVendor: 6,
      kindsOfWork: ["attend_meeting"],
      expectationStatus: "planned",
      budgetMinNok: 10_000_000,
      budgetMaxNok: 14_000_000,
      fundingSource: "Felles budsjettplan for helsefellesskapet",
      expectedQuantity: 2000,
      quantityUnit: "pasienter",
      expectedTenderQuarter: quarterOf(now, 3),
      openToJoinUntil: osloDate(at(now, 30)),
      standards: [{ code: "hl7-fhir-r4", level: "required" }],
    },
  ];
}

export const DEMO_JOINT_EVENT_ID = "00000000-0000-4000-8000-000000000112";

/** The joint draft's co-buyers: two municipalities accepted, Bergvik invited two days ago and not answered yet. */
function demoCoBuyers(now: Date, orgId: (slug: string) => string, userId: (email: string) => string | null) {
  const lead = userId("hf-buyer@demo.test");
  return [
    { organisationId: orgId("fjordheim-kommune"), status: "accepted" as const, shareKind: "percent" as const, shareValue: 15, expectationStatus: "planned" as const, invitedAt: at(now, -20), respondedAt: at(now, -18) },
    { organisationId: orgId("nordre-lia-kommune"), status: "accepted" as const, shareKind: "percent" as const, shareValue: 10, expectationStatus: "uncertain" as const, invitedAt: at(now, -20), respondedAt: at(now, -16) },
    { organisationId: orgId("bergvik-kommune"), status: "invited" as const, shareKind: "percent" as const, shareValue: 25, expectationStatus: null, invitedAt: at(now, -2), respondedAt: null },
  ].map((c) => ({ ...c, eventId: DEMO_JOINT_EVENT_ID, invitedBy: lead, respondedBy: null }));
}

/** Amendments to the published demo events: the change log shows why things moved. */
function demoAmendments(now: Date): { id: string; eventId: string; at: Date; reason: string; changes: AmendmentChange[] }[] {
  return [
    {
      id: "00000000-0000-4000-8000-000000000201",
      eventId: "00000000-0000-4000-8000-000000000102",
      at: at(now, -7),
      reason: "Flere påmeldte enn ventet: vi flytter til et større lokale.",
      changes: [
        { field: "location", before: "Bergvik rådhus, møterom Fjorden", after: "Konferansesenteret, Strandkaien 4, Bergvik" },
        { field: "capacity", before: 30, after: 60 },
      ],
    },
  ];
}

/** The demo vendor's watch and Bergvik kommune's roadmap (each change kept, as the app does). Runs once. */
async function seedWatchesAndRoadmap(db: Db, now: Date, orgId: (slug: string) => string, standardId: (code: string) => string) {
  for (const w of DEMO_WATCHES) {
    const user = await db.selectFrom("users").select("id").where("email", "=", w.email).executeTakeFirstOrThrow();
    await db
      .insertInto("watches")
      .values({ userId: user.id, name: w.name, query: w.query, frequency: w.frequency, feedTokenHash: hashToken(w.feedToken), createdAt: now, feedTokenCreatedAt: now })
      .onConflict((oc) => oc.constraint("watches_feed_token_unique").doNothing())
      .execute();
  }
  const organisationId = orgId(DEMO_ROADMAP.organisation);
  const changedBy = (await db.selectFrom("users").select("id").where("email", "=", DEMO_ROADMAP.changedBy).executeTakeFirstOrThrow()).id;
  for (const entry of DEMO_ROADMAP.entries) {
    const date = entry.yearsAhead === null ? null : `${now.getUTCFullYear() + entry.yearsAhead}-01-01`;
    const values = { organisationId, standardId: standardId(entry.standard), status: entry.status, date, note: entry.note, changedAt: now, changedBy };
    const inserted = await db
      .insertInto("buyerRoadmapEntries")
      .values(values)
      .onConflict((oc) => oc.columns(["organisationId", "standardId"]).doNothing())
      .returning("standardId")
      .executeTakeFirst();
    if (inserted) await db.insertInto("buyerRoadmapChanges").values(values).execute();
  }
}

/** The demo data on the first start of an empty embedded database (server.ts); SEED_DEMO=false turns it off. */
export async function seedDemoOnFirstStart(handle: DatabaseHandle, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (handle.kind === "pglite" && env.SEED_DEMO !== "false" && (await isEmpty(handle.db))) await seedDemoData(handle.db);
}
