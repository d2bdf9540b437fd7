import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { submittedValues } from "~/domain/form-entries";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { eventFormOptions } from "~/models/event-form-options.server";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { EventForm } from "./+shared/event-editor/event-form";
import { submitEventForm } from "./+shared/event-editor/submit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of a buyer organisation create market dialogues.
export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "eventForm");
  const options = await eventFormOptions(db(), member.organisation.id);
  const kind = new URL(args.request.url).searchParams.get("kind") ?? "";
  return json({ title: `${t("newTitle")} – Markedsdialog`, options, values: { kind, "effort.level": "none" } });
}

export async function action(args: ActionFunctionArgs) {
  const member = await requireMember(args, { kind: "buyer" });
  const formData = await readFormData(args.request);
  const outcome = await submitEventForm(db(), { actor: member.user, member, eventId: null, formData, baseUrl: publicBaseUrl() });
  if (outcome.ok) {
    return redirect(outcome.published ? `/events/${outcome.id}?published=1` : `/events/${outcome.id}/edit?saved=1`);
  }
  // The draft exists but may not be published yet: show what is missing on its own page.
  // A ticked non-use undertaking is not saved with a draft: the page ticks it again.
  if (outcome.id) return redirect(`/events/${outcome.id}/edit?check=publish${formData.get("nonUseUndertaking") === "yes" ? "&undertaking=1" : ""}`);
  return json({ values: submittedValues(formData), errors: outcome.errors, problems: outcome.problems }, { status: outcome.status });
}

export default function NewEvent() {
  const { options, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("eventForm");
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
      </div>
      <EventForm
        values={result?.values ?? values}
        errors={result?.errors ?? {}}
        problems={result?.problems ?? []}
        mode="new"
        canPublish
        buyerVerified={options.buyerVerified}
        standards={options.standards}
        ownDeliveryCpv={options.ownDeliveryCpv}
        coBuyerOptions={options.coBuyerOptions}
        costBenefitOptions={options.costBenefitOptions}
        quarters={options.quarters}
        checklist={{ buyerVerified: options.buyerVerified, standardCodes: options.standards.map((s) => s.code), ownDeliveryCpv: options.ownDeliveryCpv }}
      />
    </div>
  );
}
