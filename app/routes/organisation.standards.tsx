import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { FormErrors, Notice, ProblemScope, QuarterField, Select, SubmitButton, recordField, type Errors, type Values } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import { comingQuarters } from "~/domain/quarters";
import { READINESS, readinessFromForm, readinessPath } from "~/domain/standard-readiness";
import { submittedValues } from "~/domain/form-entries";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { saveVendorReadiness, vendorReadiness } from "~/models/standard-readiness.server";
import { readFormData } from "~/http/form-data.server";
import { StandardMarks } from "~/components/standard-marks";

// A vendor's readiness per standard (issue 19): its members read it, its admins change it,
// for their own organisation only. /standards shows the counts across vendors, never names.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const { organisation, membership } = await requireMember(args, {
    kind: "vendor",
  });
  const t = fixedT(await getLanguage(args.request), "organisations");
  const standards = await vendorReadiness(db(), organisation.id);
  return json({
    organisation: { id: organisation.id, name: organisation.name },
    canEdit: membership.role === "admin",
    standards,
    quarters: comingQuarters(new Date(), 12),
    title: `${t("readiness.title")} – Markedsdialog`,
  });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, {
    role: "admin",
    kind: "vendor",
  });
  const values = submittedValues(formData);
  const parsed = readinessFromForm(formData);
  if (parsed.problems.length) return json({ errors: fieldErrors(parsed.problems), values, saved: false }, { status: 400 });
  const saved = await saveVendorReadiness(db(), organisation.id, parsed.entries, { userId: user.id, ip: args.context.ip });
  if (!saved.ok) return json({ errors: fieldErrors(saved), values, saved: false }, { status: 400 });
  return json({ errors: {} as Errors, values: null, saved: true });
}

const idOf = (name: string) => name.replace(/[^a-zA-Z0-9-]/g, "-");

export default function OrganisationStandards() {
  const { organisation, canEdit, standards, quarters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["organisations", "standards"]);
  const stored: Values = {};
  for (const s of standards) {
    stored[readinessPath(s.id, "readiness")] = s.readiness ?? "";
    stored[readinessPath(s.id, "plannedQuarter")] = s.plannedQuarter ?? "";
  }
  const state = {
    values: (actionData?.values as Values | null) ?? stored,
    errors: (actionData?.errors ?? {}) as Errors,
  };
  const field = (name: string) => recordField(name, state, idOf);
  const formErrors = Object.entries(state.errors).flatMap(([path, codes]) => (path === "" ? codes : []));
  return (
    <ProblemScope first="organisations:formErrors">
      <div className="max-w-3xl space-y-6">
        <header className="space-y-2">
          <p>
            <Link to="/organisation" className="text-brand-700 underline">
              {organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold">{t("readiness.title")}</h1>
          <p className="text-slate-700">{t("readiness.lead")}</p>
        </header>
        {actionData?.saved ? <Notice>{t("readiness.saved")}</Notice> : null}
        {actionData && !actionData.saved ? <FormErrors errors={formErrors.length ? formErrors : ["readinessNotSaved"]} /> : null}
        {canEdit ? (
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="organisationId" value={organisation.id} />
            {standards.map((s) => (
              <fieldset key={s.id} className="space-y-3 rounded border border-slate-300 p-4">
                <legend className="px-1 text-lg font-semibold">{s.name}</legend>
                <StandardMarks origin={s.origin} nationalStatus={s.nationalStatus} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <Select
                    field={field(readinessPath(s.id, "readiness"))}
                    label={t("readiness.readiness")}
                    placeholder={t("readiness.notStated")}
                    options={READINESS.map((r) => ({
                      value: r,
                      label: t(`standards:readiness.${r}`),
                    }))}
                  />
                  <QuarterField
                    field={field(readinessPath(s.id, "plannedQuarter"))}
                    label={t("readiness.plannedQuarter")}
                    hint={t("readiness.plannedQuarterHint")}
                    placeholder={t("readiness.noQuarter")}
                    quarters={quarters}
                  />
                </div>
              </fieldset>
            ))}
            <SubmitButton>{t("readiness.save")}</SubmitButton>
          </Form>
        ) : (
          <>
            <p>{t("readiness.readOnly")}</p>
            <ul className="space-y-1">
              {standards
                .filter((s) => s.readiness)
                .map((s) => (
                  <li key={s.id}>
                    <span className="font-medium">{s.name}</span>: {t(`standards:readiness.${s.readiness!}`)}
                    {s.plannedQuarter ? ` (${s.plannedQuarter})` : ""}
                  </li>
                ))}
            </ul>
          </>
        )}
      </div>
    </ProblemScope>
  );
}
