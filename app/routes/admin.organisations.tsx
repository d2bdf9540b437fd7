import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { ConfirmAction, ConfirmDisclosure, FormErrors, SubmitButton, Field, conformField, ProblemScope } from "~/components/forms";
import { RejectOrganisationSchema, VerifyOrganisationSchema } from "~/domain/organisation-forms";
import { formatOrgNumber } from "~/domain/org-number";
import { fixedT } from "~/i18n/i18n";
import { formatDate } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { decideVerification, listOrganisationsForOperator } from "~/models/organisations.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { AdminNav } from "~/components/admin-nav";
import { readFormData } from "~/http/form-data.server";
import { notFound } from "~/http/responses.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Operators only: confirm that buyers are public bodies.
export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const t = fixedT(await getLanguage(args.request), "admin");
  return json({ ...(await listOrganisationsForOperator(db())), title: `${t("organisations.title")} – Markedsdialog` });
}

export async function action(args: ActionFunctionArgs) {
  const operator = requireOperator(args);
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");
  const actor = { userId: operator.id, ip: args.context.ip };
  if (intent === "verify") {
    const submission = parseWithZod(formData, { schema: VerifyOrganisationSchema });
    const form = `verify-${String(formData.get("organisationId"))}`;
    if (submission.status !== "success") return json({ form, result: submission.reply(), done: null }, { status: 400 });
    const decided = await decideVerification(db(), submission.value.organisationId, { decision: "verified", baseUrl: publicBaseUrl() }, actor);
    return outcome(form, submission.reply(), decided, "verified");
  }
  if (intent === "reject") {
    const submission = parseWithZod(formData, { schema: RejectOrganisationSchema });
    const form = `reject-${String(formData.get("organisationId"))}`;
    if (submission.status !== "success") return json({ form, result: submission.reply(), done: null }, { status: 400 });
    const decided = await decideVerification(db(), submission.value.organisationId, { decision: "rejected", reason: submission.value.reason }, actor);
    return outcome(form, submission.reply(), decided, "rejected");
  }
  throw new Response(null, { status: 400 });
}

function outcome(
  form: string,
  result: SubmissionResult<string[]>,
  decided: Awaited<ReturnType<typeof decideVerification>>,
  done: "verified" | "rejected",
) {
  if (decided.ok) return json({ form, result, done });
  if (decided.reason === "not_found") notFound();
  return json({ form, result: { ...result, status: "error" as const, error: { "": ["notABuyer"] } }, done: null }, { status: 400 });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["awaiting"][number];
type ActionData = ReturnType<typeof useActionData<typeof action>>;

export default function AdminOrganisations() {
  const { awaiting, others } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <ProblemScope first="organisations:formErrors">
      <div className="space-y-10">
        <header className="space-y-2">
          <AdminNav />
          <h1 className="text-3xl font-bold">{t("organisations.title")}</h1>
          <p className="text-lg text-slate-700">{t("organisations.lead")}</p>
        </header>
        {actionData?.done ? (
          <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
            {t(`organisations.${actionData.done}`, { name: [...awaiting, ...others].find((o) => actionData.form.endsWith(o.id))?.name ?? "" })}
          </p>
        ) : null}
        <section aria-labelledby="awaiting-title" className="space-y-3">
          <h2 id="awaiting-title" className="text-2xl font-semibold">
            {t("organisations.awaiting")}
          </h2>
          {awaiting.length === 0 ? <p>{t("organisations.awaitingEmpty")}</p> : <OrganisationTable rows={awaiting} actionData={actionData} label={t("organisations.awaiting")} />}
        </section>
        <section aria-labelledby="others-title" className="space-y-3">
          <h2 id="others-title" className="text-2xl font-semibold">
            {t("organisations.others")}
          </h2>
          <OrganisationTable rows={others} actionData={actionData} label={t("organisations.others")} />
        </section>
      </div>
    </ProblemScope>
  );
}

function OrganisationTable({ rows, actionData, label }: { rows: Row[]; actionData: ActionData; label: string }) {
  const { t, i18n } = useTranslation(["admin", "organisations"]);
  return (
    <TableScroll label={label}>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">{t("organisations.name")}</th>
            <th scope="col" className="py-2 pr-4">{t("organisations.identifier")}</th>
            <th scope="col" className="py-2 pr-4">{t("organisations.registered")}</th>
            <th scope="col" className="py-2 pr-4">{t("organisations.status")}</th>
            <th scope="col" className="py-2 pr-4">{t("organisations.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4">
                <Link to={`/organisations/${o.slug}`} className="font-semibold text-brand-700 underline">
                  {o.name}
                </Link>
                <br />
                {[o.isBuyer ? t("organisations:kinds.buyer") : null, o.isVendor ? t("organisations:kinds.vendor") : null].filter(Boolean).join(", ")}
                {o.buyerSector ? ` · ${t(`organisations:sectors.${o.buyerSector}`)}` : ""}
              </td>
              <td className="py-2 pr-4">{o.orgNumber ? formatOrgNumber(o.orgNumber) : `${o.country} ${o.foreignRegistryId ?? ""}`}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDate(o.createdAt, i18n.language as Language)}</td>
              <td className="py-2 pr-4">
                {o.isBuyer ? t(`organisations:verification.${o.verificationStatus}`) : "–"}
                {o.verificationNote ? (
                  <>
                    <br />
                    <span className="text-slate-700">
                      {t("organisations.note")}: {o.verificationNote}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="py-2 pr-4">{o.isBuyer ? <Decision organisation={o} actionData={actionData} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Decision({ organisation, actionData }: { organisation: Row; actionData: ActionData }) {
  const { t } = useTranslation("admin");
  const rejectId = `reject-${organisation.id}`;
  const [form, fields] = useForm({
    id: rejectId,
    lastResult: actionData?.form === rejectId ? (actionData.result as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RejectOrganisationSchema }),
  });
  const rejectForm = (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="reject" />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <FormErrors errors={form.errors} />
      <Field field={conformField(fields.reason)} label={t("organisations.reasonFor", { name: organisation.name })} />
      <ConfirmAction id={`${rejectId}-confirm`} consequence={<p>{t("organisations.rejectConsequence", { name: organisation.name })}</p>} errors={fields.confirm.errors} />
      <SubmitButton variant="danger">{t("organisations.reject")}</SubmitButton>
    </Form>
  );
  const verifyResult = actionData?.form === `verify-${organisation.id}` ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const verifyErrors = [...(verifyResult?.error?.confirm ?? []), ...(verifyResult?.error?.[""] ?? [])];
  return (
    <div className="space-y-3">
      {organisation.verificationStatus !== "verified" ? (
        <ConfirmDisclosure
          id={`verify-${organisation.id}-confirm`}
          variant="primary"
          label={t("organisations.verifyConfirm", { name: organisation.name })}
          summary={t("organisations.verifyFor", { name: organisation.name })}
          consequence={<p>{t("organisations.verifyConsequence", { name: organisation.name })}</p>}
          submit={t("organisations.verify")}
          errors={verifyErrors}
        >
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="organisationId" value={organisation.id} />
        </ConfirmDisclosure>
      ) : null}
      {organisation.verificationStatus === "unverified" ? rejectForm : null}
      {/* A verified buyer is not rejected in passing: withdrawing its verification is a deliberate step, with a reason. */}
      {organisation.verificationStatus === "verified" ? (
        <details open={Boolean(form.errors?.length || fields.reason.errors?.length)}>
          <summary className="cursor-pointer text-sm font-medium text-red-800 underline">{t("organisations.withdrawFor", { name: organisation.name })}</summary>
          <div className="mt-2">{rejectForm}</div>
        </details>
      ) : null}
    </div>
  );
}
