import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { forbidden, requireMember } from "~/auth/guards.server";
import { eventToFormValues } from "~/domain/event-form";
import { submittedValues } from "~/domain/form-entries";
import { problemsOf } from "~/domain/problems";
import { checkPublishable } from "~/domain/publishing";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { eventFormOptions } from "~/models/event-form-options.server";
import { getEvent, toPublishableById } from "~/models/event-reads.server";
import { readFormData } from "~/http/form-data.server";
import { EventForm } from "./+shared/event-editor/event-form";
import { errorsByField, submitEventForm } from "./+shared/event-editor/submit.server";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

async function editableEvent(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const event = await getEvent(db(), args.params.eventId ?? "", member.user);
  // Not the buyer's (or a co-buyer's) event: as if it did not exist.
  if (!event || !event.viewer.canEdit) notFound();
  if (event.status === "closed") forbidden(args.request);
  return { member, event };
}

export async function loader(args: LoaderFunctionArgs) {
  const { member, event } = await editableEvent(args);
  const t = fixedT(await getLanguage(args.request), "eventForm");
  const url = new URL(args.request.url);
  const options = await eventFormOptions(db(), event.buyer.id);
  // After a refused publish from the new-event page: show what is missing, by its field.
  const undertaking = url.searchParams.get("undertaking") === "1";
  const publishable = await toPublishableById(db(), event.id);
  const problems =
    url.searchParams.get("check") === "publish" && event.status === "draft"
      ? problemsOf(checkPublishable({ ...publishable, nonUseUndertaking: publishable.nonUseUndertaking || undertaking }, { buyerVerified: options.buyerVerified, now: new Date() }))
      : [];
  return json({
    title: `${t(event.status === "published" ? "amendTitle" : "editTitle")}: ${event.title} – Markedsdialog`,
    options,
    status: event.status,
    canPublish: event.viewer.canPublish && member.organisation.id === event.buyer.id,
    coBuyersUrl: event.viewer.isLead ? `/events/${event.id}/co-buyers` : null,
    documentsUrl: event.viewer.isLead ? `/events/${event.id}/documents` : null,
    values: { ...eventToFormValues(event), ...(undertaking ? { nonUseUndertaking: "yes" } : {}) },
    problems,
    errors: errorsByField(problems, []),
    // The live checklist beside the form: what the stored draft holds that the form does not post.
    stored: {
      ipTermsGrandfathered: publishable.ipTermsGrandfathered,
      scopeGrandfathered: publishable.scopeGrandfathered,
      contractChoiceGrandfathered: publishable.contractChoiceGrandfathered ?? false,
      nonUseUndertaking: publishable.nonUseUndertaking,
      coBuyers: Object.fromEntries(event.jointDemand.coBuyers.map((c) => [c.organisation.id, c.status])),
      similarPilots: event.similarPilots.map((p) => p.id),
    },
    // "Pilotsyken" (issue 16): earlier pilots on the same need; the pilot step asks why a new one is needed.
    similarPilots: event.similarPilots,
    notice: url.searchParams.get("saved") ? "saved" : url.searchParams.get("amended") ? "amended" : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { member, event } = await editableEvent(args);
  const formData = await readFormData(args.request);
  const outcome = await submitEventForm(db(), { actor: member.user, member, eventId: event.id, formData, baseUrl: publicBaseUrl() });
  if (outcome.ok) {
    if (outcome.published) return redirect(`/events/${event.id}?published=1`);
    return redirect(`/events/${event.id}/edit?${outcome.amended ? "amended" : "saved"}=1`);
  }
  return json({ values: submittedValues(formData), errors: outcome.errors, problems: outcome.problems }, { status: outcome.status });
}

export default function EditEvent() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["eventForm", "eventPage"]);
  const problems = result?.problems ?? data.problems;
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold">{t(data.status === "published" ? "amendTitle" : "editTitle")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
        {data.coBuyersUrl ? (
          <p>
            <Link to={data.coBuyersUrl} className="text-brand-700 underline hover:text-brand-800">
              {t("coBuyersLink")}
            </Link>
          </p>
        ) : null}
        {data.documentsUrl ? (
          <p>
            <Link to={data.documentsUrl} className="text-brand-700 underline hover:text-brand-800">
              {t("eventPage:documents.manage")}
            </Link>
          </p>
        ) : null}
      </div>
      <EventForm
        values={result?.values ?? data.values}
        errors={result?.errors ?? data.errors}
        problems={problems}
        mode={data.status === "published" ? "published" : "draft"}
        canPublish={data.canPublish}
        buyerVerified={data.options.buyerVerified}
        standards={data.options.standards}
        ownDeliveryCpv={data.options.ownDeliveryCpv}
        coBuyerOptions={data.options.coBuyerOptions}
        costBenefitOptions={data.options.costBenefitOptions}
        quarters={data.options.quarters}
        similarPilots={data.similarPilots}
        notice={!result && data.notice ? t(data.notice) : null}
        checklist={{
          buyerVerified: data.options.buyerVerified,
          standardCodes: data.options.standards.map((s) => s.code),
          ownDeliveryCpv: data.options.ownDeliveryCpv,
          stored: data.stored,
        }}
      />
    </div>
  );
}

