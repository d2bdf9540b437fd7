import type { ConsultationSubject } from "./consultations";
import { OCID_PREFIX, party, type OcdsOrganisation } from "./ocds";

// Consultations (issue 18) as OCDS 1.1 planning releases, beside the events' (./ocds.ts): a
// consultation is early engagement before requirements are set, so its tender block has status
// `planning` and one milestone of type `engagement` with code `consultation` (the milestoneType
// codelist is open; `engagement` is the type the events' milestones use, the code says which).
// No extension is needed. Nothing from any response is in a release: before the deadline they
// are their authors' alone, and after it they are read on the consultation's page.

export interface OcdsConsultation {
  id: string;
  caseNumber: string;
  title: string;
  summary: string;
  subject: ConsultationSubject;
  deadline: Date;
  documentLinks: string[];
  usageSummaryAt: Date | null;
  createdAt: Date;
  /** null: the portal's operators (the code of conduct's own consultations). */
  organiser: OcdsOrganisation | null;
}

const SUBJECT_NB: Record<ConsultationSubject, string> = {
  standards_roadmap: "endring i standardveikart",
  category_plan: "kategoriplan",
  draft_tender_document: "utkast til konkurransegrunnlag",
  conduct_version: "versjon av samspillsnormene",
  other: "annet",
};

/** The portal itself, for the operators' consultations on the code of conduct. */
const PORTAL_PARTY = { id: "markedsdialog", name: "Markedsdialog (driften av portalen)", roles: ["procuringEntity"] };

const iso = (date: Date) => date.toISOString();

export const consultationOcid = (id: string) => `${OCID_PREFIX}-consultation-${id}`;

/** One OCDS 1.1 release for a consultation, as of its last change (opened, or its summary published). */
export function consultationToRelease(c: OcdsConsultation, { now, baseUrl }: { now: Date; baseUrl: string }) {
  const ocid = consultationOcid(c.id);
  const changed = c.usageSummaryAt && c.usageSummaryAt > c.createdAt ? c.usageSummaryAt : c.createdAt;
  const organiser = c.organiser ? party(c.organiser, ["buyer", "procuringEntity"]) : PORTAL_PARTY;
  const url = `${baseUrl}/consultations/${c.id}`;
  return {
    ocid,
    id: `${ocid}-${changed.getTime()}`,
    date: iso(changed),
    tag: ["planning"],
    initiationType: "tender",
    language: "nb",
    ...(c.organiser ? { buyer: { id: organiser.id, name: organiser.name } } : {}),
    parties: [organiser],
    planning: { rationale: `Høring (${SUBJECT_NB[c.subject]}), saksnummer ${c.caseNumber}.` },
    tender: {
      id: `${ocid}-tender`,
      title: c.title,
      description: c.summary,
      status: "planning",
      procuringEntity: { id: organiser.id, name: organiser.name },
      milestones: [
        {
          id: "consultation",
          title: "Høringsfrist",
          type: "engagement",
          code: "consultation",
          dueDate: iso(c.deadline),
          // A consultation whose summary is out has met its milestone; one still open is scheduled.
          ...(c.usageSummaryAt ? { status: "met", dateMet: iso(c.usageSummaryAt) } : c.deadline > now ? { status: "scheduled" } : {}),
        },
      ],
      documents: [
        { id: "consultation-page", documentType: "marketEngagementNotice", title: c.title, url, datePublished: iso(c.createdAt), format: "text/html", language: "nb" },
        ...c.documentLinks.map((link, i) => ({ id: `document-${i + 1}`, documentType: "marketStudies", title: `Høringsdokument ${i + 1}`, url: link })),
        ...(c.usageSummaryAt
          ? [{ id: "usage-summary", documentType: "marketStudies", title: "Slik brukte vi innspillene", url: `${url}#usage-title`, datePublished: iso(c.usageSummaryAt), format: "text/html", language: "nb" }]
          : []),
      ],
    },
  };
}
