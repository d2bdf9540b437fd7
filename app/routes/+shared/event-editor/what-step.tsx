import { controlProps, Field, FieldErrors, Hint, inputClass, Select, TextArea } from "~/components/forms";
import { CPV_CODES, cpvDivision } from "~/domain/cpv";
import { EVENT_KINDS } from "~/domain/events";
import { REGIONS } from "~/domain/regions";
import { shapeSearch, textMatchesSearch } from "~/domain/search-query";
import { fieldsOf, many, Step, useFormText, type StepProps } from "./fields";

/** Step 1: what the event is, its region, CPV codes and co-buyers. */
export function WhatStep({ coBuyerOptions, ...props }: StepProps & { coBuyerOptions: { id: string; name: string }[] }) {
  const { t, language, opts } = useFormText();
  const f = fieldsOf(props);
  const divisions = [...new Set(CPV_CODES.map((c) => cpvDivision(c.code)))];
  const chosenCpv = many(props.values, "cpv");
  const cpv = f("cpv");
  return (
    <Step id="what" number={1} title={t("steps.what")}>
      <Select field={f("kind")} label={t("fields.kind")} options={opts(EVENT_KINDS, "common:kinds")} placeholder={t("choose")} />
      <Field field={f("title")} label={t("fields.title")} />
      <TextArea field={f("description")} label={t("fields.description")} hint={t("fields.descriptionHint")} rows={8} />
      <Select field={f("region")} label={t("fields.region")} options={opts(REGIONS, "common:regions")} placeholder={t("notStated")} />
      <fieldset id={cpv.id} aria-describedby={controlProps(cpv, true)["aria-describedby"]}>
        <legend className="font-medium text-slate-800">{t("fields.cpv")}</legend>
        <Hint id={`${cpv.id}-hint`}>{t("fields.cpvHint")}</Hint>
        <label htmlFor="cpv-filter" className="mt-2 block text-sm font-medium">
          {t("fields.cpvFilter")}
        </label>
        <input
          id="cpv-filter"
          type="search"
          className={inputClass}
          onChange={(e) => {
            // The same words, compounds and synonyms as the search on /demand: "journal" finds "Klinisk informasjonssystem".
            const search = shapeSearch(e.currentTarget.value);
            document.querySelectorAll<HTMLElement>("[data-cpv]").forEach((el) => {
              el.hidden = search.groups.length > 0 && !textMatchesSearch(el.dataset.cpv ?? "", search);
            });
          }}
        />
        <div className="mt-2 max-h-72 overflow-y-auto rounded border border-slate-300 p-2">
          {divisions.map((division) => (
            <div key={division} className="mb-2">
              {CPV_CODES.filter((c) => cpvDivision(c.code) === division).map((c) => (
                <label key={c.code} data-cpv={`${c.code} ${c[language]}`.toLowerCase()} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="cpv" value={c.code} defaultChecked={chosenCpv.includes(c.code)} className="mt-1" />
                  <span>
                    <span className="font-mono">{c.code}</span> {c[language]}
                  </span>
                </label>
              ))}
            </div>
          ))}
        </div>
        <FieldErrors id={cpv.errorId} errors={cpv.errors} />
      </fieldset>
      {coBuyerOptions.length ? (
        <Select field={f("coBuyers")} label={t("fields.coBuyers")} hint={t("fields.coBuyersHint")} multiple size={5} options={coBuyerOptions.map((o) => ({ value: o.id, label: o.name }))} />
      ) : null}
    </Step>
  );
}
