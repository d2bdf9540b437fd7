import { useTranslation } from "~/i18n/use-translation";
import type { ClauseChange, DiffPart } from "~/domain/clause-diff";
import type { Clause } from "~/domain/conduct";
import type { Language } from "~/i18n/resources";

function pick(clause: Clause, language: Language) {
  return language === "en" ? { title: clause.titleEn, text: clause.textEn } : { title: clause.titleNb, text: clause.textNb };
}

/** The clauses of one version, numbered, each with the principle or topic it rests on. */
export function ClauseList({ clauses }: { clauses: Clause[] }) {
  const { t, i18n } = useTranslation("conduct");
  const language = i18n.language as Language;
  return (
    <ol className="space-y-4">
      {clauses.map((clause) => {
        const { title, text } = pick(clause, language);
        return (
          <li key={clause.number} id={`clause-${clause.number}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="text-lg font-semibold">
              {clause.number}. {title}
            </h3>
            <p className="text-sm text-slate-600">{t(`grounds.${clause.principle}`)}</p>
            <p className="mt-2">{text}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** Changed words marked with <ins>/<del>, which screen readers announce. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation("conduct");
  return (
    <p>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900" title={t("diff.insertedText")}>
            {part.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900" title={t("diff.deletedText")}>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}

export function ClauseChanges({ changes, fromVersion }: { changes: ClauseChange[]; fromVersion: number }) {
  const { t, i18n } = useTranslation("conduct");
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="changes-title" className="space-y-4">
      <h2 id="changes-title" className="text-2xl font-semibold">
        {t("diff.heading", { number: fromVersion })}
      </h2>
      {changes.length === 0 ? <p>{t("diff.none")}</p> : null}
      <ul className="space-y-4">
        {changes.map((change) => (
          <li key={`${change.kind}-${change.number}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">
              {t(`diff.${change.kind}`)}: {t("clauseNumber", { number: change.number })}
            </h3>
            {change.kind === "added" ? (
              <DiffText parts={[{ kind: "added", text: `${pick(change.after, language).title}. ${pick(change.after, language).text}` }]} />
            ) : change.kind === "removed" ? (
              <DiffText parts={[{ kind: "removed", text: `${pick(change.before, language).title}. ${pick(change.before, language).text}` }]} />
            ) : (
              <>
                {change.principleChanged ? (
                  <p className="text-sm">
                    {t("diff.principleChanged", { before: t(`grounds.${change.before.principle}`), after: t(`grounds.${change.after.principle}`) })}
                  </p>
                ) : null}
                <div className="font-medium">
                  <DiffText parts={language === "en" ? change.titleEn : change.titleNb} />
                </div>
                <DiffText parts={language === "en" ? change.textEn : change.textNb} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
