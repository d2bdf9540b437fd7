import { CPV_CODES, cpvDivision } from "~/domain/cpv";
import { EVENT_KINDS } from "~/domain/events";
import { REGIONS } from "~/domain/regions";
import { shapeSearch, textMatchesSearch } from "~/domain/search-query";
import { describedBy, ErrorText, fieldId, Input, inputClass, Labelled, many, Select, Step, Textarea, useFormText, type StepProps } from "./fields";

/** Step 1: what the event is, its region, CPV codes and co-buyers. */
export function WhatStep({ values, errors, coBuyerOptions }: StepProps & { coBuyerOptions: { id: string; name: string }[] }) {
  const { t, language, opts } = useFormText();
  const f = { values, errors };
  const divisions = [...new Set(CPV_CODES.map((c) => cpvDivision(c.code)))];
  const chosenCpv = many(values, "cpv");
  return (
    <Step id="what" number={1} title={t("steps.what")}>
      <Select name="kind" label={t("fields.kind")} options={opts(EVENT_KINDS, "common:kinds")} empty={t("choose")} {...f} />
      <Input name="title" label={t("fields.title")} {...f} />
      <Textarea name="description" label={t("fields.description")} hint={t("fields.descriptionHint")} rows={8} {...f} />
      <Select name="region" label={t("fields.region")} options={opts(REGIONS, "common:regions")} empty={t("notStated")} {...f} />
      <fieldset id={fieldId("cpv")} aria-describedby={describedBy("cpv", t("fields.cpvHint"), errors)}>
        <legend className="font-medium text-slate-800">{t("fields.cpv")}</legend>
        <p id={`${fieldId("cpv")}-hint`} className="text-sm text-slate-600">
          {t("fields.cpvHint")}
        </p>
        <label htmlFor="cpv-filter" className="mt-2 block text-sm font-medium">
          {t("fields.cpvFilter")}
        </label>
        <input
          id="cpv-filter"
          type="search"
          className={inputClass(false)}
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
        <ErrorText name="cpv" errors={errors} />
      </fieldset>
      {coBuyerOptions.length ? (
        <Labelled name="coBuyers" label={t("fields.coBuyers")} hint={t("fields.coBuyersHint")} errors={errors}>
          <select
            id={fieldId("coBuyers")}
            name="coBuyers"
            multiple
            size={5}
            defaultValue={many(values, "coBuyers")}
            aria-describedby={describedBy("coBuyers", t("fields.coBuyersHint"), errors)}
            className={inputClass(Boolean(errors.coBuyers?.length))}
          >
            {coBuyerOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Labelled>
      ) : null}
    </Step>
  );
}
