// Fictional organisations and people; real standards. Organisation numbers are
// made up but pass the mod-11 check, so the forms accept them.
import type { BuyerSector, VendorSize } from "../../app/domain/organisations";
import type { Region } from "../../app/domain/regions";

export interface SeedOrganisation {
  slug: string;
  name: string;
  orgNumberBase?: string; // 8 digits; the check digit is computed
  country?: string;
  foreignRegistryId?: string;
  isBuyer?: boolean;
  isVendor?: boolean;
  buyerSector?: BuyerSector;
  region?: Region;
  vendorSize?: VendorSize;
  website?: string;
  description: string;
  verified?: boolean;
}

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  { slug: "bergvik-kommune", name: "Bergvik kommune", orgNumberBase: "94410012", isBuyer: true, buyerSector: "municipality", region: "vestland", description: "Kommune med 42 000 innbyggere. Helse- og omsorgstjenester i 9 bydeler, 6 sykehjem og hjemmetjenester.", verified: true },
  { slug: "fjordheim-kommune", name: "Fjordheim kommune", orgNumberBase: "94410025", isBuyer: true, buyerSector: "municipality", region: "more_og_romsdal", description: "Kommune med 11 000 innbyggere og interkommunalt legevaktsamarbeid med fire nabokommuner.", verified: true },
  { slug: "nordre-lia-kommune", name: "Nordre Lia kommune", orgNumberBase: "94410038", isBuyer: true, buyerSector: "municipality", region: "innlandet", description: "Kommune med 6 500 innbyggere. Satser på velferdsteknologi i hjemmetjenesten.", verified: false },
  { slug: "helse-vestfjord-hf", name: "Helse Vestfjord HF", orgNumberBase: "98320041", isBuyer: true, buyerSector: "health_trust", region: "vestland", description: "Helseforetak med tre sykehus og 7 800 ansatte.", verified: true },
  { slug: "innlandsdal-sykehus-hf", name: "Innlandsdal sykehus HF", orgNumberBase: "98320054", isBuyer: true, buyerSector: "health_trust", region: "innlandet", description: "Helseforetak med fem somatiske sykehus og psykisk helsevern.", verified: true },
  { slug: "helse-midtnord-rhf", name: "Helse Midtnord RHF", orgNumberBase: "98320067", isBuyer: true, buyerSector: "regional_health_authority", region: "trondelag", description: "Regionalt helseforetak med ansvar for spesialisthelsetjenesten i regionen.", verified: true },
  { slug: "statens-helsedataetat", name: "Statens helsedataetat", orgNumberBase: "98320070", isBuyer: true, isVendor: true, buyerSector: "state_agency", region: "national", description: "Statlig etat som forvalter nasjonale e-helseløsninger. Kjøper utvikling og drift, og leverer fellestjenester til kommuner og helseforetak.", verified: true },
  { slug: "nordlys-helse-as", name: "Nordlys Helse AS", orgNumberBase: "92150013", isVendor: true, vendorSize: "small", description: "Programvare for digital hjemmeoppfølging og medisineringsstøtte. 24 ansatte i Tromsø og Oslo." },
  { slug: "journalverket-as", name: "Journalverket AS", orgNumberBase: "92150026", isVendor: true, vendorSize: "medium", description: "Elektronisk pasientjournal for kommunehelsetjenesten, FHIR-basert integrasjonsplattform." },
  { slug: "fjelltopp-digital", name: "Fjelltopp Digital Ola Nordmann", orgNumberBase: "92150039", isVendor: true, vendorSize: "sole", description: "Enkeltpersonforetak: rådgivning og utvikling av FHIR-integrasjoner og SNOMED CT-kartlegging." },
  { slug: "helix-systems-norge-as", name: "Helix Systems Norge AS", orgNumberBase: "92150042", isVendor: true, vendorSize: "large", description: "Norsk datterselskap av internasjonal leverandør av sykehussystemer, bildediagnostikk og lab." },
  { slug: "caresoft-nordic-ab", name: "CareSoft Nordic AB", country: "SE", foreignRegistryId: "5592461234", isVendor: true, vendorSize: "medium", description: "Svensk leverandør av velferdsteknologi og trygghetsalarmer, med kunder i hele Norden." },
];

export const SEED_USERS = [
  { email: "buyer@demo.test", name: "Berit Innkjøp", organisation: "bergvik-kommune", role: "admin", commercialRole: "commercial_lead" },
  { email: "vendor@demo.test", name: "Viktor Leverandør", organisation: "nordlys-helse-as", role: "admin", commercialRole: "business_development_manager" },
  { email: "admin@demo.test", name: "Anne Operatør", organisation: null, role: null, commercialRole: null, isOperator: true },
  { email: "hf-buyer@demo.test", name: "Hanne Fagleder", organisation: "helse-vestfjord-hf", role: "admin", commercialRole: "commercial_lead" },
  { email: "kam@demo.test", name: "Kari Kundeansvarlig", organisation: "journalverket-as", role: "admin", commercialRole: "key_account_manager" },
] as const;

export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_API_TOKENS = [
  { email: "buyer@demo.test", token: "demo-buyer-token" },
  { email: "vendor@demo.test", token: "demo-vendor-token" },
  { email: "admin@demo.test", token: "demo-admin-token" },
] as const;

/**
 * Operators always need a second factor, so the demo operator has an authenticator key:
 * demo data only, documented in the README so anyone can add it to an app (or generate codes).
 */
export const DEMO_SECOND_FACTORS = [{ email: "admin@demo.test", totpKey: "MARKEDSDIALOGDEMOOPERATORKEY2345" }] as const;

/**
 * The demo vendor's watches: journal and welfare technology (CPV 48814…) in Vestland, and the
 * health trusts' consultations (issue 18: Helse Vestfjord HF's open one on its standards
 * roadmap matches), both daily. Their feed secrets are documented like the demo API tokens
 * (README): /feeds/watches/demo-vendor-watch-feed-token.atom and .ics, and
 * /feeds/watches/demo-vendor-consultation-watch-feed-token.atom and .ics.
 */
export const DEMO_WATCHES = [
  {
    email: "vendor@demo.test",
    name: "Journal og velferdsteknologi i Vestland",
    query: "cpv=48814&region=vestland",
    frequency: "daily",
    feedToken: "demo-vendor-watch-feed-token",
  },
  {
    email: "vendor@demo.test",
    name: "Høringer fra helseforetak",
    query: "kind=consultation&sector=health_trust",
    frequency: "daily",
    feedToken: "demo-vendor-consultation-watch-feed-token",
  },
] as const;

/** Bergvik kommune's own standards roadmap (dates are years ahead of the seed's `now`). */
export const DEMO_ROADMAP = {
  organisation: "bergvik-kommune",
  changedBy: "buyer@demo.test",
  entries: [
    { standard: "hl7-fhir-r4", status: "required", yearsAhead: 1, note: "Alle nye fagsystemer med API mot EPJ." },
    { standard: "no-basis-fhir", status: "planned", yearsAhead: 2, note: "Følger nasjonale profiler når de er fastsatt." },
    { standard: "helseid", status: "implemented", yearsAhead: null, note: "I bruk for pålogging i helse- og omsorgstjenesten." },
  ],
} as const;

/**
 * The catalogue. origin: where the standard comes from; nationalStatus: its status in the
 * Directorate of e-health's reference catalogue as far as we know it ("none" where we do not;
 * operators correct it). Kept in step with migration 0048, which set the same for existing rows.
 */
export const SEED_STANDARDS = [
  { code: "hl7-fhir-r4", origin: "international", nationalStatus: "recommended", name: "HL7 FHIR R4", category: "interoperability", url: "https://hl7.org/fhir/R4/", nb: "Internasjonal standard for utveksling av helseopplysninger gjennom REST-API og ressurser.", en: "International standard for exchanging health information through REST APIs and resources." },
  { code: "no-basis-fhir", origin: "norwegian", nationalStatus: "under_consideration", name: "HL7 Norway no-basis (FHIR)", category: "interoperability", url: "https://simplifier.net/HL7Norwayno-basis", nb: "Norske basisprofiler for FHIR: pasient, helsepersonell, organisasjon og adresse med norske identifikatorer.", en: "Norwegian FHIR base profiles: patient, practitioner, organisation and address with Norwegian identifiers." },
  { code: "snomed-ct", origin: "international", nationalStatus: "recommended", name: "SNOMED CT", category: "terminology", url: "https://www.snomed.org/", nb: "Klinisk terminologi; Norge er medlem og forvalter norsk utgave.", en: "Clinical terminology; Norway is a member and maintains a Norwegian edition." },
  { code: "icd-10", origin: "international", nationalStatus: "mandatory", name: "ICD-10", category: "terminology", url: "https://www.ehelse.no/kodeverk-og-terminologi/ICD-10-og-ICD-11", nb: "Den internasjonale statistiske klassifikasjonen av sykdommer, brukt i spesialisthelsetjenesten.", en: "International Statistical Classification of Diseases, used in specialist care." },
  { code: "icpc-2", origin: "international", nationalStatus: "mandatory", name: "ICPC-2", category: "terminology", url: "https://www.ehelse.no/kodeverk-og-terminologi/ICPC-2", nb: "Internasjonal klassifikasjon for primærhelsetjenesten.", en: "International Classification of Primary Care." },
  { code: "kodeverk-volven", origin: "norwegian", nationalStatus: "mandatory", name: "Kodeverk (FAT / Volven)", category: "terminology", url: "https://finnkode.helsedirektoratet.no/", nb: "Nasjonale kodeverk for helse- og omsorgssektoren.", en: "National code systems for the health and care sector." },
  { code: "e-resept", origin: "norwegian", nationalStatus: "mandatory", name: "e-resept (meldingsstandard)", category: "messaging", url: "https://www.ehelse.no/", nb: "Meldingsutveksling for elektroniske resepter mellom forskrivere, Reseptformidleren og apotek.", en: "Messaging for electronic prescriptions between prescribers, the prescription intermediary and pharmacies." },
  { code: "pleie-og-omsorgsmeldinger", origin: "norwegian", nationalStatus: "mandatory", name: "PLO-meldinger", category: "messaging", url: "https://www.ehelse.no/", nb: "Pleie- og omsorgsmeldinger mellom kommuner og helseforetak.", en: "Care messages between municipalities and health trusts." },
  { code: "ihe-xds", origin: "international", nationalStatus: "recommended", name: "IHE XDS.b", category: "interoperability", url: "https://profiles.ihe.net/ITI/", nb: "Deling av dokumenter på tvers av virksomheter (brukes i nasjonal dokumentdeling).", en: "Cross-enterprise document sharing (used in national document sharing)." },
  { code: "iso-iec-27001", origin: "international", nationalStatus: "none", name: "ISO/IEC 27001", category: "security", url: "https://www.iso.org/standard/27001", nb: "Styringssystem for informasjonssikkerhet.", en: "Information security management systems." },
  { code: "normen", origin: "norwegian", nationalStatus: "none", name: "Normen (Norm for informasjonssikkerhet og personvern)", category: "security", url: "https://www.ehelse.no/normen", nb: "Bransjenorm for informasjonssikkerhet og personvern i helse- og omsorgssektoren. Ikke det samme som samspillsnormene for markedsdialog.", en: "Sector norm for information security and privacy in health and care. Not the same as the code of conduct for market dialogue." },
  { code: "helseid", origin: "norwegian", nationalStatus: "recommended", name: "HelseID", category: "security", url: "https://www.nhn.no/tjenester/helseid", nb: "Nasjonal tjeneste for autentisering av helsepersonell og systemer.", en: "National authentication service for health personnel and systems." },
  { code: "ihe-pix-pdq", origin: "international", nationalStatus: "none", name: "IHE PIX/PDQ", category: "interoperability", url: "https://profiles.ihe.net/ITI/", nb: "Oppslag og kobling av pasientidentiteter.", en: "Patient identity lookup and cross-referencing." },
  { code: "dicom", origin: "international", nationalStatus: "recommended", name: "DICOM", category: "imaging", url: "https://www.dicomstandard.org/", nb: "Standard for lagring og utveksling av medisinske bilder.", en: "Standard for storing and exchanging medical images." },
  { code: "openehr", origin: "international", nationalStatus: "none", name: "openEHR", category: "interoperability", url: "https://www.openehr.org/", nb: "Åpen spesifikasjon for strukturert journal med arketyper.", en: "Open specification for structured health records with archetypes." },
  { code: "wcag-2-1", origin: "international", nationalStatus: "none", name: "WCAG 2.1", category: "accessibility", url: "https://www.w3.org/TR/WCAG21/", nb: "Krav til universell utforming av nettløsninger.", en: "Web content accessibility requirements." },
] as const;

/** What the demo vendors say about their readiness per standard; planned quarters are `quartersAhead` of seeding. */
export const DEMO_READINESS = [
  { organisation: "nordlys-helse-as", standard: "hl7-fhir-r4", readiness: "supported" },
  { organisation: "nordlys-helse-as", standard: "helseid", readiness: "supported" },
  { organisation: "nordlys-helse-as", standard: "no-basis-fhir", readiness: "planned", quartersAhead: 2 },
  { organisation: "nordlys-helse-as", standard: "snomed-ct", readiness: "not_supported" },
  { organisation: "journalverket-as", standard: "hl7-fhir-r4", readiness: "supported" },
  { organisation: "journalverket-as", standard: "no-basis-fhir", readiness: "supported" },
  { organisation: "journalverket-as", standard: "helseid", readiness: "supported" },
  { organisation: "journalverket-as", standard: "snomed-ct", readiness: "planned", quartersAhead: 3 },
  { organisation: "journalverket-as", standard: "ihe-xds", readiness: "not_supported" },
  { organisation: "helix-systems-norge-as", standard: "hl7-fhir-r4", readiness: "supported" },
  { organisation: "helix-systems-norge-as", standard: "snomed-ct", readiness: "supported" },
  { organisation: "helix-systems-norge-as", standard: "no-basis-fhir", readiness: "planned", quartersAhead: 1 },
  { organisation: "caresoft-nordic-ab", standard: "hl7-fhir-r4", readiness: "planned", quartersAhead: 4 },
  { organisation: "caresoft-nordic-ab", standard: "helseid", readiness: "not_supported" },
] as const;

/**
 * What the demo organisations keep privately about each other (relationships): notes,
 * follow-ups (due `dueInDays` from seeding, owned by `owner`) and contacts. Fixed ids keep
 * the seed idempotent.
 */
export const SEED_RELATIONSHIPS = {
  notes: [
    { id: "5eed0011-0000-4000-8000-000000000001", organisation: "nordlys-helse-as", counterpart: "bergvik-kommune", author: "vendor@demo.test", body: "Hjemmetjenesten vil ha medisineringsstøtte før sommeren. Budsjettet for 2027 vedtas i desember." },
    { id: "5eed0011-0000-4000-8000-000000000002", organisation: "nordlys-helse-as", counterpart: "helse-vestfjord-hf", author: "vendor@demo.test", body: "Interessert i hjemmeoppfølging av KOLS-pasienter; vil ha FHIR-grensesnitt mot DIPS." },
    { id: "5eed0011-0000-4000-8000-000000000003", organisation: "bergvik-kommune", counterpart: "nordlys-helse-as", author: "buyer@demo.test", body: "God demo. Spør om referanser fra kommuner på vår størrelse før neste møte." },
  ],
  followUps: [
    { id: "5eed0011-0000-4000-8000-000000000011", organisation: "nordlys-helse-as", counterpart: "bergvik-kommune", owner: "vendor@demo.test", title: "Send referat fra dialogmøtet", dueInDays: -2 },
    { id: "5eed0011-0000-4000-8000-000000000012", organisation: "nordlys-helse-as", counterpart: "bergvik-kommune", owner: "vendor@demo.test", title: "Avtal demo for hjemmetjenesten", dueInDays: 7 },
    { id: "5eed0011-0000-4000-8000-000000000013", organisation: "bergvik-kommune", counterpart: "nordlys-helse-as", owner: "buyer@demo.test", title: "Be om referanser", dueInDays: 14 },
  ],
  contacts: [
    { id: "5eed0011-0000-4000-8000-000000000021", organisation: "nordlys-helse-as", counterpart: "bergvik-kommune", name: "Per Prosjektleder", role: "Prosjektleder velferdsteknologi", email: "per.prosjektleder@bergvik.example", phone: "+47 912 34 567" },
    { id: "5eed0011-0000-4000-8000-000000000022", organisation: "bergvik-kommune", counterpart: "nordlys-helse-as", name: "Viktor Leverandør", role: "Forretningsutvikler", email: "vendor@demo.test", phone: null },
  ],
} as const;
