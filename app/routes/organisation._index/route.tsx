import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { FormErrors, Select, SubmitButton, TextArea, Field, conformField, ProblemScope, validateOnBlur } from "~/components/forms";
import { OrganisationRoles } from "~/components/organisation-roles";
import { canRequestReview, onboardingComplete } from "~/domain/onboarding";
import { organisationProfileSchema, RequestReviewSchema } from "~/domain/organisation-forms";
import { formatOrgNumber } from "~/domain/org-number";
import { BUYER_SECTORS, VENDOR_SIZES } from "~/domain/organisations";
import { REGIONS } from "~/domain/regions";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listMemberships } from "~/models/memberships.server";
import { organisationOnboarding, requestVerificationReview } from "~/models/onboarding.server";
import { getOrganisation, updateOrganisationProfile } from "~/models/organisations.server";
import { updateOwnDelivery } from "~/models/own-delivery.server";
import { OwnDeliverySchema } from "~/domain/own-delivery";
import { OwnDeliveryForm } from "./own-delivery";
import { readFormData } from "~/http/form-data.server";
import { invariantResponse } from "~/http/responses.server";
import { OnboardingChecklist, ReviewRequest } from "./onboarding";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members see their active organisation's profile; admins may edit it.
export async function loader(args: LoaderFunctionArgs) {
  const { user, membership, organisation } = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "organisations");
  const [profile, memberships, onboarding] = await Promise.all([
    getOrganisation(db(), organisation.id),
    listMemberships(db(), user.id),
    organisationOnboarding(db(), organisation.id),
  ]);
  invariantResponse(profile && onboarding);
  return json({
    organisation: profile,
    canEdit: membership.role === "admin",
    memberships: memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name })),
    // Shown until every first step is done; a rejected buyer always sees why.
    onboarding: onboardingComplete(onboarding) ? null : onboarding,
    title: `${t("settings.title")} – Markedsdialog`,
  });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, { role: "admin" });
  if (formData.get("intent") === "own-delivery") {
    // Own delivery is a buyer's declaration; a vendor-only organisation has none to make.
    const buyer = await requireMemberForForm(args, formData, { role: "admin", kind: "buyer" });
    const declared = parseWithZod(formData, { schema: OwnDeliverySchema });
    if (declared.status !== "success") return json({ form: "ownDelivery", result: declared.reply(), saved: false }, { status: 400 });
    await updateOwnDelivery(db(), buyer.organisation.id, declared.value, { userId: user.id, ip: args.context.ip });
    return json({ form: "ownDelivery", result: declared.reply(), saved: true });
  }
  if (formData.get("intent") === "request-review") {
    const review = parseWithZod(formData, { schema: RequestReviewSchema });
    if (review.status !== "success") return json({ form: "review", result: review.reply(), saved: false }, { status: 400 });
    const requested = await requestVerificationReview(db(), organisation.id, { changes: review.value.changes }, { userId: user.id, ip: args.context.ip });
    if (!requested.ok) return json({ form: "review", result: review.reply({ formErrors: ["reviewNotOpen"] }), saved: false }, { status: 400 });
    return json({ form: "review", result: review.reply(), saved: true });
  }
  const submission = parseWithZod(formData, { schema: organisationProfileSchema(organisation) });
  if (submission.status !== "success") return json({ form: "profile", result: submission.reply(), saved: false }, { status: 400 });
  const updated = await updateOrganisationProfile(db(), organisation.id, submission.value, { userId: user.id, ip: args.context.ip });
  if (!updated.ok) return json({ form: "profile", result: submission.reply({ fieldErrors: fieldErrors(updated) }), saved: false }, { status: 400 });
  return json({ form: "profile", result: submission.reply(), saved: true });
}

export default function OrganisationSettings() {
  const { organisation, canEdit, memberships, onboarding } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const review = actionData?.form === "review" ? actionData : undefined;
  const ownDeliveryResult = actionData?.form === "ownDelivery" ? actionData : undefined;
  const profileResult = actionData?.form === "profile" ? actionData : undefined;
  const { t } = useTranslation(["organisations", "common"]);
  const schema = organisationProfileSchema(organisation);
  const [form, fields] = useForm({
    id: `organisation-profile-${organisation.id}`,
    lastResult: profileResult?.result,
    defaultValue: {
      name: organisation.name,
      website: organisation.website ?? "",
      description: organisation.description ?? "",
      buyerSector: organisation.buyerSector ?? "",
      region: organisation.region ?? "",
      vendorSize: organisation.vendorSize ?? "",
      cpvAreas: organisation.cpvAreas.join(", "),
    },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <ProblemScope first="organisations:formErrors">
      <div className="max-w-3xl space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{organisation.name}</h1>
          <OrganisationRoles organisation={organisation} />
          <nav aria-label={t("settings.title")}>
            <ul className="flex flex-wrap gap-4">
              <li>
                <Link to={`/organisations/${organisation.slug}`} className="text-brand-700 underline">
                  {t("settings.publicPage")}
                </Link>
              </li>
              <li>
                <Link to="/organisation/members" className="text-brand-700 underline">
                  {t("settings.members")}
                </Link>
              </li>
              {organisation.isVendor ? (
                <li>
                  <Link to="/organisation/answer-profile" className="text-brand-700 underline">
                    {t("questionnaire:profile.link")}
                  </Link>
                </li>
              ) : null}
              {canEdit ? (
                <li>
                  <Link to="/organisation/audit" className="text-brand-700 underline">
                    {t("settings.audit")}
                  </Link>
                </li>
              ) : null}
              {canEdit ? (
                <li>
                  <Link to="/organisation/security" className="text-brand-700 underline">
                    {t("security.link")}
                  </Link>
                </li>
              ) : null}
              {canEdit ? (
                <li>
                  <Link to="/organisation/single-sign-on" className="text-brand-700 underline">
                    {t("singleSignOn.link")}
                  </Link>
                </li>
              ) : null}
              {canEdit ? (
                <li>
                  <Link to="/organisation/sessions" className="text-brand-700 underline">
                    {t("memberSessions.link")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        </header>

        {memberships.length > 1 ? (
          <Form method="post" action="/organisation/switch" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="redirectTo" value="/organisation" />
            <div>
              <label htmlFor="switch-organisation" className="block font-medium">
                {t("switcher.label")}
              </label>
              <select id="switch-organisation" name="organisationId" defaultValue={organisation.id} className="mt-1 rounded border border-slate-400 px-3 py-2">
                {memberships.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton variant="secondary">{t("switcher.submit")}</SubmitButton>
          </Form>
        ) : null}

        {canEdit && (canRequestReview(organisation.verificationStatus) || review?.saved) ? (
          <ReviewRequest organisationId={organisation.id} reason={organisation.verificationNote} lastResult={review?.result} requested={Boolean(review?.saved)} />
        ) : null}
        {onboarding ? <OnboardingChecklist steps={onboarding} canEdit={canEdit} /> : null}

        <section aria-labelledby="identity-title" className="space-y-2">
          <h2 id="identity-title" className="text-xl font-semibold">
            {t("settings.identity")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {organisation.orgNumber ? (
              <>
                <dt className="font-medium">{t("public.orgNumber")}</dt>
                <dd>{formatOrgNumber(organisation.orgNumber)}</dd>
              </>
            ) : (
              <>
                <dt className="font-medium">{t("public.country")}</dt>
                <dd>{t(`countries.${organisation.country}`, { defaultValue: organisation.country })}</dd>
                <dt className="font-medium">{t("public.registryId")}</dt>
                <dd>{organisation.foreignRegistryId}</dd>
              </>
            )}
            {organisation.isBuyer ? (
              <>
                <dt className="font-medium">{t("public.verification")}</dt>
                <dd>{t(`verification.${organisation.verificationStatus}`)}</dd>
              </>
            ) : null}
          </dl>
        </section>

        {canEdit ? (
          <Form method="post" {...getFormProps(form)} className="space-y-6">
            <input type="hidden" name="organisationId" value={organisation.id} />
            {profileResult?.saved ? (
              <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
                {t("settings.saved")}
              </p>
            ) : null}
            <FormErrors errors={form.errors} />
            <Field field={conformField(fields.name)} label={t("fields.name")} />
            {organisation.isBuyer ? (
              <fieldset className="space-y-4 rounded border border-slate-300 p-4">
                <legend className="px-1 text-lg font-semibold">{t("fields.buyerProfile")}</legend>
                <Select field={conformField(fields.buyerSector)} label={t("fields.buyerSector")} placeholder={t("fields.choose")} options={options(BUYER_SECTORS, "sectors")} />
                <Select
                  field={conformField(fields.region)}
                  label={t("fields.region")}
                  placeholder={t("fields.choose")}
                  options={REGIONS.map((r) => ({ value: r, label: t(`common:regions.${r}`) }))}
                />
              </fieldset>
            ) : null}
            {organisation.isVendor ? (
              <fieldset className="space-y-4 rounded border border-slate-300 p-4">
                <legend className="px-1 text-lg font-semibold">{t("fields.vendorProfile")}</legend>
                <Select field={conformField(fields.vendorSize)} label={t("fields.vendorSize")} placeholder={t("fields.choose")} options={options(VENDOR_SIZES, "sizes")} />
                <TextArea field={conformField(fields.cpvAreas)} label={t("fields.cpvAreas")} hint={t("fields.cpvAreasHint")} rows={2} />
                <p>
                  <Link to="/organisation/standards" className="text-brand-700 underline">
                    {t("settings.standards")}
                  </Link>
                </p>
              </fieldset>
            ) : null}
            <Field field={conformField(fields.website)} label={t("fields.website")} type="url" />
            <TextArea field={conformField(fields.description)} label={t("fields.description")} />
            <SubmitButton>{t("settings.save")}</SubmitButton>
          </Form>
        ) : (
          <p>{t("settings.readOnly")}</p>
        )}
        {canEdit && organisation.isBuyer ? (
          <OwnDeliveryForm
            organisationId={organisation.id}
            defaults={{
              cpv: organisation.ownDeliveryCpv,
              activities: organisation.ownDeliveryActivities,
              provider: organisation.ownDeliveryProvider,
              standards: organisation.ownDeliveryStandards,
            }}
            lastResult={ownDeliveryResult?.result}
            saved={Boolean(ownDeliveryResult?.saved)}
          />
        ) : null}
      </div>
    </ProblemScope>
  );
}
