import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ConsultationSubject } from "~/domain/consultations";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// The open consultations /demand's filter matches (issue 18), among its results: what is asked
// and by when, never a response.
export function OpenConsultations({ consultations }: { consultations: { id: string; title: string; subject: ConsultationSubject; deadline: string | Date; organiserName: string | null }[] }) {
  const { t, i18n } = useTranslation("consultations");
  const language = i18n.language as Language;
  if (consultations.length === 0) return null;
  return (
    <section aria-labelledby="open-consultations-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="open-consultations-title" className="text-xl font-semibold">
        {t("demand.heading", { count: consultations.length })}
      </h3>
      <ul className="space-y-1">
        {consultations.map((c) => (
          <li key={c.id}>
            <Link to={`/consultations/${c.id}`} className="font-medium text-brand-700 underline">
              {c.title}
            </Link>{" "}
            <span className="text-slate-700">{t("demand.item", { subject: t(`subjects.${c.subject}`), organiser: c.organiserName ?? "Markedsdialog", deadline: formatDateTime(c.deadline, language) })}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/consultations" className="text-brand-700 underline">
          {t("demand.all")}
        </Link>
      </p>
    </section>
  );
}
