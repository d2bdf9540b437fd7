import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { CPV_CODES, cpvPrefix } from "~/domain/cpv";
import type { DemandFilter } from "~/domain/demand-filter";
import { DEMAND_SORTS } from "~/domain/demand-sort";
import { DEMAND_KINDS } from "~/domain/demand-kinds";
import { EXPECTATION_STATUSES } from "~/domain/events";
import { BUYER_SECTORS } from "~/domain/organisations";
import { REGIONS } from "~/domain/regions";
import type { Language } from "~/i18n/resources";

export interface DemandFilterOptions {
  standards: { code: string; name: string }[];
}

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm";
const labelClass = "block font-medium text-slate-800";

function Select({ id, name, label, value, children }: { id: string; name: string; label: string; value: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClass}>
        {children}
      </select>
    </div>
  );
}

function Checkboxes({ legend, name, values, checked, label }: { legend: string; name: string; values: readonly string[]; checked: readonly string[]; label: (v: string) => string }) {
  return (
    <fieldset>
      <legend className={labelClass}>{legend}</legend>
      <ul className="mt-1 space-y-1">
        {values.map((value) => (
          <li key={value} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${name}-${value}`}
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
              className="mt-1 h-4 w-4 accent-brand-700"
            />
            <label htmlFor={`${name}-${value}`} className="text-slate-800">
              {label(value)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The demand filter as a GET form: it works without JavaScript, and every choice ends up
 * in the URL, so the back button and shared links give the same list.
 */
export function DemandFilterForm({
  action,
  filter,
  options,
  withSort,
  children,
}: {
  action: "/demand" | "/demand/pipeline";
  filter: DemandFilter;
  options: DemandFilterOptions;
  withSort: boolean;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(["demand", "common", "organisations"]);
  const language = i18n.language as Language;
  return (
    <Form method="get" action={action} className="space-y-6">
      <div className="max-w-3xl">
        <label htmlFor="demand-q" className={labelClass}>
          {t("search.label")}
        </label>
        <p id="demand-q-hint" className="text-sm text-slate-600">
          {t("search.hint")}
        </p>
        <div className="mt-1 flex gap-2">
          <input
            id="demand-q"
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            aria-describedby="demand-q-hint"
            maxLength={200}
            className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm"
          />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("search.submit")}
          </button>
        </div>
        <p className="mt-2 lg:hidden">
          <a href="#demand-filters-title" className="font-medium text-brand-800 underline">
            {t("filters.jump")}
          </a>
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        {/* On a phone the results come first and the filters after them, one tap away. */}
        <section aria-labelledby="demand-filters-title" className="order-last space-y-5 self-start rounded-lg border border-slate-200 bg-white p-4 lg:order-none">
          <h2 id="demand-filters-title" className="text-lg font-bold">
            {t("filters.heading")}
          </h2>
          <Select id="demand-cpv" name="cpv" label={t("filters.cpv")} value={filter.cpv[0] ?? ""}>
            <option value="">{t("filters.any")}</option>
            {CPV_CODES.map((entry) => {
              const prefix = cpvPrefix(entry.code);
              return (
                <option key={entry.code} value={prefix}>
                  {"\u00a0\u00a0".repeat(Math.max(0, prefix.length - 2))}
                  {entry.code} {entry[language]}
                </option>
              );
            })}
          </Select>
          <Select id="demand-region" name="region" label={t("filters.region")} value={filter.regions[0] ?? ""}>
            <option value="">{t("filters.any")}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t(`common:regions.${region}`)}
              </option>
            ))}
          </Select>
          <Checkboxes
            legend={t("filters.kind")}
            name="kind"
            values={DEMAND_KINDS}
            checked={filter.kinds}
            label={(v) => (v === "consultation" ? t("filters.consultations") : t(`common:kinds.${v}`))}
          />
          <div>
            <label htmlFor="demand-buyer" className={labelClass}>
              {t("filters.buyer")}
            </label>
            <p id="demand-buyer-hint" className="text-sm text-slate-600">
              {t("filters.buyerHint")}
            </p>
            <input id="demand-buyer" name="buyer" defaultValue={filter.buyer ?? ""} maxLength={100} aria-describedby="demand-buyer-hint" className={inputClass} />
          </div>
          <Select id="demand-sector" name="sector" label={t("filters.sector")} value={filter.sectors[0] ?? ""}>
            <option value="">{t("filters.any")}</option>
            {BUYER_SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`organisations:sectors.${sector}`)}
              </option>
            ))}
          </Select>
          <Select id="demand-standard" name="standard" label={t("filters.standard")} value={filter.standards[0] ?? ""}>
            <option value="">{t("filters.any")}</option>
            {options.standards.map((standard) => (
              <option key={standard.code} value={standard.code}>
                {standard.name}
              </option>
            ))}
          </Select>
          <Checkboxes
            legend={t("filters.expectation")}
            name="expectation"
            values={EXPECTATION_STATUSES}
            checked={filter.expectations}
            label={(v) => t(`expectationStatus.${v}`)}
          />
          <fieldset aria-describedby="demand-budget-hint">
            <legend className={labelClass}>{t("filters.budget")}</legend>
            <p id="demand-budget-hint" className="text-sm text-slate-600">
              {t("filters.budgetHint")}
            </p>
            <div className="grid grid-cols-2 gap-2">
              <div>
                <label htmlFor="demand-budget-from" className="text-sm text-slate-800">
                  {t("filters.budgetFrom")}
                </label>
                <input id="demand-budget-from" name="budgetFrom" inputMode="decimal" defaultValue={filter.budgetFrom ?? ""} className={inputClass} />
              </div>
              <div>
                <label htmlFor="demand-budget-to" className="text-sm text-slate-800">
                  {t("filters.budgetTo")}
                </label>
                <input id="demand-budget-to" name="budgetTo" inputMode="decimal" defaultValue={filter.budgetTo ?? ""} className={inputClass} />
              </div>
            </div>
          </fieldset>
          <fieldset aria-describedby="demand-quarter-hint">
            <legend className={labelClass}>{t("filters.quarter")}</legend>
            <p id="demand-quarter-hint" className="text-sm text-slate-600">
              {t("filters.quarterHint")}
            </p>
            <div className="grid grid-cols-2 gap-2">
              <div>
                <label htmlFor="demand-quarter-from" className="text-sm text-slate-800">
                  {t("filters.quarterFrom")}
                </label>
                <input id="demand-quarter-from" name="quarterFrom" placeholder="2027-Q1" defaultValue={filter.quarterFrom ?? ""} className={inputClass} />
              </div>
              <div>
                <label htmlFor="demand-quarter-to" className="text-sm text-slate-800">
                  {t("filters.quarterTo")}
                </label>
                <input id="demand-quarter-to" name="quarterTo" placeholder="2027-Q4" defaultValue={filter.quarterTo ?? ""} className={inputClass} />
              </div>
            </div>
          </fieldset>
          <div className="flex items-start gap-2">
            <input type="checkbox" id="demand-open" name="open" value="1" defaultChecked={filter.open} className="mt-1 h-4 w-4 accent-brand-700" />
            <label htmlFor="demand-open" className="font-medium text-slate-800">
              {t("filters.open")}
            </label>
          </div>
          <div className="flex items-start gap-2">
            <input type="checkbox" id="demand-background-ip" name="backgroundIp" value="1" defaultChecked={filter.backgroundIp} className="mt-1 h-4 w-4 accent-brand-700" />
            <label htmlFor="demand-background-ip" className="font-medium text-slate-800">
              {t("filters.backgroundIp")}
            </label>
          </div>
          <div className="flex items-start gap-2">
            <input type="checkbox" id="demand-own-delivery" name="ownDelivery" value="exclude" defaultChecked={filter.excludeOwnDelivery} className="mt-1 h-4 w-4 accent-brand-700" />
            <label htmlFor="demand-own-delivery" className="font-medium text-slate-800">
              {t("filters.ownDeliveryExclude")}
            </label>
          </div>
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="demand-integration-budget"
              name="integrationBudget"
              value="included"
              defaultChecked={filter.integrationBudget === "included"}
              className="mt-1 h-4 w-4 accent-brand-700"
            />
            <label htmlFor="demand-integration-budget" className="font-medium text-slate-800">
              {t("filters.integrationBudget")}
            </label>
          </div>
          {withSort ? (
            <Select id="demand-sort" name="sort" label={t("filters.sort")} value={filter.sort}>
              {DEMAND_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sort.${sort}`)}
                </option>
              ))}
            </Select>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("filters.submit")}
            </button>
            <Link to={action} className="font-medium text-brand-800 underline">
              {t("filters.reset")}
            </Link>
          </div>
        </section>
        <div className="min-w-0 space-y-4">{children}</div>
      </div>
    </Form>
  );
}

/** Parameters the list could not use, said plainly (the rest of the filter applies). */
export function IgnoredParameters({ ignored }: { ignored: { param: string; value: string; code: string }[] }) {
  const { t } = useTranslation("demand");
  if (ignored.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
      <p className="font-semibold">{t("ignored.heading")}</p>
      <ul className="list-disc pl-5">
        {ignored.map((i) => (
          <li key={`${i.param}-${i.value}`}>{t("ignored.item", { value: i.value, param: i.param, reason: t(`ignored.${i.code}`) })}</li>
        ))}
      </ul>
    </div>
  );
}
