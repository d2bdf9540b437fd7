import { useEffect, useRef, useState } from "react";
import { ProblemWithPrinciple } from "~/components/forms/errors";
import { publishChecklist, type Checklist, type ChecklistContext } from "~/domain/publish-checklist";
import { useFormText } from "./fields";

// The live checklist beside the event form (issue 14): as the buyer types, what publishing
// would still refuse, by step, with the principle each rule comes from, each linked to its
// field. It runs the server's own functions (app/domain/publish-checklist.ts) on the form's
// FormData at every input and change. Progressive enhancement: without JavaScript it shows
// nothing, and the server's answer to a publish stays what it was.

/** The checklist's context as loader data carries it (the clock is read in the browser). */
export type ChecklistData = Omit<ChecklistContext, "now">;

export function PublishChecklist({ context, idOf }: { context: ChecklistData; idOf: (path: string) => string }) {
  const { t } = useFormText();
  const anchor = useRef<HTMLDivElement>(null);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const key = JSON.stringify(context);

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const ctx: ChecklistData = JSON.parse(key);
    const run = () => setChecklist(publishChecklist(new FormData(form), { ...ctx, now: new Date() }));
    run();
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    return () => {
      form.removeEventListener("input", run);
      form.removeEventListener("change", run);
    };
  }, [key]);

  const count = checklist?.problems.length ?? 0;
  return (
    <div ref={anchor} className="xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto">
      {checklist ? (
        <section aria-labelledby="publish-checklist-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="publish-checklist">
          <h2 id="publish-checklist-title" className="text-lg font-semibold">
            {t("checklist.title")}
          </h2>
          <p role="status" aria-live="polite" className={count === 0 ? "font-semibold text-green-800" : "text-slate-800"}>
            {count === 0 ? t("checklist.ready") : checklist.wellFormed ? t("checklist.missing", { count }) : t("checklist.malformed", { count })}
          </p>
          {checklist.groups.map((group) => (
            <div key={group.step} className="space-y-1">
              <h3 className="text-sm font-semibold text-slate-700">{t(`checklist.steps.${group.step}`, { defaultValue: t(`steps.${group.step}`) })}</h3>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {group.problems.map((p, i) => (
                  <li key={`${p.path}-${p.code}-${i}`} className="break-words">
                    <ProblemWithPrinciple problem={p} idOf={idOf} linkClassName="text-brand-700 underline" principleClassName="block text-slate-600" />
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="text-xs text-slate-600">{t("checklist.note")}</p>
        </section>
      ) : null}
    </div>
  );
}
