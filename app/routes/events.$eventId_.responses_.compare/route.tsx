import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { notFound } from "~/http/responses.server";
import type { Language } from "~/i18n/resources";
import { responseComparison } from "~/models/event-responses.server";
import { answerText, questionText } from "../+shared/questionnaire/question-text";

// The vendors' answers to the questionnaire side by side (issue 17, "answer once"): a row per
// question (bank questions, then the buyer's own, in the questionnaire's order), a column per
// vendor's latest submitted response. The event's team reads secret answers (each read logged);
// another member of the buyer sees that a cell is a business secret. 404 for anyone else.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const result = await responseComparison(db(), user, args.params.eventId ?? "");
  if (!result.ok) return notFound();
  return json(result.value, { headers: { "Cache-Control": "private, no-store" } });
}

export default function CompareResponsesPage() {
  const { event, isTeam, vendors, rows } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("responses");
  const { t: tq } = useTranslation("questionnaire");
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/events/${event.id}/responses`} className="text-brand-700 underline hover:text-brand-800">
          {t("buyer.backToList")}
        </Link>
      </p>
      <h1 className="break-words text-3xl font-bold">{t("compare.title", { title: event.title })}</h1>
      <p className="text-slate-700">{t("compare.lead")}</p>
      <p className="rounded border border-slate-300 bg-slate-50 p-3">{t(isTeam ? "buyer.inTeam" : "buyer.notInTeam")}</p>
      {rows.length === 0 ? (
        <p>{t("compare.noQuestions")}</p>
      ) : vendors.length === 0 ? (
        <p>{t("buyer.empty")}</p>
      ) : (
        <TableScroll label={t("compare.title", { title: event.title })}>
          <table className="min-w-full text-left align-top">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("compare.question")}
                </th>
                {vendors.map((v) => (
                  <th key={v.responseId} scope="col" className="min-w-40 p-2">
                    <Link to={`/events/${event.id}/responses/${v.responseId}`} className="break-words text-brand-700 underline hover:text-brand-800" aria-label={t("buyer.open", { vendor: v.name })}>
                      {v.name}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ item, cells }) => (
                <tr key={item.key} className="border-b border-slate-200">
                  <th scope="row" className="min-w-48 p-2 align-top font-medium">
                    <span className="break-words">{questionText(tq, item)}</span>
                  </th>
                  {cells.map((cell, i) => (
                    <td key={vendors[i]?.responseId ?? i} className="break-words p-2 align-top">
                      {cell === "secret" ? <span className="rounded border border-amber-400 bg-amber-50 px-1 text-sm text-amber-950">{t("compare.secret")}</span> : answerText(tq, language, item, cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
