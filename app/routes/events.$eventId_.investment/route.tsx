import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, getUser, requireVerifiedUser } from "~/auth/guards.server";
import { conformField, formFields, FormErrors, Notice, NumberField, ProblemScope, SubmitButton, TextArea } from "~/components/forms";
import type { FigureSpread, VendorInvestment } from "~/domain/pilot-investment";
import { InvestmentCorrectionSchema } from "~/domain/pilot-investment-forms";
import { fieldErrors } from "~/domain/problems";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound, notFoundUnless } from "~/http/responses.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { formatNok } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { correctInvestment, getInvestmentPage } from "~/models/pilot-investment.server";

// The vendors' own expected investment in a pilot (issue 16): the buyer's figure, how many
// registered vendors corrected it and the spread (public), who said what (the buyer's members),
// and a form for each registered vendor organisation of the viewer to correct it for itself.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" }];

const parse = (formData: FormData) => parseWithZod(formFields(formData, { kroner: ["nok"] }), { schema: InvestmentCorrectionSchema });

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const page = notFoundUnless(await getInvestmentPage(db(), args.params.eventId ?? "", user?.id ?? null));
  const t = fixedT(await getLanguage(args.request), "pilots");
  const saved = new URL(args.request.url).searchParams.get("saved") === "1";
  return json({ ...page, title: t("investment.title", { title: page.event.title }), saved });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const formData = await readFormData(args.request);
  const submission = parse(formData);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await correctInvestment(db(), user.id, args.params.eventId ?? "", submission.value);
  if (result.ok) return redirect(`/events/${args.params.eventId}/investment?saved=1`);
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden") forbidden(args.request);
  return json(submission.reply({ fieldErrors: fieldErrors(result) }), { status: FAILURE_STATUS[result.reason] });
}

function useFigures() {
  const { t, i18n } = useTranslation("pilots");
  const nok = (n: number) => formatNok(n, i18n.language as Language);
  const hours = (n: number) => t("investment.hoursValue", { count: n });
  return {
    one: (i: VendorInvestment) => [i.hours === null ? null : hours(i.hours), i.nok === null ? null : nok(i.nok)].filter(Boolean).join(", ") || "–",
    spread: (s: FigureSpread | null, format: (n: number) => string) => (s ? `${format(s.median)} (${format(s.min)}–${format(s.max)}, n = ${s.count})` : "–"),
    hours,
    nok,
  };
}

export default function InvestmentPage() {
  const { event, stated, summary, corrections, mine, title, saved } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const f = useFigures();
  return (
    <ProblemScope first="forms">
      <article className="space-y-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p>
            <Link to={`/events/${event.id}`} className="text-brand-800 underline">
              {t("backToEvent")}
            </Link>
            {" · "}
            <Link to={`/buyers/${event.buyer.slug}`} className="text-brand-800 underline">
              {event.buyer.name}
            </Link>
          </p>
          {saved ? <Notice>{t("investment.saved")}</Notice> : null}
        </header>
        <section aria-labelledby="investment-figures" className="max-w-prose space-y-2">
          <h2 id="investment-figures" className="text-xl font-semibold">
            {t("investment.figures")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">{t("investment.stated")}</dt>
            <dd data-testid="investment-stated">{f.one(stated)}</dd>
            <dt className="font-medium">{t("investment.corrections")}</dt>
            <dd data-testid="investment-count">{summary.count}</dd>
            <dt className="font-medium">{t("investment.hoursSpread")}</dt>
            <dd>{f.spread(summary.hours, f.hours)}</dd>
            <dt className="font-medium">{t("investment.nokSpread")}</dt>
            <dd>{f.spread(summary.nok, f.nok)}</dd>
          </dl>
          <p className="text-sm text-slate-600">{t("investment.explained")}</p>
        </section>
        {corrections ? (
          <section aria-labelledby="investment-by-vendor" className="space-y-2">
            <h2 id="investment-by-vendor" className="text-xl font-semibold">
              {t("investment.byVendor")}
            </h2>
            {corrections.length === 0 ? (
              <p>{t("investment.none")}</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5" data-testid="investment-by-vendor">
                {corrections.map((c) => (
                  <li key={c.organisationId}>
                    <span className="font-medium">{c.organisationName}</span>: {f.one(c)}
                    {c.note ? <span className="block text-sm text-slate-700">{c.note}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
        {mine.map((o) => (
          <CorrectionForm key={o.id} organisation={o} />
        ))}
      </article>
    </ProblemScope>
  );
}

function CorrectionForm({ organisation }: { organisation: { id: string; name: string; correction: (VendorInvestment & { note: string | null }) | null } }) {
  const { t } = useTranslation("pilots");
  const reply = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const c = organisation.correction;
  const [form, fields] = useForm({
    id: `investment-${organisation.id}`,
    defaultValue: { organisationId: organisation.id, hours: c?.hours?.toString() ?? "", nok: c?.nok?.toString() ?? "", note: c?.note ?? "" },
    lastResult: reply,
    onValidate: ({ formData }) => parse(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const headingId = `investment-form-${organisation.id}`;
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={headingId} className="max-w-3xl space-y-4 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {t("investment.formHeading", { organisation: organisation.name })}
      </h2>
      <p className="text-slate-700">{t("investment.formExplained")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <FormErrors id={fields.organisationId.errorId} errors={fields.organisationId.errors} />
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField field={conformField(fields.hours)} label={t("investment.hours")} />
        <NumberField field={conformField(fields.nok)} label={t("investment.nok")} />
      </div>
      <TextArea field={conformField(fields.note)} label={t("investment.note")} rows={3} />
      <SubmitButton>{t(c ? "investment.update" : "investment.submit")}</SubmitButton>
    </Form>
  );
}
