import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser } from "~/auth/guards.server";
import { ClauseChanges, ClauseList } from "~/components/conduct/clauses";
import { diffClauses } from "~/domain/clause-diff";
import { formatDate } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getPreviousVersion, getVersion } from "~/models/conduct.server";
import { consultationsOnConductVersion } from "~/models/consultations.server";
import { invariantResponse, notFound } from "~/http/responses.server";
import { INT_MAX } from "~/domain/input-fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const number = Number(args.params.number);
  if (!Number.isInteger(number) || number < 1 || number > INT_MAX) notFound();
  // Published versions are public; a draft exists for operators only, until it goes out for
  // consultation (issue 18): then those consulted, and everyone, read the text they answer on.
  const consultations = await consultationsOnConductVersion(db(), number);
  const version = await getVersion(db(), number, { includeDraft: (getUser(args)?.isOperator ?? false) || consultations.length > 0 });
  invariantResponse(version);
  const previous = await getPreviousVersion(db(), number);
  const t = fixedT(await getLanguage(args.request), "conduct");
  return json({
    title: `${t("title")}, ${t("version", { number })} – Markedsdialog`,
    version,
    previousNumber: previous?.number ?? null,
    consultations,
    changes: previous ? diffClauses(previous.clauses, version.clauses) : null,
  });
}

export default function ConductVersion() {
  const { version, previousNumber, changes, consultations } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("conduct");
  const { t: tc } = useTranslation("consultations");
  const language = i18n.language as Language;
  const summary = language === "en" ? version.summaryEn : version.summaryNb;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p>
          <Link to="/conduct" className="text-brand-700 underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">
          {t("version", { number: version.number })}
          {version.publishedAt ? null : ` (${t("draftLabel")})`}
        </h1>
        {version.publishedAt ? <p className="text-slate-600">{t("publishedAt", { date: formatDate(version.publishedAt, language) })}</p> : null}
        {summary ? (
          <p>
            <strong>{t("summary")}:</strong> {summary}
          </p>
        ) : null}
      </header>
      {consultations.length ? (
        <section aria-labelledby="consultation-title" className="space-y-3">
          <h2 id="consultation-title" className="text-2xl font-semibold">
            {tc("conduct.heading")}
          </h2>
          <ul className="space-y-3">
            {consultations.map((c) => (
              <li key={c.id} className="space-y-1">
                <Link to={`/consultations/${c.id}`} className="text-brand-700 underline">
                  {tc("conduct.link", { caseNumber: c.caseNumber, title: c.title })}
                </Link>{" "}
                ({tc(`states.${c.state}`)})
                {c.usageSummary ? (
                  <div className="rounded border-l-4 border-blue-300 bg-blue-50 p-3">
                    <h3 className="font-semibold">{tc("conduct.summary")}</h3>
                    <p className="whitespace-pre-line">{c.usageSummary}</p>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {changes && previousNumber ? <ClauseChanges changes={changes} fromVersion={previousNumber} /> : null}
      <section aria-labelledby="clauses-title" className="space-y-4">
        <h2 id="clauses-title" className="text-2xl font-semibold">
          {t("draft.clausesHeading")}
        </h2>
        <ClauseList clauses={version.clauses} />
      </section>
    </div>
  );
}
