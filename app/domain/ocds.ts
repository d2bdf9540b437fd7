import type { BuyerSector } from "./organisations";
import { cpvEntry } from "./cpv";
import type { EventKind, ExpectationStatus } from "./events";
import type { DataProtection } from "./data-protection";
import type { IpTerms } from "./ip-terms";
import type { Scope } from "./scope";
import { quarterEnd, quarterStart } from "./quarters";
import { zonedLocalToIso } from "./zoned-time";

// Open Contracting Data Standard 1.1 releases for published events: market dialogue is
// OCDS "early engagement", so every release is a planning release (tag `planning`) whose
// tender block describes the engagement (status `planning`) or, for a demand notice with no
// engagement, the tender that is expected (status `planned`). Pure: the caller loads the
// rows and says what time it is.

/**
 * OCIDs are `<prefix>-<event id>`. A real prefix (`ocds-` and six characters) is assigned
 * by the Open Contracting Partnership on registration; until the portal has one this
 * placeholder is used, and must be replaced before the data is published as OCDS.
 */
export const OCID_PREFIX = "ocds-markedsdialog";

export const ocidOf = (eventId: string) => `${OCID_PREFIX}-${eventId}`;

export interface OcdsOrganisation {
  id: string;
  name: string;
  /** Norwegian organisation number (Enhetsregisteret), for organisations registered in Norway. */
  orgNumber: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  foreignRegistryId: string | null;
  website: string | null;
}

export interface OcdsEvent {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  publishedAt: Date;
  updatedAt: Date;
  cpvCodes: string[];
  registrationDeadline: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  responseDeadline: Date | null;
  expectationStatus: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  fundingSource: string | null;
  expectedValueNok: number | null;
  expectedQuantity: number | null;
  quantityUnit: string | null;
  /** "2027-Q3" */
  expectedTenderQuarter: string | null;
  /** "YYYY-MM-DD" */
  expectedContractStart: string | null;
  buyer: OcdsOrganisation;
  coBuyers: OcdsOrganisation[];
  /** A procured outcome (award) and the contracts it led to; null while none is recorded. */
  award?: OcdsAward | null;
  /** Structured IP terms (issue 17); absent or all null when none are stated. */
  intellectualProperty?: IpTerms;
  /** The buyer's non-use undertaking: who gave it and when. */
  nonUseUndertaking?: { name: string; at: Date } | null;
  /** Scope, integration and cost of ownership (issue 19); absent or empty when none is stated. */
  scope?: Scope;
  /** Who pays and who is expected to benefit (issue 19), each party named; absent when not declared. */
  costBenefit?: { costOwners: { name: string; sharePercent: number | null }[]; benefitOwners: { name: string }[] } | null;
  /** Data protection in the new shape (issue 19). */
  dataProtection?: Pick<DataProtection, "dataCategories" | "hostingConstraint" | "dpiaStatus" | "dataController" | "privacyOwnerRole" | "privacyOwnerOrganisation">;
}

export interface OcdsAward {
  /** "YYYY-MM-DD" */
  date: string | null;
  valueNok: number | null;
  suppliers: OcdsOrganisation[];
  contracts: OcdsContract[];
}

export interface OcdsContract {
  id: string;
  title: string;
  start: string;
  baseEnd: string;
  /** The last day if every option were exercised. */
  maxEnd: string;
  indicatedAnnualValueNok: number | null;
  bindingMinimumNok: number | null;
  capacityWithoutCommitment: boolean;
  options: { number: number; months: number; noticeDeadline: string; status: "open" | "exercised" | "declined" }[];
  /** Call-offs per quarter in kroner: the realised values. */
  callOffs: { quarter: string; valueNok: number | null }[];
}

// org-id.guide lists for the registries our organisations come from. Norway's
// Enhetsregisteret (Brønnøysundregistrene) is NO-BRC.
const ORG_ID_SCHEMES: Record<string, string> = {
  NO: "NO-BRC",
  SE: "SE-BLV", // Bolagsverket
  DK: "DK-CVR", // Det Centrale Virksomhedsregister
  FI: "FI-PRO", // Patentti- ja rekisterihallitus
};

function identifierOf(org: OcdsOrganisation): { scheme: string; id: string; legalName: string } | null {
  const registryId = org.country === "NO" ? org.orgNumber : org.foreignRegistryId;
  const scheme = ORG_ID_SCHEMES[org.country];
  // A registry we do not know the org-id scheme of gets no identifier rather than a wrong one.
  if (!registryId || !scheme) return null;
  return { scheme, id: registryId, legalName: org.name };
}

/** The party id: the org-id (`NO-BRC-944100124`) when the organisation has one, else ours. */
export function partyIdOf(org: OcdsOrganisation): string {
  const identifier = identifierOf(org);
  return identifier ? `${identifier.scheme}-${identifier.id}` : `markedsdialog-${org.id}`;
}

export function party(org: OcdsOrganisation, roles: string[] = ["buyer"]) {
  const identifier = identifierOf(org);
  return {
    id: partyIdOf(org),
    name: org.name,
    ...(identifier ? { identifier } : {}),
    address: { countryName: COUNTRY_NAMES.of(org.country) ?? org.country },
    ...(org.website ? { details: { url: org.website } } : {}),
    roles,
  };
}

// OCDS 1.1 addresses carry a country name, not a code; in the release's language.
const COUNTRY_NAMES = new Intl.DisplayNames(["nb"], { type: "region" });

const nok = (amount: number) => ({ amount, currency: "NOK" });
const iso = (date: Date) => date.toISOString();

// The data is published in bokmål, like the events themselves (release.language = "nb").
const STATUS_TEXT: Record<ExpectationStatus, string> = {
  committed: "Forventet innkjøp: finansiert",
  planned: "Forventet innkjøp: planlagt i budsjett",
  uncertain: "Forventet innkjøp: usikkert",
  none: "Ingen innkjøp forventet",
};

const MILESTONE_TITLES = {
  registration: "Påmeldingsfrist",
  event: "Gjennomføring",
  response: "Svarfrist",
} as const;

function rationaleOf(event: OcdsEvent): string {
  if (event.expectationStatus === null) return "Forventet innkjøp er ikke oppgitt.";
  const parts = [`${STATUS_TEXT[event.expectationStatus]}.`];
  if (event.fundingSource) parts.push(`Finansiering: ${event.fundingSource}.`);
  if (event.expectedTenderQuarter) parts.push(`Forventet konkurranse: ${event.expectedTenderQuarter}.`);
  return parts.join(" ");
}

function budgetOf(event: OcdsEvent) {
  if (event.budgetMaxNok === null && event.budgetMinNok === null) return null;
  const range =
    event.budgetMinNok !== null && event.budgetMaxNok !== null && event.budgetMinNok !== event.budgetMaxNok
      ? `${event.budgetMinNok}–${event.budgetMaxNok} NOK`
      : `${event.budgetMaxNok ?? event.budgetMinNok} NOK`;
  return {
    id: `${ocidOf(event.id)}-budget`,
    description: `Budsjettramme ${range}${event.fundingSource ? `. Finansiering: ${event.fundingSource}` : ""}.`,
    // OCDS 1.1 has one budget amount: the upper bound of the frame; the range is in the description.
    amount: nok((event.budgetMaxNok ?? event.budgetMinNok) as number),
  };
}

function milestonesOf(event: OcdsEvent, now: Date) {
  const dates: [keyof typeof MILESTONE_TITLES, Date | null][] = [
    ["registration", event.registrationDeadline],
    ["event", event.startsAt],
    ["response", event.responseDeadline],
  ];
  return dates
    .filter((entry): entry is [keyof typeof MILESTONE_TITLES, Date] => entry[1] !== null)
    .map(([code, date]) => ({
      id: code,
      title: MILESTONE_TITLES[code],
      type: "engagement",
      code,
      dueDate: iso(date),
      // Whether a past milestone was met is not recorded; only a future one is known to be scheduled.
      ...(date.getTime() > now.getTime() ? { status: "scheduled" } : {}),
    }));
}

function itemsOf(event: OcdsEvent) {
  return event.cpvCodes.map((code, index) => {
    const label = cpvEntry(code)?.nb;
    return {
      id: String(index + 1),
      ...(label ? { description: label } : {}),
      classification: { scheme: "CPV", id: code, ...(label ? { description: label } : {}) },
      // The expected quantity belongs to the purchase as a whole: it rides on the first item.
      ...(index === 0 && event.expectedQuantity !== null
        ? { quantity: event.expectedQuantity, ...(event.quantityUnit ? { unit: { name: event.quantityUnit } } : {}) }
        : {}),
    };
  });
}

/** One OCDS 1.1 release for a published event, as of its last change. */
export function eventToRelease(event: OcdsEvent, { now, baseUrl }: { now: Date; baseUrl: string }) {
  const ocid = ocidOf(event.id);
  // The buyer runs the dialogue itself: the party tender.procuringEntity names has that role too.
  const buyer = party(event.buyer, ["buyer", "procuringEntity"]);
  const budget = budgetOf(event);
  const value = event.expectedValueNok ?? event.budgetMaxNok;
  const milestones = milestonesOf(event, now);
  const items = itemsOf(event);
  const quarter = event.expectedTenderQuarter;
  const contractStart = event.expectedContractStart ? zonedLocalToIso(`${event.expectedContractStart}T00:00`) : null;
  return {
    ocid,
    id: `${ocid}-${event.updatedAt.getTime()}`,
    date: iso(event.updatedAt),
    tag: ["planning"],
    initiationType: "tender",
    language: "nb",
    buyer: { id: buyer.id, name: buyer.name },
    parties: [buyer, ...event.coBuyers.map((org) => party(org))],
    planning: {
      rationale: rationaleOf(event),
      ...(budget ? { budget } : {}),
    },
    tender: {
      id: `${ocid}-tender`,
      title: event.title,
      description: event.description,
      // A demand notice asks for no engagement: it announces a tender that is expected.
      status: event.kind === "demand_notice" ? "planned" : "planning",
      procuringEntity: { id: buyer.id, name: buyer.name },
      ...(value !== null ? { value: nok(value) } : {}),
      ...(event.budgetMinNok !== null ? { minValue: nok(event.budgetMinNok) } : {}),
      ...(items.length ? { items } : {}),
      ...(quarter
        ? {
            tenderPeriod: {
              startDate: zonedLocalToIso(`${quarterStart(quarter)}T00:00`),
              endDate: zonedLocalToIso(`${quarterEnd(quarter)}T23:59`),
            },
          }
        : {}),
      ...(contractStart ? { contractPeriod: { startDate: contractStart } } : {}),
      ...(milestones.length ? { milestones } : {}),
      documents: [
        {
          id: "event-page",
          documentType: event.kind === "demand_notice" ? "plannedProcurementNotice" : "marketEngagementNotice",
          title: event.title,
          url: `${baseUrl}/events/${event.id}`,
          datePublished: iso(event.publishedAt),
          format: "text/html",
          language: "nb",
        },
        ...ipTermsDocuments(event, baseUrl),
        ...scopeDocuments(event, baseUrl),
        ...dataProtectionDocuments(event, baseUrl),
        ...costBenefitDocuments(event, baseUrl),
      ],
    },
  };
}

const FOREGROUND_TEXT = {
  buyer: "oppdragsgiveren",
  vendor: "leverandøren",
  shared: "partene i fellesskap",
  licence: "leverandøren, med lisens til oppdragsgiveren",
} as const;
const INPUT_USE_TEXT = {
  this_procurement: "bare til å forberede denne anskaffelsen",
  wider_planning: "også til oppdragsgiverens bredere planlegging",
} as const;
/** The undertaking in the report's words, as the event page shows it in bokmål. */
export const NON_USE_UNDERTAKING_NB = "Vi vil ikke bruke leverandørenes informasjon i egen forretningsdrift, og vil behandle forretningshemmeligheter som det.";

const yesNoNb = (value: boolean) => (value ? "ja" : "nei");

/**
 * The IP terms and the undertaking as a document of the tender (OCDS 1.1 has no field for
 * intellectual property): terms vendors take part under, described in words, linking to the
 * event page's section. Nothing when the event states none.
 */
function ipTermsDocuments(event: OcdsEvent, baseUrl: string) {
  const ip = event.intellectualProperty;
  const parts: string[] = [];
  if (ip?.backgroundStaysWithVendor != null) parts.push(`Bakgrunnsrettigheter forblir hos leverandøren: ${yesNoNb(ip.backgroundStaysWithVendor)}.`);
  if (ip?.foregroundOwner) parts.push(`Resultatene eies av ${FOREGROUND_TEXT[ip.foregroundOwner]}${ip.licenceScope ? ` (lisensen omfatter: ${ip.licenceScope})` : ""}.`);
  if (ip?.existingProductsNotTransferred != null) parts.push(`Eksisterende produkter overdras ikke: ${yesNoNb(ip.existingProductsNotTransferred)}.`);
  if (ip?.inputUse) parts.push(`Leverandørenes innspill brukes ${INPUT_USE_TEXT[ip.inputUse]}.`);
  const undertaking = event.nonUseUndertaking ?? null;
  if (undertaking) parts.push(`Oppdragsgiverens forpliktelse, gitt av ${undertaking.name} ${iso(undertaking.at)}: «${NON_USE_UNDERTAKING_NB}»`);
  if (parts.length === 0) return [];
  return [
    {
      id: "ip-terms",
      documentType: "otherParticipationRequirements",
      title: "Immaterielle rettigheter og oppdragsgiverens forpliktelse",
      description: parts.join(" "),
      url: `${baseUrl}/events/${event.id}#ip-title`,
      datePublished: iso(undertaking?.at ?? event.publishedAt),
      format: "text/html",
      language: "nb",
    },
  ];
}

const SCOPE_ITEM_NB = {
  licence: "lisens",
  implementation: "innføring",
  integration: "integrasjon",
  support: "brukerstøtte",
  further_development: "videreutvikling",
  operations: "drift",
  training: "opplæring",
  integrated_service: "integrert tjeneste",
} as const;
const IDENTITY_NB = { helseid: "HelseID", id_porten: "ID-porten", buyer_directory: "oppdragsgiverens egen katalog", other: "annet" } as const;
const CATEGORY_NB = { health_data: "helseopplysninger", personal_data: "andre personopplysninger", none: "ingen personopplysninger" } as const;
const HOSTING_NB = { norway: "bare i Norge", eea: "innenfor EØS", adequacy: "land med tilstrekkelig beskyttelsesnivå", none: "ingen begrensning" } as const;
const DPIA_NB = { exists: "finnes", planned: "planlagt", not_needed: "trengs ikke" } as const;

/** One tender document described in words, linking to a section of the event page; nothing when there is nothing to say. */
function describedDocument(event: OcdsEvent, baseUrl: string, doc: { id: string; documentType: string; title: string; anchor: string }, parts: string[]) {
  if (parts.length === 0) return [];
  return [
    {
      id: doc.id,
      documentType: doc.documentType,
      title: doc.title,
      description: parts.join(" "),
      url: `${baseUrl}/events/${event.id}#${doc.anchor}`,
      datePublished: iso(event.publishedAt),
      format: "text/html",
      language: "nb",
    },
  ];
}

/**
 * Scope, integration and cost of ownership as a technical-specifications document of the tender
 * (OCDS 1.1 has no field for them; documentType "technicalSpecifications" is the codelist's).
 */
function scopeDocuments(event: OcdsEvent, baseUrl: string) {
  const s = event.scope;
  if (!s) return [];
  const parts: string[] = [];
  if (s.items.length) parts.push(`Anskaffelsen omfatter: ${s.items.map((i) => SCOPE_ITEM_NB[i]).join(", ")}.`);
  if (s.integrations.length) parts.push(`Integreres med: ${s.integrations.map((i) => (i.standard ? `${i.system} (${i.standard})` : i.system)).join(", ")}.`);
  if (s.interfaceDocs) parts.push(`Grensesnittdokumentasjon: ${s.interfaceDocs === "available" ? "tilgjengelig" : "ikke tilgjengelig"}${s.interfaceDocsUrl ? ` (${s.interfaceDocsUrl})` : ""}.`);
  if (s.identityAccess.length) {
    parts.push(`Identitet og tilgang: ${s.identityAccess.map((i) => (i === "other" && s.identityAccessOther ? s.identityAccessOther : IDENTITY_NB[i])).join(", ")}.`);
  }
  if (s.integrationBudgetIncluded !== null) {
    const amount = s.integrationBudgetNok === null ? "" : ` (${s.integrationBudgetNok} NOK)`;
    parts.push(`Integrasjonsbudsjett innenfor budsjettrammen: ${yesNoNb(s.integrationBudgetIncluded)}${amount}.`);
  }
  if (s.adaptationNeeds) parts.push(`Kjente tilpasningsbehov leverandørene må prise: ${s.adaptationNeeds}`);
  if (s.serviceOwnerRole) parts.push(`Tjenesteansvarlig: ${s.serviceOwnerRole}.`);
  if (s.tcoHorizonYears !== null) parts.push(`Eierkostnad beregnes over ${s.tcoHorizonYears} år.`);
  return describedDocument(event, baseUrl, { id: "scope", documentType: "technicalSpecifications", title: "Omfang, integrasjon og eierkostnad", anchor: "scope-title" }, parts);
}

/** Data protection as a participation-requirements document of the tender (no OCDS 1.1 field either). */
function dataProtectionDocuments(event: OcdsEvent, baseUrl: string) {
  const d = event.dataProtection;
  if (!d) return [];
  const parts: string[] = [];
  if (d.dataCategories.length) parts.push(`Opplysninger som behandles: ${d.dataCategories.map((c) => CATEGORY_NB[c]).join(", ")}.`);
  if (d.hostingConstraint) parts.push(`Lagring og overføring: ${HOSTING_NB[d.hostingConstraint]}.`);
  if (d.dpiaStatus) parts.push(`Personvernkonsekvensvurdering (DPIA): ${DPIA_NB[d.dpiaStatus]}.`);
  if (d.dataController) parts.push(`Behandlingsansvarlig: ${d.dataController}.`);
  const owner = [d.privacyOwnerRole, d.privacyOwnerOrganisation].filter(Boolean).join(", ");
  if (owner) parts.push(`Beslutter i personvernspørsmål: ${owner}.`);
  return describedDocument(event, baseUrl, { id: "data-protection", documentType: "otherParticipationRequirements", title: "Personvern", anchor: "data-protection-title" }, parts);
}

/** A paying or benefiting sector, as the cost-benefit document words it. */
export const SECTOR_NB: Record<BuyerSector, string> = {
  municipality: "kommunesektoren",
  county: "fylkeskommunene",
  health_trust: "helseforetakene",
  regional_health_authority: "de regionale helseforetakene",
  state_agency: "statlige etater",
  state_enterprise: "statsforetakene",
  other: "annen offentlig sektor",
};

/**
 * Who pays and who benefits as a feasibility-study document of the tender (the codelist's
 * document for costs and benefits; OCDS 1.1 has no field for either side).
 */
function costBenefitDocuments(event: OcdsEvent, baseUrl: string) {
  const c = event.costBenefit;
  if (!c) return [];
  const payers = c.costOwners.map((o) => (o.sharePercent === null ? o.name : `${o.name} (${o.sharePercent} %)`)).join(", ");
  const parts = [`Kostnaden bæres av: ${payers}.`, `Gevinsten forventes hos: ${c.benefitOwners.map((o) => o.name).join(", ")}.`];
  return describedDocument(event, baseUrl, { id: "cost-benefit", documentType: "feasibilityStudy", title: "Kostnad og gevinst", anchor: "cost-benefit-title" }, parts);
}

// Options are told as the contract's milestones (OCDS 1.1 has no renewal field): the notice
// deadline is the milestone, met when the option was exercised and not met when declined.
const OPTION_STATUS = { open: "scheduled", exercised: "met", declined: "notMet" } as const;

const dayStart = (date: string) => zonedLocalToIso(`${date}T00:00`);
const dayEnd = (date: string) => zonedLocalToIso(`${date}T23:59`);

function contractDescription(c: OcdsContract): string {
  const parts: string[] = [];
  if (c.indicatedAnnualValueNok !== null) parts.push(`Indikert volum per år: ${c.indicatedAnnualValueNok} NOK.`);
  if (c.bindingMinimumNok !== null) parts.push(`Bindende minimum per år: ${c.bindingMinimumNok} NOK.`);
  if (c.capacityWithoutCommitment) parts.push("Kapasitetskrav uten forpliktelse.");
  return parts.join(" ") || c.title;
}

/** The award and contracts blocks of a procured event: contracts carry their call-offs as implementation transactions. */
function awardBlocks(event: OcdsEvent, award: OcdsAward, buyer: { id: string; name: string }) {
  const ocid = ocidOf(event.id);
  const awardId = `${ocid}-award-1`;
  const suppliers = award.suppliers.map((org) => ({ id: partyIdOf(org), name: org.name }));
  const contracts = award.contracts.map((c) => {
    const transactions = c.callOffs
      .filter((o): o is { quarter: string; valueNok: number } => o.valueNok !== null)
      .map((o) => ({
        id: `${c.id}-${o.quarter}`,
        date: dayEnd(quarterEnd(o.quarter)),
        value: nok(o.valueNok),
        payer: buyer,
        ...(suppliers[0] ? { payee: suppliers[0] } : {}),
      }));
    return {
      id: c.id,
      awardID: awardId,
      title: c.title,
      description: contractDescription(c),
      status: "active",
      period: { startDate: dayStart(c.start), endDate: dayEnd(c.baseEnd), maxExtentDate: dayEnd(c.maxEnd) },
      ...(c.indicatedAnnualValueNok !== null ? { value: nok(c.indicatedAnnualValueNok) } : {}),
      ...(c.options.length
        ? {
            milestones: c.options.map((o) => ({
              id: `option-${o.number}`,
              title: `Opsjon ${o.number}: ${o.months} måneder`,
              type: "approval",
              dueDate: dayEnd(o.noticeDeadline),
              status: OPTION_STATUS[o.status],
            })),
          }
        : {}),
      ...(transactions.length ? { implementation: { transactions } } : {}),
    };
  });
  return {
    awards: [
      {
        id: awardId,
        status: "active",
        ...(award.date ? { date: dayStart(award.date) } : {}),
        ...(award.valueNok !== null ? { value: nok(award.valueNok) } : {}),
        suppliers,
      },
    ],
    contracts,
    hasTransactions: contracts.some((c) => "implementation" in c),
  };
}

/** A release for an event: its planning, and after a procured outcome its award, contracts and call-offs (tags award, contract, implementation). */
export function eventToFullRelease(event: OcdsEvent, options: { now: Date; baseUrl: string }) {
  const release = eventToRelease(event, options);
  if (!event.award) return release;
  const blocks = awardBlocks(event, event.award, release.buyer);
  const supplierParties = event.award.suppliers.map((org) => party(org, ["supplier", "payee"]));
  return {
    ...release,
    tag: ["planning", "award", "contract", ...(blocks.hasTransactions ? ["implementation"] : [])],
    tender: { ...release.tender, status: "complete" },
    parties: [...release.parties.map((p) => (p.id === release.buyer.id ? { ...p, roles: [...p.roles, "payer"] } : p)), ...supplierParties],
    awards: blocks.awards,
    contracts: blocks.contracts,
  };
}

export type OcdsRelease = ReturnType<typeof eventToFullRelease>;

/** The release package around a page of releases. */
export function releasePackage<R extends { date: string }>(releases: R[], { uri, now }: { uri: string; now: Date }) {
  const latest = releases.reduce<string | null>((max, r) => (max === null || r.date > max ? r.date : max), null);
  return {
    uri,
    version: "1.1",
    // Generated on demand: the date of the newest change in it (OCDS guidance), or now when empty.
    publishedDate: latest ?? iso(now),
    publisher: { name: "Markedsdialog" },
    license: "https://data.norge.no/nlod/no/2.0",
    releases,
  };
}
