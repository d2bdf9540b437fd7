import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { AcceptanceCriterion } from "~/domain/pilot";
import { metButNotBought } from "~/domain/pilot-exit";
import type { PilotExitView } from "~/models/pilot-exits.server";
import { CriterionText } from "./exit-forms";

// A recorded exit in words: each criterion with the buyer's judgement and every vendor's answer,
// then the decision with the procurement or contract it led to, or the reason it stopped.

const RESULT_STYLE = { met: "text-emerald-800", not_met: "text-red-800", not_assessed: "text-slate-700" } as const;

export function ExitRecord({ exit, criteria }: { exit: PilotExitView; criteria: AcceptanceCriterion[] }) {
  const { t } = useTranslation("pilots");
  return (
    <section aria-labelledby="exit-title" className="space-y-4">
      <h2 id="exit-title" className="text-xl font-semibold">
        {t("record.heading")}
      </h2>
      {metButNotBought(exit) ? <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 font-medium">{t("record.metNotBought")}</p> : null}
      <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{t("record.decision")}</dt>
        <dd>
          {t(`decisions.${exit.decision}`)}
          {exit.followOnEvent ? (
            <>
              {" – "}
              <Link to={`/events/${exit.followOnEvent.id}`} className="text-brand-800 underline">
                {exit.followOnEvent.title}
              </Link>
            </>
          ) : null}
          {exit.contract ? (
            <>
              {" – "}
              <Link to={`/contracts/${exit.contract.id}`} className="text-brand-800 underline">
                {exit.contract.title}
              </Link>
            </>
          ) : null}
        </dd>
        {exit.stopReason ? (
          <>
            <dt className="font-medium">{t("record.reason")}</dt>
            <dd>
              {t(`reasons.${exit.stopReason}`)}
              {exit.stopReasonText ? `: ${exit.stopReasonText}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <ol className="space-y-3">
        {criteria.map((criterion, i) => {
          const judgement = exit.results[i];
          return (
            <li key={i} className="rounded border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{t("criterion.number", { number: i + 1 })}</h3>
              <p>
                <CriterionText criterion={criterion} />
              </p>
              {judgement ? (
                <p className={`mt-1 font-semibold ${RESULT_STYLE[judgement.result]}`}>
                  {t(`results.${judgement.result}`)}
                  {judgement.note ? <span className="font-normal text-slate-900">: {judgement.note}</span> : null}
                </p>
              ) : null}
              {exit.responses.map((vendor) => {
                const answer = vendor.answers.find((a) => a.criterion === i);
                return answer ? (
                  <p key={vendor.organisationId} className={answer.response === "dispute" ? "mt-1 font-medium text-red-800" : "mt-1 text-emerald-800"}>
                    {t(`record.vendorAnswer.${answer.response}`, { vendor: vendor.organisationName })}
                    {answer.account ? <span className="block font-normal text-slate-900">{answer.account}</span> : null}
                  </p>
                ) : null;
              })}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
