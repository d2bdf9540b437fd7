import { useTranslation } from "~/i18n/use-translation";
import type { Problem } from "~/domain/problems";
import { useProblemText } from "./problem-text";

// Errors in words: beside a field (tied to it by id), for the whole form, and the
// summary of a refused request with links to the fields and the principles behind them.

/** A field's problem codes in words; `id` is what the control's aria-describedby names. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const text = useProblemText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((code) => (
        <p key={code}>{text(code)}</p>
      ))}
    </div>
  );
}

/** Form-level errors: codes are put into words, an already-worded message is shown as it is. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  const text = useProblemText();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-800">
      {errors.map((e) => (
        <p key={e}>{text(e, e)}</p>
      ))}
    </div>
  );
}

/** The problems that stop a request, each linked to its field (`idOf`) and with the principle behind it when there is one. */
export function ProblemSummary({ problems, heading, idOf }: { problems: Problem[]; heading: string; idOf: (path: string) => string }) {
  if (!problems.length) return null;
  return (
    <div role="alert" aria-labelledby="problem-summary-title" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
      <h2 id="problem-summary-title" className="font-semibold">
        {heading}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p, i) => (
          <li key={`${p.path}-${p.code}-${i}`}>
            <ProblemWithPrinciple problem={p} idOf={idOf} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One problem in words, linked to its field when it has one, with the principle behind it (the summary and the live checklist, app/routes/+shared/event-editor/publish-checklist.tsx). */
export function ProblemWithPrinciple({ problem: p, idOf, linkClassName = "underline", principleClassName = "block text-sm" }: { problem: Problem; idOf: (path: string) => string; linkClassName?: string; principleClassName?: string }) {
  const { t } = useTranslation(["forms", "events"]);
  const text = useProblemText();
  const principle = t(`events:principles.${p.code}`, { defaultValue: "" });
  return (
    <>
      {p.path ? (
        <a href={`#${idOf(p.path)}`} className={linkClassName}>
          {text(p.code)}
        </a>
      ) : (
        text(p.code)
      )}
      {principle ? (
        <span className={principleClassName}>
          <span className="font-semibold">{t("forms:principleLabel")}</span> {principle}
        </span>
      ) : null}
    </>
  );
}

/**
 * Where the gate's rules come from, beside the gate (issue 14): the Directorate of e-health's
 * draft principles for use of the market, on consultation in 2022, with a link to /conduct,
 * which says what the portal enforces of each and why. Shown without JavaScript.
 */
export function PrinciplesSource({ className = "text-sm text-slate-700" }: { className?: string }) {
  const { t } = useTranslation("forms");
  return (
    <p className={className}>
      {t("principlesSource.text")}{" "}
      <a href="/conduct#principles" className="text-brand-700 underline">
        {t("principlesSource.link")}
      </a>
    </p>
  );
}
