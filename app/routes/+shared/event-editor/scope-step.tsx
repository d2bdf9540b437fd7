import { Choices, Field, FieldErrors, NumberField, Select, TextArea } from "~/components/forms";
import { DATA_CATEGORIES, DPIA_STATUSES, HOSTING_CONSTRAINTS } from "~/domain/data-protection";
import { IDENTITY_ACCESS, INTERFACE_DOCS, MAX_INTEGRATIONS, SCOPE_ITEMS } from "~/domain/scope";
import { fieldsOf, one, Step, useFormText, type StepProps } from "./fields";

// Step 8 of the event form: scope, integration and cost of ownership (issue 19). Required of
// RFPs and of demand notices that declare a purchase; the rule is app/domain/scope.ts.

/** The integration rows shown: those filled in and two more (up to MAX_INTEGRATIONS), so it works without JavaScript. */
function shownIntegrations(values: StepProps["values"]): number {
  let filled = 0;
  for (let i = 0; i < MAX_INTEGRATIONS; i++) {
    if (one(values, `scope.integrations.${i}.system`) !== "" || one(values, `scope.integrations.${i}.standard`) !== "") filled = i + 1;
  }
  return Math.min(MAX_INTEGRATIONS, filled + 2);
}

export function ScopeStep({ standards, ...props }: StepProps & { standards: { code: string; name: string }[] }) {
  const { t, opts, yesNo } = useFormText();
  const f = fieldsOf(props);
  const integrations = f("scope.integrations");
  return (
    <Step id="scope" number={8} title={t("steps.scope")}>
      <p className="text-sm text-slate-600">{t("fields.scope.hint")}</p>
      <Choices field={f("scope.items")} type="checkbox" legend={t("fields.scope.items")} options={opts(SCOPE_ITEMS, "fields.scope.itemNames")} />
      <div id={integrations.id} className="space-y-3">
        <h3 className="font-semibold">{t("fields.scope.integrationsHeading")}</h3>
        <p className="text-sm text-slate-600">{t("fields.scope.integrationsHint")}</p>
        <FieldErrors id={integrations.errorId} errors={integrations.errors} />
        <datalist id="scope-standards">
          {standards.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </datalist>
        {Array.from({ length: shownIntegrations(props.values) }, (_, i) => (
          <fieldset key={i} className="rounded border border-slate-200 p-3">
            <legend className="px-1 font-medium">{t("fields.scope.integrationRow", { number: i + 1 })}</legend>
            <div className="grid gap-3 md:grid-cols-2">
              <Field field={f(`scope.integrations.${i}.system`)} label={t("fields.scope.system")} />
              <Field field={f(`scope.integrations.${i}.standard`)} label={t("fields.scope.standard")} hint={t("fields.scope.standardHint")} inputProps={{ list: "scope-standards" }} />
            </div>
          </fieldset>
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Select field={f("scope.interfaceDocs")} label={t("fields.scope.interfaceDocs")} options={opts(INTERFACE_DOCS, "fields.scope.interfaceDocsOptions")} placeholder={t("notStated")} />
        <Field field={f("scope.interfaceDocsUrl")} type="url" label={t("fields.scope.interfaceDocsUrl")} />
      </div>
      <Choices field={f("scope.identityAccess")} type="checkbox" legend={t("fields.scope.identityAccess")} options={opts(IDENTITY_ACCESS, "fields.scope.identityOptions")} />
      <Field field={f("scope.identityAccessOther")} label={t("fields.scope.identityAccessOther")} />
      <div className="grid gap-4 md:grid-cols-2">
        <Select field={f("scope.integrationBudgetIncluded")} label={t("fields.scope.integrationBudgetIncluded")} options={yesNo} placeholder={t("notStated")} />
        <NumberField field={f("scope.integrationBudgetNok")} label={t("fields.scope.integrationBudgetNok")} hint={t("fields.scope.integrationBudgetNokHint")} />
      </div>
      <TextArea field={f("scope.adaptationNeeds")} label={t("fields.scope.adaptationNeeds")} hint={t("fields.scope.adaptationNeedsHint")} rows={3} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field field={f("scope.serviceOwnerRole")} label={t("fields.scope.serviceOwnerRole")} hint={t("fields.scope.serviceOwnerRoleHint")} />
        <NumberField field={f("scope.tcoHorizonYears")} label={t("fields.scope.tcoHorizonYears")} />
      </div>
    </Step>
  );
}

/** The data-protection fieldset of the terms step: the new shape, and whether cloud is allowed. */
export function DataProtectionFields(props: StepProps) {
  const { t, opts, yesNo } = useFormText();
  const f = fieldsOf(props);
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">{t("fields.privacy.heading")}</legend>
      <Choices field={f("dataProtection.dataCategories")} type="checkbox" legend={t("fields.privacy.dataCategories")} options={opts(DATA_CATEGORIES, "fields.privacy.categories")} />
      <div className="grid gap-4 md:grid-cols-2">
        <Select field={f("dataProtection.hostingConstraint")} label={t("fields.privacy.hostingConstraint")} options={opts(HOSTING_CONSTRAINTS, "fields.privacy.hosting")} placeholder={t("notStated")} />
        <Select field={f("dataProtection.cloudAllowed")} label={t("fields.cloudAllowed")} options={yesNo} placeholder={t("notStated")} />
        <Select field={f("dataProtection.dpiaStatus")} label={t("fields.privacy.dpiaStatus")} options={opts(DPIA_STATUSES, "fields.privacy.dpia")} placeholder={t("notStated")} />
        <Field field={f("dataProtection.dataController")} label={t("fields.privacy.dataController")} />
        <Field field={f("dataProtection.privacyOwnerRole")} label={t("fields.privacy.privacyOwnerRole")} />
        <Field field={f("dataProtection.privacyOwnerOrganisation")} label={t("fields.privacy.privacyOwnerOrganisation")} />
      </div>
    </fieldset>
  );
}
