import type { Db } from "../client";
import { createDraft, saveDraftSummary } from "../../app/models/conduct.server";

// Demo consultations (høring, issue 18): Helse Vestfjord HF's open one on its standards
// roadmap with one response (seen only by its author until the deadline), and the operators'
// concluded one on version 2 of the code of conduct, with two published responses (one part
// withheld by agreement) and "slik brukte vi innspillene". Fixed ids: runs once.

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_ROADMAP_CONSULTATION_ID = "00000000-0000-4000-8000-000000000c01";
export const DEMO_CONDUCT_CONSULTATION_ID = "00000000-0000-4000-8000-000000000c02";

export async function seedConsultations(db: Db, now: Date): Promise<void> {
  const existing = await db.selectFrom("consultations").select("id").where("id", "=", DEMO_ROADMAP_CONSULTATION_ID).executeTakeFirst();
  if (existing) return;
  const orgs = await db.selectFrom("organisations").select(["id", "slug"]).execute();
  const org = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  const users = await db.selectFrom("users").select(["id", "email"]).execute();
  const user = (email: string) => users.find((u) => u.email === email)!.id;
  // Whole days from the seed's day, at 10:00 in Oslo in winter, so the demo does not read as if written at night.
  const onDay = (days: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(9, 0, 0, 0);
    return d;
  };
  const ago = (days: number) => onDay(-days);

  // Version 2 of the code of conduct is drafted by the operators and put out for consultation.
  const version = await createDraft(db);
  await saveDraftSummary(db, version, {
    summaryNb: "Utkast til versjon 2: skrevet om etter høringen, med tydeligere regler om gratis rådgivning og om hvem som kan avgjøre.",
    summaryEn: "Draft of version 2: revised after the consultation, with clearer rules on unpaid advice and on who can decide.",
  });

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("consultations")
      .values({
        id: DEMO_ROADMAP_CONSULTATION_ID,
        organiserId: org("helse-vestfjord-hf"),
        createdBy: user("hf-buyer@demo.test"),
        caseNumber: "26/4471",
        title: "Endringer i standardveikartet 2027–2029",
        summary:
          "Helse Vestfjord HF foreslår å kreve HL7 FHIR R4 med de norske basisprofilene for nye integrasjoner fra 1. januar 2028, og å fase ut egne meldingsformater innen 2029. Vi vil vite om tidspunktene er realistiske og hva tilpasningen koster.",
        subject: "standards_roadmap",
        questions: ["Er tidspunktet 1. januar 2028 realistisk for dere?", "Hva koster tilpasningen, og hvem bør bære den?", "Hva mangler i veikartet?"],
        documentLinks: ["https://www.ehelse.no/standardisering"],
        deadline: onDay(21),
        effortLevel: "light",
        hoursPerResponder: 4,
        targetSectors: ["health_trust", "municipality"],
        targetVendorSizes: ["small", "medium", "large"],
        createdAt: ago(7),
      })
      .execute();
    await trx
      .insertInto("consultationInvitees")
      .values([
        { consultationId: DEMO_ROADMAP_CONSULTATION_ID, organisationId: org("nordlys-helse-as") },
        { consultationId: DEMO_ROADMAP_CONSULTATION_ID, organisationId: org("journalverket-as") },
      ])
      .execute();
    const roadmapResponse = await trx
      .insertInto("consultationResponses")
      .values({ consultationId: DEMO_ROADMAP_CONSULTATION_ID, organisationId: org("nordlys-helse-as"), status: "submitted", createdBy: user("vendor@demo.test"), submittedAt: ago(2), submittedBy: user("vendor@demo.test"), updatedAt: ago(2), createdAt: ago(3) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("consultationResponseParts")
      .values([
        { responseId: roadmapResponse.id, position: 0, text: "Ja, dersom basisprofilene er stabile innen utgangen av 2026." },
        { responseId: roadmapResponse.id, position: 1, text: "Anslagsvis 600 timer for oss. Vi foreslår at tilpasningen deles, slik veikartet antyder for felles grensesnitt." },
        { responseId: roadmapResponse.id, position: 2, text: "" },
      ])
      .execute();

    await trx
      .insertInto("consultations")
      .values({
        id: DEMO_CONDUCT_CONSULTATION_ID,
        organiserId: null,
        createdBy: user("admin@demo.test"),
        caseNumber: "MD 26/2",
        title: `Samspillsnormer for markedsdialog, versjon ${version}`,
        summary: "Operatørene sender utkastet til neste versjon av samspillsnormene på høring, skrevet i samarbeid med næringslivet og oppdragsgiverne.",
        subject: "conduct_version",
        conductVersion: version,
        questions: ["Er reglene om gratis rådgivning tydelige nok?", "Hva bør normene si om hvem som kan avgjøre en henvendelse?"],
        documentLinks: [],
        deadline: ago(20),
        effortLevel: "light",
        hoursPerResponder: 2,
        targetSectors: [],
        targetVendorSizes: [],
        usageSummary:
          "Vi fikk to høringssvar. Begge ba om at gratis rådgivning defineres med et timetall; utkastet sier nå «mer enn 8 timer». Nordlys Helse AS ba om at oppdragsgiver oppgir en kontaktperson med mandat og en svarfrist; det er tatt inn. Forslaget om en egen klagenemnd tas ikke med nå, fordi operatørene ikke har mandat til det.",
        usageSummaryAt: ago(5),
        createdAt: ago(50),
      })
      .execute();
    const vendorResponse = await trx
      .insertInto("consultationResponses")
      .values({ consultationId: DEMO_CONDUCT_CONSULTATION_ID, organisationId: org("nordlys-helse-as"), status: "submitted", createdBy: user("vendor@demo.test"), submittedAt: ago(25), submittedBy: user("vendor@demo.test"), updatedAt: ago(25), createdAt: ago(30) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const buyerResponse = await trx
      .insertInto("consultationResponses")
      .values({ consultationId: DEMO_CONDUCT_CONSULTATION_ID, organisationId: org("bergvik-kommune"), status: "submitted", createdBy: user("buyer@demo.test"), submittedAt: ago(22), submittedBy: user("buyer@demo.test"), updatedAt: ago(22), createdAt: ago(24) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("consultationResponseParts")
      .values([
        { responseId: vendorResponse.id, position: 0, text: "Nei. Skriv et timetall: mer enn 8 timer uten forventet innkjøp eller kompensasjon er gratis rådgivning." },
        { responseId: vendorResponse.id, position: 1, text: "Oppdragsgiver bør oppgi en kontaktperson med mandat, og en frist for svar." },
        { responseId: buyerResponse.id, position: 0, text: "Ja, men eksemplene bør gjelde kommuner også, ikke bare helseforetak." },
        {
          responseId: buyerResponse.id,
          position: 1,
          text: "Vi har hatt en intern sak om en leverandør som ble henvist mellom avdelinger; detaljene er ikke klare for publisering.",
          withholdRequested: true,
          withholdReason: "Gjelder en pågående personalsak.",
          withholdDecision: "accepted",
          decidedAt: ago(18),
          decidedBy: user("admin@demo.test"),
        },
      ])
      .execute();
  });
}
