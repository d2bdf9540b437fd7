import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CONTRACT_FORMS } from "~/domain/contract";
import { CPV_CODES, cpvDivision } from "~/domain/cpv";
import type { EventFormValues } from "~/domain/event-form";
import { DATA_RESIDENCIES, EFFORT_LEVELS, EVENT_KINDS, EXPECTATION_STATUSES, STANDARD_LEVELS } from "~/domain/events";
import { PILOT_PLANS } from "~/domain/pilot";
import { EFFORT_WORK } from "~/domain/predictability";
import type { Problem } from "~/domain/problems";
import { REGIONS } from "~/domain/regions";
import { adviseSourcing, CONTRACT_RISKS, OUTSIDE_NEEDS, type ContractRisk, type OutsideNeed } from "~/domain/sourcing";

export interface EventFormProps {
  values: EventFormValues;
  errors: Record<string, string[]>;
  problems: Problem[];
  mode: "new" | "draft" | "published";
  canPublish: boolean;
  buyerVerified: boolean;
  standards: { code: string; name: string }[];
  coBuyerOptions: { id: string; name: string }[];
  quarters: string[];
  notice?: string | null;
}

export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded border px-3 py-2 text-slate-900 shadow-sm ${invalid ? "border-red-700" : "border-slate-400"}`;

function one(values: EventFormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

function many(values: EventFormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

function ErrorText({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const { t } = useTranslation(["events", "forms"]);
  const codes = errors[name];
  if (!codes?.length) return null;
  return (
    <div id={`${fieldId(name)}-error`} className="mt-1 text-sm font-medium text-red-700">
      {codes.map((code) => (
        <p key={code}>{t([`events:problems.${code}`, `forms:${code}`, "forms:invalid_value"])}</p>
      ))}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  values: EventFormValues;
  errors: Record<string, string[]>;
}

function describedBy(name: string, hint: string | undefined, errors: Record<string, string[]>) {
  const ids = [hint ? `${fieldId(name)}-hint` : null, errors[name]?.length ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Labelled({ name, label, hint, errors, children }: Omit<FieldProps, "values"> & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${fieldId(name)}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

function Input({ type = "text", inputMode, ...props }: FieldProps & { type?: string; inputMode?: "numeric" }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={type}
        inputMode={inputMode}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      />
    </Labelled>
  );
}

function Textarea(props: FieldProps & { rows?: number }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      />
    </Labelled>
  );
}

function Select(props: FieldProps & { options: { value: string; label: string }[]; empty?: string }) {
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <Labelled {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        defaultValue={one(props.values, props.name)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.name, props.hint, props.errors)}
        className={inputClass(invalid)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

function Choices(props: FieldProps & { type: "radio" | "checkbox"; options: { value: string; label: string }[] }) {
  const chosen = many(props.values, props.name);
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <fieldset id={fieldId(props.name)} aria-describedby={describedBy(props.name, props.hint, props.errors)}>
      <legend className="font-medium text-slate-800">{props.label}</legend>
      {props.hint ? (
        <p id={`${fieldId(props.name)}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
      <div className={`mt-1 space-y-1 ${invalid ? "rounded border-l-4 border-red-700 pl-2" : ""}`}>
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type={props.type} name={props.name} value={o.value} defaultChecked={chosen.includes(o.value)} className="mt-1" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText name={props.name} errors={props.errors} />
    </fieldset>
  );
}

function Step({ id, number, title, children }: { id: string; number: number; title: string; children: ReactNode }) {
  return (
    <section id={`step-${id}`} aria-labelledby={`step-${id}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`step-${id}-title`} className="text-xl font-semibold">
        <span className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm text-white" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

const STEPS = ["what", "when", "effort", "expectation", "contract", "sourcing", "standards", "terms", "pilot"] as const;

function quarterLabel(quarter: string, language: string) {
  const [year, q] = quarter.split("-Q");
  return language === "nb" ? `${q}. kvartal ${year}` : `Q${q} ${year}`;
}

/** The guided event form: one page, numbered steps, usable without JavaScript. */
export function EventForm(props: EventFormProps) {
  const { t, i18n } = useTranslation(["eventForm", "common", "events"]);
  const language = i18n.language === "en" ? "en" : "nb";
  const { values, errors } = props;
  const f = { values, errors };
  const opts = <T extends string>(list: readonly T[], prefix: string) => list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const risk = one(values, "sourcing.risk") as ContractRisk | "";
  const need = one(values, "sourcing.need") as OutsideNeed | "";
  const advice = risk && need ? adviseSourcing({ risk, need }).advice : null;
  const quarters = [...new Set([...props.quarters, one(values, "expectation.expectedTenderQuarter"), one(values, "pilotPath.quarter")].filter(Boolean))].sort();
  const quarterOptions = quarters.map((q) => ({ value: q, label: quarterLabel(q, language) }));
  const divisions = [...new Set(CPV_CODES.map((c) => cpvDivision(c.code)))];
  const chosenCpv = many(values, "cpv");

  return (
    <Form method="post" noValidate className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label={t("stepsLabel")} className="lg:sticky lg:top-4 lg:self-start">
        <ol className="space-y-1 text-sm">
          {STEPS.map((step, i) => (
            <li key={step}>
              <a href={`#step-${step}`} className="block rounded px-2 py-1 text-brand-700 underline-offset-2 hover:underline">
                {i + 1}. {t(`steps.${step}`)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="space-y-6">
        {props.notice ? (
          <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
            {props.notice}
          </div>
        ) : null}
        {!props.buyerVerified && props.mode !== "published" ? (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">{t("notVerified")}</p>
        ) : null}
        {props.problems.length ? (
          <div role="alert" aria-labelledby="problems-title" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
            <h2 id="problems-title" className="font-semibold">
              {props.problems.some((p) => t(`events:principles.${p.code}`, { defaultValue: "" })) ? t("problemsHeading") : t("invalid")}
            </h2>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {props.problems.map((p) => {
                const principle = t(`events:principles.${p.code}`, { defaultValue: "" });
                return (
                  <li key={`${p.path}-${p.code}`}>
                    <a href={`#${fieldId(p.path.split(".").filter((s) => !/^\d+$/.test(s)).join("."))}`} className="underline">
                      {t([`events:problems.${p.code}`, `forms:${p.code}`, "forms:invalid_value"])}
                    </a>
                    {principle ? (
                      <p className="text-sm">
                        <span className="font-semibold">{t("principle")}</span> {principle}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}

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
                const q = e.currentTarget.value.toLowerCase();
                document.querySelectorAll<HTMLElement>("[data-cpv]").forEach((el) => {
                  el.hidden = q !== "" && !(el.dataset.cpv ?? "").includes(q);
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
          {props.coBuyerOptions.length ? (
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
                {props.coBuyerOptions.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Labelled>
          ) : null}
        </Step>

        <Step id="when" number={2} title={t("steps.when")}>
          <div className="grid gap-4 md:grid-cols-2">
            <Input name="registrationDeadline" type="datetime-local" label={t("fields.registrationDeadline")} hint={t("fields.timeHint")} {...f} />
            <Input name="responseDeadline" type="datetime-local" label={t("fields.responseDeadline")} hint={t("fields.timeHint")} {...f} />
            <Input name="startsAt" type="datetime-local" label={t("fields.startsAt")} hint={t("fields.timeHint")} {...f} />
            <Input name="endsAt" type="datetime-local" label={t("fields.endsAt")} hint={t("fields.timeHint")} {...f} />
          </div>
          <Input name="location" label={t("fields.location")} {...f} />
          <Input name="onlineUrl" type="url" label={t("fields.onlineUrl")} {...f} />
          <Input name="capacity" inputMode="numeric" label={t("fields.capacity")} {...f} />
          <Input name="attendeeLimitPerVendor" inputMode="numeric" label={t("fields.attendeeLimitPerVendor")} hint={t("fields.attendeeLimitPerVendorHint")} {...f} />
        </Step>

        <Step id="effort" number={3} title={t("steps.effort")}>
          <Choices name="effort.level" type="radio" label={t("fields.effortLevel")} options={opts(EFFORT_LEVELS, "fields.effortLevels")} {...f} />
          <Input name="effort.hoursPerVendor" inputMode="numeric" label={t("fields.hoursPerVendor")} {...f} />
          <Choices name="effort.kindsOfWork" type="checkbox" label={t("fields.kindsOfWork")} options={opts(EFFORT_WORK, "fields.work")} {...f} />
          <Input name="effort.compensationNok" inputMode="numeric" label={t("fields.compensationNok")} {...f} />
          <Textarea name="effort.compensationReason" label={t("fields.compensationReason")} hint={t("fields.compensationReasonHint")} {...f} />
        </Step>

        <Step id="expectation" number={4} title={t("steps.expectation")}>
          <div id={fieldId("expectation")}>
            <ErrorText name="expectation" errors={errors} />
          </div>
          <Choices name="expectation.status" type="radio" label={t("fields.expectationStatus")} options={opts(EXPECTATION_STATUSES, "fields.expectationStatuses")} {...f} />
          <div className="grid gap-4 md:grid-cols-2">
            <Input name="expectation.budgetMinNok" inputMode="numeric" label={t("fields.budgetMinNok")} {...f} />
            <Input name="expectation.budgetMaxNok" inputMode="numeric" label={t("fields.budgetMaxNok")} {...f} />
          </div>
          <Input name="expectation.fundingSource" label={t("fields.fundingSource")} hint={t("fields.fundingSourceHint")} {...f} />
          <div className="grid gap-4 md:grid-cols-3">
            <Input name="expectation.expectedValueNok" inputMode="numeric" label={t("fields.expectedValueNok")} {...f} />
            <Input name="expectation.quantity" inputMode="numeric" label={t("fields.quantity")} {...f} />
            <Input name="expectation.unit" label={t("fields.unit")} hint={t("fields.unitHint")} {...f} />
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <Select name="expectation.expectedTenderQuarter" label={t("fields.expectedTenderQuarter")} options={quarterOptions} empty={t("notStated")} {...f} />
            <Input name="expectation.expectedContractStart" type="date" label={t("fields.expectedContractStart")} {...f} />
          </div>
        </Step>

        <Step id="contract" number={5} title={t("steps.contract")}>
          <Select name="contract.form" label={t("fields.contractForm")} options={opts(CONTRACT_FORMS, "fields.contractForms")} empty={t("notStated")} {...f} />
          <div className="grid gap-4 md:grid-cols-3">
            <Input name="contract.baseMonths" inputMode="numeric" label={t("fields.baseMonths")} {...f} />
            <Input name="contract.optionMonths" inputMode="numeric" label={t("fields.optionMonths")} {...f} />
            <Input name="contract.horizonMonths" inputMode="numeric" label={t("fields.horizonMonths")} {...f} />
          </div>
          <Textarea name="contract.justification" label={t("fields.justification")} hint={t("fields.justificationHint")} {...f} />
        </Step>

        <Step id="sourcing" number={6} title={t("steps.sourcing")}>
          <Choices name="sourcing.risk" type="radio" label={t("fields.risk")} options={opts(CONTRACT_RISKS, "fields.risks")} {...f} />
          <Choices name="sourcing.need" type="radio" label={t("fields.need")} options={opts(OUTSIDE_NEEDS, "fields.needs")} {...f} />
          {advice ? (
            <p className="rounded bg-brand-50 p-3">
              <span className="font-semibold">{t("fields.advice")}:</span> {t(`fields.advices.${advice}`)}
            </p>
          ) : null}
          <Textarea name="sourcing.reason" label={t("fields.sourcingReason")} hint={t("fields.sourcingReasonHint")} {...f} />
        </Step>

        <Step id="standards" number={7} title={t("steps.standards")}>
          <p id={fieldId("standards")} className="text-sm text-slate-600">
            {t("fields.standardsHint")}
          </p>
          <ErrorText name="standards" errors={errors} />
          <table className="w-full text-left text-sm">
            <tbody>
              {props.standards.map((s) => (
                <tr key={s.code} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-2 font-medium">
                    {s.name}
                  </th>
                  <td className="py-2 pr-2">
                    <select
                      name={`standards.${s.code}.level`}
                      aria-label={t("fields.standardLevel", { name: s.name })}
                      defaultValue={one(values, `standards.${s.code}.level`)}
                      className="rounded border border-slate-400 px-2 py-1"
                    >
                      <option value="">–</option>
                      {STANDARD_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t(`fields.standardLevels.${level}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-2">
                    <input
                      type="date"
                      id={fieldId(`standards.${s.code}.from`)}
                      name={`standards.${s.code}.from`}
                      aria-label={t("fields.standardFrom", { name: s.name })}
                      defaultValue={one(values, `standards.${s.code}.from`)}
                      className="rounded border border-slate-400 px-2 py-1"
                    />
                    <ErrorText name={`standards.${s.code}.from`} errors={errors} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Step>

        <Step id="terms" number={8} title={t("steps.terms")}>
          <Textarea name="ipTerms" label={t("fields.ipTerms")} hint={t("fields.ipTermsHint")} {...f} />
          <div className="grid gap-4 md:grid-cols-2">
            <Select name="dataProtection.healthData" label={t("fields.healthData")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
            <Select name="dataProtection.dataResidency" label={t("fields.dataResidency")} options={opts(DATA_RESIDENCIES, "fields.residencies")} empty={t("notStated")} {...f} />
            <Select name="dataProtection.cloudAllowed" label={t("fields.cloudAllowed")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
            <Select name="dataProtection.dpiaNeeded" label={t("fields.dpiaNeeded")} options={[{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }]} empty={t("notStated")} {...f} />
          </div>
        </Step>

        <Step id="pilot" number={9} title={t("steps.pilot")}>
          <Choices name="pilotPath.plan" type="radio" label={t("fields.pilotPlan")} options={opts(PILOT_PLANS, "fields.pilotPlans")} {...f} />
          <div className="grid gap-4 md:grid-cols-2">
            <Select name="pilotPath.quarter" label={t("fields.pilotQuarter")} options={quarterOptions} empty={t("notStated")} {...f} />
            <Input name="pilotPath.budgetNok" inputMode="numeric" label={t("fields.pilotBudgetNok")} {...f} />
          </div>
        </Step>

        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {props.mode === "published" ? (
            <>
              <Textarea name="reason" label={t("reason")} hint={t("reasonHint")} rows={3} {...f} />
              <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("saveAmendment")}
              </button>
            </>
          ) : (
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="save" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
                {t("save")}
              </button>
              {props.canPublish ? (
                <button type="submit" name="intent" value="publish" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("publish")}
                </button>
              ) : null}
            </div>
          )}
        </div>
      </div>
    </Form>
  );
}
