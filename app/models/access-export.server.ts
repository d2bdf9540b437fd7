import type { Db } from "@db/client";
import { enqueueEmail } from "@emails/outbox.server";
import { csvOsloTime } from "~/domain/csv";
import { isUuid } from "~/domain/ids";
import { fail, ok, type Result } from "~/domain/result";
import { tarArchive, tarName, type TarEntry } from "~/domain/tar";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { audit } from "./audit.server";
import type { ActingUser } from "./event-access.server";
import { responsesWithoutSecrets, type BuyerResponseView } from "./event-responses.server";
import { listAnswers } from "./questions.server";
import { getQuestionnaire } from "./questionnaires.server";
import { readFile } from "./stored-files.server";

// An access export (innsyn, offentleglova; ADR 0037): everything in one event as one tar archive
// with an index, for the buyer's admins to assess a request. What a vendor marked as a business
// secret is never in it: the index names the part and the vendor's reason. The export is logged,
// and each vendor whose response it covers is told (never who asked, nor any content).

export interface AccessExport {
  filename: string;
  archive: Uint8Array;
  /** The vendor organisations whose responses it covers. */
  vendors: string[];
}

interface Withheld {
  vendor: string;
  part: string;
  reason: string;
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
const pad = (n: number) => String(n).padStart(2, "0");

/** Who may make the export: the buyer's admins (404 for anyone outside the buyer, 403 for its other members). */
async function adminOf(db: Db, user: ActingUser, eventId: string) {
  if (!isUuid(eventId)) return fail("not_found");
  const event = await db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirst();
  if (!event) return fail("not_found");
  const membership = await db.selectFrom("memberships").select("role").where("userId", "=", user.id).where("organisationId", "=", event.buyerId).executeTakeFirst();
  if (!membership) return fail("not_found");
  if (membership.role !== "admin") return fail("forbidden");
  return ok(event);
}

/** What each vendor marked as secret in its response; `vendor` names it in the index (with the effort request it answers, for one). */
function withheldOf(response: BuyerResponseView, label: (key: string) => string, t: ReturnType<typeof fixedT>, vendor = response.organisation.name): Withheld[] {
  if (response.confidentialReason !== null) return [{ vendor, part: t("accessExport.part.whole"), reason: response.confidentialReason }];
  return [
    ...(response.textConfidentialReason !== null && response.text === null ? [{ vendor, part: t("accessExport.part.text"), reason: response.textConfidentialReason }] : []),
    ...response.answers.filter((a) => a.confidential).map((a) => ({ vendor, part: t("accessExport.part.answer", { question: label(a.key) }), reason: a.confidentialReason ?? "" })),
    ...response.documents.flatMap((d, i) => (d.confidential ? [{ vendor, part: t("accessExport.part.document", { number: i + 1 }), reason: d.confidentialReason ?? "" }] : [])),
  ];
}

/**
 * Makes the export of the event for a buyer's admin: the archive, an audit-log entry, and a mail
 * to the admins of each vendor whose response it covers, in one transaction with the log.
 */
export async function makeAccessExport(db: Db, user: ActingUser & { ip?: string | null }, eventId: string, language: Language, baseUrl: string, now = new Date()): Promise<Result<AccessExport>> {
  const allowed = await adminOf(db, user, eventId);
  if (!allowed.ok) return allowed;
  const event = allowed.value;
  const t = fixedT(language, "responses");
  const tq = fixedT(language, "questionnaire");
  const [amendments, answers, documents, responses, questionnaire, requests] = await Promise.all([
    db.selectFrom("eventAmendments").select(["at", "reason", "changes"]).where("eventId", "=", event.id).orderBy("at").orderBy("id").execute(),
    listAnswers(db, event.id),
    db
      .selectFrom("eventDocuments as d")
      .innerJoin("storedFiles as f", "f.id", "d.fileId")
      .select(["d.fileId", "d.title", "d.version", "d.documentType", "f.name"])
      .where("d.eventId", "=", event.id)
      .orderBy("d.createdAt")
      .orderBy("d.id")
      .execute(),
    responsesWithoutSecrets(db, event.id),
    getQuestionnaire(db, event.id),
    // Effort requests within the event (ADR 0036): their responses are documents of the same dialogue.
    db.selectFrom("effortRequests").select(["id", "title"]).where("eventId", "=", event.id).orderBy("createdAt").orderBy("id").execute(),
  ]);
  const requestResponses = await Promise.all(requests.map(async (q) => ({ request: q, responses: await responsesWithoutSecrets(db, { kind: "effort_request", id: q.id }) })));
  const label = (key: string) => {
    const q: QuestionnaireItem | undefined = questionnaire.find((item) => item.key === key);
    return q?.bankKey ? tq(`bank.${q.bankKey}.question`) : (q?.text ?? key);
  };

  const entries: TarEntry[] = [];
  const contents: string[] = [];
  const add = (name: string, bytes: Uint8Array, what: string) => {
    // The index names each entry as the archive holds it (plain ASCII, app/domain/tar.ts).
    entries.push({ name: tarName(name), bytes });
    contents.push(`- ${tarName(name)}: ${what}`);
  };
  // Every field as stored, but the search index (derived from the others, noise to a reader).
  const { searchDocument: _index, searchText: _text, ...eventFields } = event;
  add("arrangement.json", json(eventFields), t("accessExport.entry.event"));
  add("endringer.json", json(amendments), t("accessExport.entry.amendments", { count: amendments.length }));
  add("sporsmal-og-svar.json", json(answers.map(({ question, answer, answeredAt }) => ({ question, answer, answeredAt }))), t("accessExport.entry.questions", { count: answers.length }));
  for (const [i, d] of documents.entries()) {
    const read = await readFile(db, d.fileId);
    if (read) add(`dokumenter/${pad(i + 1)}-v${d.version}-${d.name}`, read.bytes, t("accessExport.entry.document", { title: d.title, version: d.version, name: d.name }));
  }
  const withheld: Withheld[] = [];
  /** One vendor's response in `folder`: its svar.json and its documents that are not secret; its secrets into the index. */
  const addResponse = async (folder: string, r: BuyerResponseView, request: { id: string; title: string } | null) => {
    const answerOut = r.answers.map((a) => ({ question: label(a.key), ...(a.confidential ? { withheld: true } : { value: a.value, comment: a.comment }) }));
    const vendor = request ? t("accessExport.requestVendor", { vendor: r.organisation.name, title: request.title }) : r.organisation.name;
    add(
      `${folder}/svar.json`,
      json({ vendor: r.organisation, ...(request ? { effortRequest: request } : {}), version: r.version, submittedAt: r.submittedAt, text: r.text, withheldText: r.text === null, answers: answerOut }),
      t("accessExport.entry.response", { vendor, version: r.version, submittedAt: csvOsloTime(r.submittedAt) }),
    );
    for (const [j, d] of r.documents.entries()) {
      if (d.confidential || d.name === null) continue;
      const read = await readFile(db, d.fileId);
      if (read) add(`${folder}/${pad(j + 1)}-${d.name}`, read.bytes, t("accessExport.entry.responseDocument", { vendor, number: j + 1, name: d.name }));
    }
    withheld.push(...withheldOf(r, label, t, vendor));
  };
  for (const [i, r] of responses.entries()) await addResponse(`svar/${pad(i + 1)}-${r.organisation.name}`.slice(0, 60), r, null);
  for (const [i, { request, responses: rs }] of requestResponses.entries()) {
    for (const [j, r] of rs.entries()) await addResponse(`foresporsler-om-innsats/${pad(i + 1)}-${pad(j + 1)}-${r.organisation.name}`.slice(0, 60), r, request);
  }

  const index = [
    t("accessExport.index.title", { eventTitle: event.title }),
    t("accessExport.index.made", { at: csvOsloTime(now) }),
    "",
    t("accessExport.index.assessment"),
    "",
    t("accessExport.index.contents"),
    "- index.txt: " + t("accessExport.entry.index"),
    ...contents,
    "",
    t("accessExport.index.withheld"),
    ...(withheld.length === 0 ? [t("accessExport.index.noneWithheld")] : withheld.map((w) => `- ${w.vendor}: ${w.part}. ${t("accessExport.index.reason")}: ${w.reason}`)),
    "",
  ].join("\n");
  const archive = tarArchive([{ name: "index.txt", bytes: new TextEncoder().encode(index) }, ...entries], now);

  // Each vendor is told once, and led to its response to the event, else to its first response to a request in it.
  const responsePage = new Map<string, string>();
  for (const r of responses) responsePage.set(r.organisation.id, `/events/${event.id}/response`);
  for (const { request, responses: rs } of requestResponses) for (const r of rs) if (!responsePage.has(r.organisation.id)) responsePage.set(r.organisation.id, `/effort-requests/${request.id}/response`);
  const vendorIds = [...responsePage.keys()];
  const requestResponseCount = requestResponses.reduce((n, q) => n + q.responses.length, 0);
  await db.transaction().execute(async (trx) => {
    await audit(trx, {
      action: "access_export_made",
      actorUserId: user.id,
      organisationId: event.buyerId,
      subject: event.title,
      ip: user.ip ?? null,
      details: { eventId: event.id, responses: responses.length, requestResponses: requestResponseCount, withheld: withheld.length },
    });
    if (vendorIds.length === 0) return;
    const [buyer, admins] = await Promise.all([
      trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow(),
      trx
        .selectFrom("memberships as m")
        .innerJoin("users as u", "u.id", "m.userId")
        .innerJoin("organisations as o", "o.id", "m.organisationId")
        .select(["u.name", "u.email", "u.language", "o.id as organisationId", "o.name as organisationName"])
        .where("m.organisationId", "in", vendorIds)
        .where("m.role", "=", "admin")
        .orderBy("u.email")
        .execute(),
    ]);
    for (const admin of admins) {
      await enqueueEmail(trx, {
        template: "access-export-made",
        to: admin.email,
        language: admin.language,
        data: { name: admin.name, organisationName: admin.organisationName, buyerName: buyer.name, eventTitle: event.title, url: `${baseUrl}${responsePage.get(admin.organisationId) ?? ""}` },
      });
    }
  });
  return ok({ filename: `innsyn-${event.id}.tar`, archive, vendors: vendorIds });
}
