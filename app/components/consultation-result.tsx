import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ConsultationEffortLevel, ConsultationSubject } from "~/domain/consultations";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** What /demand's list says of an open consultation. */
export interface ListedConsultation {
  id: string;
  title: string;
  caseNumber: string;
  subject: ConsultationSubject;
  /** The organiser; null for the operators' own consultations. */
  buyerName: string | null;
  deadline: string | Date;
  effortLevel: ConsultationEffortLevel;
  hoursPerResponder: number | null;
}

/** An open consultation among the results (issue 18): what is asked, by whom and by when; never a response. */
export function ConsultationResult({ item }: { item: ListedConsultation }) {
  const { t, i18n } = useTranslation(["demand", "consultations", "common"]);
  const language = i18n.language as Language;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm font-medium text-brand-700">
        {t("results.consultation")} · {t(`consultations:subjects.${item.subject}`)}
      </p>
      <h3 className="mt-1 text-lg font-semibold leading-snug">
        <Link to={`/consultations/${item.id}`} className="text-slate-900 underline decoration-brand-600 underline-offset-2 hover:text-brand-800">
          {item.title}
        </Link>
      </h3>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.organiser")}:</dt>
          <dd>{item.buyerName ?? t("consultations:operators")}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.consultationDeadline")}:</dt>
          <dd>{formatDateTime(item.deadline, language)}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.effort")}:</dt>
          <dd>
            {t(`common:effort.${item.effortLevel}`)}
            {item.hoursPerResponder ? ` · ${t("consultations:page.hours", { count: item.hoursPerResponder })}` : ""}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="font-medium">{t("results.caseNumber")}:</dt>
          <dd>{item.caseNumber}</dd>
        </div>
      </dl>
    </li>
  );
}
