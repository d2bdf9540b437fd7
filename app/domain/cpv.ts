// The part of the Common Procurement Vocabulary (CPV 2008, Regulation (EC) No 213/2008)
// that health and care ICT buyers use. Codes and English labels are the regulation's own;
// the bokmål labels are written for Norwegian procurement staff.
//
// CPV check digits are assigned in the published table, not computed by a formula that
// holds for every code, so a code is valid here when it is in the vocabulary, check digit
// and all.

export interface CpvEntry {
  /** "48814000-7": eight digits, a hyphen, the check digit. */
  code: string;
  nb: string;
  en: string;
}

export type CpvLanguage = "nb" | "en";

export const CPV_CODES: readonly CpvEntry[] = [
  // 33 Medical equipment
  { code: "33000000-0", nb: "Medisinsk utstyr, legemidler og produkter til personlig pleie", en: "Medical equipments, pharmaceuticals and personal care products" },
  { code: "33100000-1", nb: "Medisinsk utstyr", en: "Medical equipments" },
  { code: "33110000-4", nb: "Bildediagnostisk utstyr til medisinsk, odontologisk og veterinærmedisinsk bruk", en: "Imaging equipment for medical, dental and veterinary use" },
  { code: "33190000-8", nb: "Diverse medisinsk utstyr og medisinske produkter", en: "Miscellaneous medical devices and products" },
  { code: "33194110-0", nb: "Infusjonspumper", en: "Infusion pumps" },
  { code: "33195000-3", nb: "Pasientovervåkingssystem", en: "Patient-monitoring system" },
  { code: "33195100-4", nb: "Monitorer", en: "Monitors" },
  { code: "33195200-5", nb: "Sentral overvåkingsstasjon", en: "Central monitoring station" },
  { code: "33196000-0", nb: "Medisinske hjelpemidler", en: "Medical aids" },
  { code: "33196100-1", nb: "Hjelpemidler for eldre", en: "Devices for the elderly" },
  { code: "33196200-2", nb: "Hjelpemidler for personer med funksjonsnedsettelse", en: "Devices for the disabled" },
  { code: "33197000-7", nb: "Medisinsk datautstyr", en: "Medical computer equipment" },
  // 48 Software packages and information systems
  { code: "48000000-8", nb: "Programvare og informasjonssystemer", en: "Software package and information systems" },
  { code: "48100000-9", nb: "Bransjespesifikk programvare", en: "Industry specific software package" },
  { code: "48180000-3", nb: "Medisinsk programvare", en: "Medical software package" },
  { code: "48311000-1", nb: "Programvare for dokumenthåndtering", en: "Document management software package" },
  { code: "48329000-0", nb: "System for bildelagring og arkivering", en: "Imaging and archiving system" },
  { code: "48332000-4", nb: "Programvare for planlegging og timebestilling", en: "Scheduling software package" },
  { code: "48450000-7", nb: "Programvare for tidsregistrering og personaladministrasjon", en: "Time accounting or human resources software package" },
  { code: "48451000-4", nb: "Programvare for virksomhetsstyring (ERP)", en: "Enterprise resource planning software package" },
  { code: "48482000-0", nb: "Programvare for virksomhetsanalyse (BI)", en: "Business intelligence software package" },
  { code: "48490000-9", nb: "Programvare for anskaffelser", en: "Procurement software package" },
  { code: "48510000-6", nb: "Kommunikasjonsprogramvare", en: "Communication software package" },
  { code: "48515000-1", nb: "Programvare for videokonferanser", en: "Video conferencing software package" },
  { code: "48600000-4", nb: "Database- og operativsystemprogramvare", en: "Database and operating software package" },
  { code: "48610000-7", nb: "Databasesystemer", en: "Database systems" },
  { code: "48613000-8", nb: "Elektronisk datahåndtering (EDM)", en: "Electronic data management (EDM)" },
  { code: "48614000-5", nb: "Datainnsamlingssystem", en: "Data-acquisition system" },
  { code: "48700000-5", nb: "Verktøyprogramvare", en: "Software package utilities" },
  { code: "48730000-4", nb: "Sikkerhetsprogramvare", en: "Security software package" },
  { code: "48732000-8", nb: "Programvare for datasikkerhet", en: "Data security software package" },
  { code: "48800000-6", nb: "Informasjonssystemer og servere", en: "Information systems and servers" },
  { code: "48810000-9", nb: "Informasjonssystemer", en: "Information systems" },
  { code: "48814000-7", nb: "Medisinske informasjonssystemer", en: "Medical information systems" },
  { code: "48814100-8", nb: "Informasjonssystem for sykepleie", en: "Nursing information system" },
  { code: "48814200-9", nb: "Pasientadministrativt system (PAS)", en: "Patient-administration system" },
  { code: "48814300-0", nb: "System for styring av operasjonsavdeling", en: "Theatre management system" },
  { code: "48814400-1", nb: "Klinisk informasjonssystem", en: "Clinical information system" },
  { code: "48814500-2", nb: "Casemix-system (pasientklassifisering)", en: "Casemix system" },
  // 72 IT services
  { code: "72000000-5", nb: "IT-tjenester: rådgivning, programvareutvikling, internett og brukerstøtte", en: "IT services: consulting, software development, Internet and support" },
  { code: "72200000-7", nb: "Programmering og rådgivning om programvare", en: "Software programming and consultancy services" },
  { code: "72212000-4", nb: "Programmering av applikasjonsprogramvare", en: "Programming services of application software" },
  { code: "72212180-4", nb: "Utvikling av medisinsk programvare", en: "Medical software development services" },
  { code: "72220000-3", nb: "Rådgivning om systemer og teknikk", en: "Systems and technical consultancy services" },
  { code: "72224000-1", nb: "Rådgivning om prosjektledelse", en: "Project management consultancy services" },
  { code: "72227000-2", nb: "Rådgivning om integrasjon av programvare", en: "Software integration consultancy services" },
  { code: "72230000-6", nb: "Utvikling av skreddersydd programvare", en: "Custom software development services" },
  { code: "72244000-7", nb: "Utvikling av prototyper", en: "Prototyping services" },
  { code: "72253000-3", nb: "Brukerstøtte og kundestøtte", en: "Helpdesk and support services" },
  { code: "72254000-0", nb: "Testing av programvare", en: "Software testing" },
  { code: "72260000-5", nb: "Programvarerelaterte tjenester", en: "Software-related services" },
  { code: "72262000-9", nb: "Programvareutvikling", en: "Software development services" },
  { code: "72263000-6", nb: "Implementering av programvare", en: "Software implementation services" },
  { code: "72266000-7", nb: "Rådgivning om programvare", en: "Software consultancy services" },
  { code: "72267000-4", nb: "Vedlikehold og reparasjon av programvare", en: "Software maintenance and repair services" },
  { code: "72300000-8", nb: "Datatjenester", en: "Data services" },
  { code: "72310000-1", nb: "Databehandling", en: "Data-processing services" },
  { code: "72316000-3", nb: "Dataanalyse", en: "Data analysis services" },
  { code: "72320000-4", nb: "Databasetjenester", en: "Database services" },
  { code: "72322000-8", nb: "Forvaltning av data", en: "Data management services" },
  { code: "72330000-2", nb: "Standardisering og klassifisering av innhold og data", en: "Content or data standardization and classification services" },
  { code: "72500000-0", nb: "Datarelaterte tjenester", en: "Computer-related services" },
  { code: "72600000-6", nb: "Datastøtte og rådgivning", en: "Computer support and consultancy services" },
  { code: "72700000-7", nb: "Datanettverkstjenester", en: "Computer network services" },
  // 73 Research and development
  { code: "73000000-2", nb: "Forsknings- og utviklingstjenester og tilhørende rådgivning", en: "Research and development services and related consultancy services" },
  { code: "73100000-3", nb: "Forskning og eksperimentell utvikling", en: "Research and experimental development services" },
  { code: "73110000-6", nb: "Forskningstjenester", en: "Research services" },
  { code: "73120000-9", nb: "Eksperimentell utvikling", en: "Experimental development services" },
  { code: "73200000-4", nb: "Rådgivning om forskning og utvikling", en: "Research and development consultancy services" },
  { code: "73210000-7", nb: "Rådgivning om forskning", en: "Research consultancy services" },
  { code: "73220000-0", nb: "Rådgivning om utvikling", en: "Development consultancy services" },
  { code: "73300000-5", nb: "Planlegging og gjennomføring av forskning og utvikling", en: "Design and execution of research and development" },
  // 79 Business services
  { code: "79000000-4", nb: "Forretningstjenester: juss, markedsføring, rådgivning, rekruttering, trykking og sikkerhet", en: "Business services: law, marketing, consulting, recruitment, printing and security" },
  { code: "79300000-7", nb: "Markeds- og økonomianalyse, meningsmålinger og statistikk", en: "Market and economic research; polling and statistics" },
  { code: "79310000-0", nb: "Markedsundersøkelser", en: "Market research services" },
  { code: "79330000-6", nb: "Statistikktjenester", en: "Statistical services" },
  { code: "79400000-8", nb: "Rådgivning om forretningsdrift og ledelse, og tilknyttede tjenester", en: "Business and management consultancy and related services" },
  { code: "79410000-1", nb: "Rådgivning om forretningsdrift og ledelse", en: "Business and management consultancy services" },
  { code: "79411000-8", nb: "Generell rådgivning om ledelse", en: "General management consultancy services" },
  { code: "79418000-7", nb: "Rådgivning om anskaffelser", en: "Procurement consultancy services" },
  { code: "79419000-4", nb: "Rådgivning om evaluering", en: "Evaluation consultancy services" },
  { code: "79421000-1", nb: "Prosjektledelse, unntatt for bygge- og anleggsarbeid", en: "Project-management services other than for construction work" },
  // 85 Health and social work
  { code: "85000000-9", nb: "Helse- og sosialtjenester", en: "Health and social work services" },
  { code: "85100000-0", nb: "Helsetjenester", en: "Health services" },
  { code: "85110000-3", nb: "Sykehustjenester og tilknyttede tjenester", en: "Hospital and related services" },
  { code: "85111000-0", nb: "Sykehustjenester", en: "Hospital services" },
  { code: "85112200-9", nb: "Poliklinisk behandling", en: "Outpatient care services" },
  { code: "85120000-6", nb: "Legetjenester og tilknyttede tjenester", en: "Medical practice and related services" },
  { code: "85121100-4", nb: "Allmennlegetjenester", en: "General-practitioner services" },
  { code: "85141200-1", nb: "Sykepleietjenester", en: "Services provided by nurses" },
  { code: "85141210-4", nb: "Medisinsk behandling i hjemmet", en: "Home medical treatment services" },
  { code: "85144000-0", nb: "Helseinstitusjoner med døgnopphold", en: "Residential health facilities services" },
  { code: "85144100-1", nb: "Pleie og omsorg i institusjon", en: "Residential nursing care services" },
  { code: "85150000-5", nb: "Medisinsk bildediagnostikk", en: "Medical imaging services" },
  { code: "85300000-2", nb: "Sosialtjenester og tilknyttede tjenester", en: "Social work and related services" },
  { code: "85310000-5", nb: "Sosialtjenester", en: "Social work services" },
  { code: "85311100-3", nb: "Omsorgstjenester for eldre", en: "Welfare services for the elderly" },
  { code: "85311200-4", nb: "Omsorgstjenester for personer med funksjonsnedsettelse", en: "Welfare services for the handicapped" },
  { code: "85312400-3", nb: "Omsorgstjenester utenfor institusjon", en: "Welfare services not delivered through residential institutions" },
  { code: "85312500-4", nb: "Rehabilitering", en: "Rehabilitation services" },
  { code: "85323000-9", nb: "Helsetjenester i lokalsamfunnet", en: "Community health services" },
];

const BY_CODE = new Map(CPV_CODES.map((entry) => [entry.code, entry]));
const FORMAT = /^(\d{8})-(\d)$/;

export function isCpvCode(value: unknown): value is string {
  return typeof value === "string" && BY_CODE.has(value);
}

export function cpvEntry(code: string): CpvEntry | undefined {
  return BY_CODE.get(code);
}

/** The vocabulary's entry for a division ("48" → 48000000-8), if the division is in it. */
export function cpvDivisionEntry(division: string): CpvEntry | undefined {
  return CPV_CODES.find((entry) => entry.code.startsWith(`${division}000000-`));
}

function digitsOf(code: string): string {
  const match = FORMAT.exec(code) ?? /^(\d{8})$/.exec(code);
  if (!match) throw new RangeError(`Not a CPV code: ${JSON.stringify(code)}`);
  return match[1] as string;
}

/** The division, the first two digits: "48814000-7" → "48". */
export function cpvDivision(code: string): string {
  return digitsOf(code).slice(0, 2);
}

/**
 * The significant digits, for filters where a prefix selects the subtree below it:
 * "48814000-7" → "48814", "85000000-9" → "85". Never shorter than the division.
 */
export function cpvPrefix(code: string): string {
  const digits = digitsOf(code);
  const significant = digits.replace(/0+$/, "");
  return significant.length >= 2 ? significant : digits.slice(0, 2);
}

// Case- and accent-insensitive, but æ, ø and å stay letters of their own: "sar" must not
// find "sår". Swedish and German ä and ö count as æ and ø.
function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("nb")
    .replace(/ä/g, "æ")
    .replace(/ö/g, "ø")
    .replace(/å/g, "\uE000")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\uE000/g, "å");
}

// How people write æ, ø and å on a keyboard without them.
function transliterated(folded: string): string {
  return folded.replace(/aa/g, "å").replace(/ae/g, "æ").replace(/oe/g, "ø");
}

function tokens(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** 0 when every token starts a word of the label, 1 when all occur inside words, null when one is missing. */
function labelRank(label: string, queryTokens: string[]): 0 | 1 | null {
  const folded = fold(label);
  if (!queryTokens.every((token) => folded.includes(token))) return null;
  const words = tokens(folded);
  return queryTokens.every((token) => words.some((word) => word.startsWith(token))) ? 0 : 1;
}

/**
 * Entries whose code starts with the digits typed ("488", "48814000-7"), or whose label in
 * the given language contains every word typed, word-start matches first, then in code order.
 */
export function searchCpv(query: string, language: CpvLanguage): CpvEntry[] {
  const trimmed = query.trim();
  if (trimmed === "") return [];

  if (/^\d[\d\s-]*$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, "");
    return CPV_CODES.filter((entry) => entry.code.replace("-", "").startsWith(digits));
  }

  const folded = fold(trimmed);
  const variants = [tokens(folded)];
  if (variants[0]?.length === 0) return [];
  if (language === "nb" && transliterated(folded) !== folded) variants.push(tokens(transliterated(folded)));

  const ranked: { entry: CpvEntry; rank: number }[] = [];
  for (const entry of CPV_CODES) {
    const ranks = variants.map((variant) => labelRank(entry[language], variant)).filter((rank) => rank !== null);
    if (ranks.length > 0) ranked.push({ entry, rank: Math.min(...ranks) });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map(({ entry }) => entry);
}
