import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden } from "~/auth/guards.server";
import { ProblemScope } from "~/components/forms";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import { carriesQuestionnaire } from "~/domain/questionnaire";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound } from "~/http/responses.server";
import { getQuestionnaire, saveQuestionnaire } from "~/models/questionnaires.server";
import { requireBuyersEvent } from "../+shared/buyers-event.server";
import { EventSubpageHeader } from "../+shared/event-subpage-header";
import { QuestionList } from "../+shared/questionnaire/question-list";
import { QuestionnaireEditor } from "./editor";
import { formPath, planFromForm } from "./plan-form";

// The questions vendors answer in their response to an RFI or RFP (issue 17, "answer once"):
// the buyer's members pick them from the question bank and add their own, in order. On a
// published event a change is an amendment with a reason, like a new document version.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

const NOTICES = ["saved", "amended", "unchanged"] as const;

/** The event, when the person acts for its buyer organisation and it carries a questionnaire. */
const buyersEvent = (args: LoaderFunctionArgs | ActionFunctionArgs) => requireBuyersEvent(args, (event) => carriesQuestionnaire(event.kind));

export async function loader(args: LoaderFunctionArgs) {
  const { event } = await buyersEvent(args);
  const params = new URL(args.request.url).searchParams;
  return json({
    event: { id: event.id, title: event.title, published: event.status === "published", open: event.status === "draft" || event.status === "published" },
    questions: await getQuestionnaire(db(), event.id),
    notice: NOTICES.find((n) => params.get(n) === "1") ?? null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { user, event } = await buyersEvent(args);
  const form = await readFormData(args.request);
  const values = submittedValues(form);
  const current = await getQuestionnaire(db(), event.id);
  const parsed = planFromForm(current, form);
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const result = await saveQuestionnaire(db(), user, event.id, parsed.value.plan, { reason: parsed.value.reason, baseUrl: publicBaseUrl() });
  if (result.ok) {
    const notice = !result.value.changed ? "unchanged" : result.value.amendmentId ? "amended" : "saved";
    return redirect(`/events/${event.id}/questionnaire?${notice}=1`);
  }
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden") forbidden(args.request);
  const errors = fieldErrors(result.problems.map((p) => ({ ...p, path: formPath(p.path, parsed.value) })));
  return json({ values, errors }, { status: FAILURE_STATUS[result.reason] });
}

export default function QuestionnairePage() {
  const { event, questions, notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("questionnaire");
  return (
    <ProblemScope first="questionnaire:problems">
      <div className="max-w-3xl space-y-8">
        <EventSubpageHeader eventId={event.id} back={t("page.back")} title={t("page.title", { title: event.title })} lead={t("page.lead")} notice={notice && !reply ? t(`page.${notice}`) : null} />
        <section aria-labelledby="vendors-see" className="space-y-3">
          <h2 id="vendors-see" className="text-xl font-semibold">
            {t("page.vendorsSee")}
          </h2>
          <QuestionList questions={questions} />
        </section>
        {event.open ? <QuestionnaireEditor questions={questions} published={event.published} reply={reply} /> : <p>{t("page.closed")}</p>}
      </div>
    </ProblemScope>
  );
}
