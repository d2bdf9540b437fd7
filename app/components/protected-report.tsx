import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton, TextArea, type FieldState } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import type { Clause } from "~/domain/conduct";
import type { MessageAuthor, PublicReportCounts as PublicCounts, ReportOutcome, ReportStatus } from "~/domain/protected-reports";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// One protected report as its reporter (/reports/:id) and the operators (/admin/reports/:id)
// read it: the same facts and the same exchange, never who reported.

export interface ShownReport {
  counterpartName: string;
  conductVersion: number;
  clauses: number[];
  account: string;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  outcomeNote: string | null;
  outcomeAt: Date | string | null;
  createdAt: Date | string;
}

export function ReportFacts({ report: r, clauses }: { report: ShownReport; clauses: Pick<Clause, "number" | "titleNb" | "titleEn">[] }) {
  const { t, i18n } = useTranslation("reports");
  const language = i18n.language as Language;
  const titleOf = new Map(clauses.map((c) => [c.number, language === "en" ? c.titleEn : c.titleNb]));
  return (
    <section aria-labelledby="facts-title" className="space-y-3">
      <h2 id="facts-title" className="text-xl font-semibold">
        {t("page.facts")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("page.counterpart")}</dt>
        <dd>{r.counterpartName}</dd>
        <dt className="font-medium">{t("page.sentAt")}</dt>
        <dd>{formatDateTime(r.createdAt, language)}</dd>
        <dt className="font-medium">{t("page.status")}</dt>
        <dd>{t(`statuses.${r.status}`)}</dd>
        <dt className="font-medium">{t("page.clauses", { number: r.conductVersion })}</dt>
        <dd>
          <ul className="list-disc pl-5">
            {r.clauses.map((n) => (
              <li key={n}>{t("clause", { number: n, title: titleOf.get(n) ?? "" })}</li>
            ))}
          </ul>
        </dd>
        {r.outcome ? (
          <>
            <dt className="font-medium">{t("page.outcome")}</dt>
            <dd>
              {t(`outcomes.${r.outcome}`)}
              {r.outcomeAt ? ` (${t("page.outcomeAt")} ${formatDate(r.outcomeAt, language)})` : ""}
            </dd>
          </>
        ) : null}
        {r.outcomeNote ? (
          <>
            <dt className="font-medium">{t("page.outcomeNote")}</dt>
            <dd className="whitespace-pre-line break-words">{r.outcomeNote}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="font-semibold">{t("page.account")}</h3>
      <p className="whitespace-pre-line break-words">{r.account}</p>
    </section>
  );
}

export function ReportMessages({ messages, viewer }: { messages: { id: string; author: MessageAuthor; text: string; createdAt: Date | string }[]; viewer: "reporter" | "operator" }) {
  const { t, i18n } = useTranslation("reports");
  const language = i18n.language as Language;
  // Each side reads the other's words under a role, never a name.
  const who = (author: MessageAuthor) => (author === "operator" ? t("page.fromOperators") : viewer === "reporter" ? t("page.fromReporter") : t("admin.reporter"));
  return (
    <section aria-labelledby="messages-title" className="space-y-2">
      <h2 id="messages-title" className="text-xl font-semibold">
        {t("page.messages")}
      </h2>
      {messages.length === 0 ? (
        <p className="text-slate-700">{t("page.noMessages")}</p>
      ) : (
        <ol className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className={`rounded border-l-4 p-3 ${m.author === "operator" ? "border-brand-700 bg-brand-50" : "border-slate-400 bg-slate-50"}`}>
              <p className="text-sm text-slate-700">
                {who(m.author)}, <time dateTime={String(m.createdAt)}>{formatDateTime(m.createdAt, language)}</time>
              </p>
              <p className="whitespace-pre-line break-words">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the public reads about a counterpart: counts by clause and by outcome, once enough organisations have reported it. */
export function PublicReportCounts({ name, counts }: { name: string; counts: PublicCounts }) {
  const { t } = useTranslation("reports");
  return (
    <section aria-labelledby="reports-title" className="space-y-2">
      <h3 id="reports-title" className="text-lg font-semibold">
        {t("public.heading", { name })}
      </h3>
      <p className="text-slate-700">{t("public.lead")}</p>
      <p>{t("public.total", { count: counts.total })}</p>
      <TableScroll label={t("public.byClause")}>
        <table className="w-full max-w-xl text-left text-sm">
          <caption className="mb-1 text-left text-slate-700">{t("public.byClause")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1">{t("public.clause")}</th>
              <th scope="col">{t("public.count")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.byClause.map((c) => (
              <tr key={`${c.conductVersion}.${c.clause}`} className="border-b border-slate-200">
                <th scope="row" className="py-1 font-medium">
                  <Link to={`/conduct/versions/${c.conductVersion}`} className="text-brand-700 underline">
                    {t("public.version", { number: c.conductVersion, clause: c.clause })}
                  </Link>
                </th>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label={t("public.byOutcome")}>
        <table className="w-full max-w-xl text-left text-sm">
          <caption className="mb-1 text-left text-slate-700">{t("public.byOutcome")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1">{t("public.outcome")}</th>
              <th scope="col">{t("public.count")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.byOutcome.map((o) => (
              <tr key={o.outcome} className="border-b border-slate-200">
                <th scope="row" className="py-1 font-medium">{t(`outcomes.${o.outcome}`)}</th>
                <td>{o.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

interface ListedReport {
  id: string;
  counterpartName: string;
  createdAt: Date | string;
  outcome: ReportOutcome | null;
  conductVersion?: number;
  clauses?: number[];
}

/** Reports in a table: the reporter's own (/reports) or all of them for the operators (/admin/reports, with the clauses). */
export function ReportTable({ reports, caption, hrefOf }: { reports: ListedReport[]; caption: string; hrefOf: (id: string) => string }) {
  const { t, i18n } = useTranslation("reports");
  const language = i18n.language as Language;
  const withClauses = reports.some((r) => r.clauses);
  return (
    <TableScroll label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t("list.counterpart")}</th>
            {withClauses ? <th scope="col" className="p-2">{t("admin.clauses")}</th> : null}
            <th scope="col" className="p-2">{t("list.sent")}</th>
            <th scope="col" className="p-2">{t("list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <td className="p-2">
                <Link to={hrefOf(r.id)} className="text-brand-700 underline">
                  {r.counterpartName}
                </Link>
              </td>
              {withClauses ? <td className="p-2">{t("public.version", { number: r.conductVersion, clause: r.clauses?.join(", ") })}</td> : null}
              <td className="p-2">{formatDate(r.createdAt, language)}</td>
              <td className="p-2">{t(`outcomes.${r.outcome ?? "open"}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One text field and a button, for the reporter's answer and the operators' question. */
export function MessageForm({ id, heading, lead, label, submit, field, intent }: { id: string; heading: string; lead?: string; label: string; submit: string; field: FieldState; intent?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {heading}
      </h2>
      {lead ? <p className="text-slate-700">{lead}</p> : null}
      <Form method="post" className="space-y-3" noValidate>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextArea field={field} label={label} rows={5} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </section>
  );
}
