import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listUnanswered } from "~/models/questions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of a buyer organisation: every question vendors wait for, across its events, oldest first.
export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "participation");
  const questions = await listUnanswered(db(), { buyerId: organisation.id });
  return json({ title: `${t("buyerQuestions.title")} – ${organisation.name} – Markedsdialog`, organisation: { name: organisation.name }, questions });
}

export default function BuyerQuestions() {
  const { organisation, questions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["participation"]);
  const language = i18n.language as Language;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <p>
          <Link to="/workspace/events" className="text-brand-700 underline">
            {t("buyerQuestions.back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("buyerQuestions.title")}</h1>
        <p className="text-lg text-slate-700">{t("buyerQuestions.lead", { organisation: organisation.name })}</p>
      </div>
      <section aria-labelledby="unanswered-title" className="space-y-3">
        <h2 id="unanswered-title" className="text-xl font-semibold">
          {t("buyerQuestions.heading")} <span className="font-normal text-slate-600">({formatNumber(questions.length, language)})</span>
        </h2>
        {questions.length === 0 ? (
          <p className="text-slate-700">{t("buyerQuestions.none")}</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {questions.map((q) => (
              <li key={q.id} className="space-y-2 p-4">
                <p className="text-sm text-slate-700">
                  <Link to={`/events/${q.eventId}`} className="font-semibold text-brand-700 underline">
                    {q.eventTitle}
                  </Link>
                  {" · "}
                  {t("questions.unanswered.askedBy", { organisationName: q.organisationName, date: formatDateTime(q.askedAt, language) })}
                </p>
                <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3">{q.text}</blockquote>
                <Link to={`/events/${q.eventId}#participation-answer-${q.id}`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("buyerQuestions.answer")}
                  <span className="sr-only"> – {t("buyerQuestions.answerFor", { eventTitle: q.eventTitle, organisationName: q.organisationName })}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
