import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { Field, FormErrors, Notice, ProblemScope, Select, SubmitButton, recordField } from "~/components/forms";
import { AcceptCoBuyingSchema, InviteCoBuyerSchema } from "~/domain/co-buyer-forms";
import { inputProblems } from "~/domain/event-input";
import { text, submittedValues } from "~/domain/form-entries";
import { fieldErrors, type Problem } from "~/domain/problems";
import { fail, type Result } from "~/domain/result";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readFormData } from "~/http/form-data.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { notFound, notFoundUnless } from "~/http/responses.server";
import {
  answerInvitation,
  askToJoin,
  coBuyingChoicesFor,
  decideJoinRequest,
  invitableBuyers,
  inviteCoBuyer,
  removeCoBuyer,
  setOpenToJoin,
} from "~/models/co-buyers.server";
import { getEvent } from "~/models/event-reads.server";
import { JointDemandSection, ShareFields, type CoBuyingReply } from "./+shared/joint-demand/joint-demand-section";

// Co-buyers of one event (issue 19): the lead's members invite buyers, remove invitations, take in
// or decline requests to join and keep the event open to join; an invited organisation's admins
// accept or decline; another buyer's admins ask to join. Each model call checks who may do it.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} – Markedsdialog` : "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const event = notFoundUnless(await getEvent(db(), args.params.eventId ?? "", user));
  const [choices, invitable] = await Promise.all([
    coBuyingChoicesFor(db(), user, event),
    event.viewer.isLead ? invitableBuyers(db(), event.id, event.buyer.id) : Promise.resolve([]),
  ]);
  const saved = new URL(args.request.url).searchParams.get("saved") === "1";
  return json({ event, choices, invitable, saved });
}

const INTENTS = ["invite", "remove", "decide", "open", "answer", "join"] as const;

/** The form's text fields, empty ones left out (an optional share not given). */
function filled(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, text(form, n)]).filter(([, v]) => v !== ""));
}

const invalid = (problems: Problem[]) => fail("invalid", problems);

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const eventId = args.params.eventId ?? "";
  const form = await readFormData(args.request);
  const intent = text(form, "intent");
  const organisationId = text(form, "organisationId");
  const options = { baseUrl: publicBaseUrl() };
  let result: Result<unknown>;
  if (intent === "invite") {
    const input = InviteCoBuyerSchema.safeParse(filled(form, ["organisationId", "shareKind", "shareValue"]));
    result = input.success ? await inviteCoBuyer(db(), user, eventId, input.data, options) : invalid(inputProblems(input.error));
  } else if (intent === "answer" || intent === "join") {
    const decline = intent === "answer" && text(form, "answer") === "decline";
    const input = AcceptCoBuyingSchema.safeParse(filled(form, ["shareKind", "shareValue", "expectationStatus"]));
    if (decline) result = await answerInvitation(db(), user, eventId, organisationId, { decline: true });
    else if (!input.success) result = invalid(inputProblems(input.error));
    else if (intent === "answer") result = await answerInvitation(db(), user, eventId, organisationId, { accept: input.data });
    else result = await askToJoin(db(), user, eventId, organisationId, input.data, options);
  } else if (intent === "remove") {
    result = await removeCoBuyer(db(), user, eventId, organisationId);
  } else if (intent === "decide") {
    result = await decideJoinRequest(db(), user, eventId, organisationId, text(form, "decision") === "accept");
  } else if (intent === "open") {
    const until = text(form, "openToJoinUntil");
    result = /^\d{4}-\d{2}-\d{2}$/.test(until) || until === "" ? await setOpenToJoin(db(), user, eventId, until || null) : invalid([{ path: "openToJoinUntil", code: "invalid_date" }]);
  } else {
    result = invalid([{ path: "", code: "invalid_value" }]);
  }
  if (!result.ok && result.reason === "not_found") notFound();
  if (!result.ok && result.reason === "forbidden" && result.problems.length === 0) forbidden(args.request);
  if (result.ok) return redirect(`/events/${eventId}/co-buyers?saved=1`);
  const reply: CoBuyingReply = {
    intent: (INTENTS as readonly string[]).includes(intent) ? intent : "",
    organisationId: intent === "join" ? "" : organisationId,
    values: submittedValues(form),
    errors: fieldErrors(result.problems),
  };
  return json(reply, { status: FAILURE_STATUS[result.reason] });
}

export default function CoBuyersPage() {
  const { event, choices, invitable, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() ?? null;
  const [params] = useSearchParams();
  const { t } = useTranslation(["eventPage", "events"]);
  const fieldOf = (intent: string) => (name: string) =>
    recordField(name, reply?.intent === intent ? { values: reply.values, errors: reply.errors } : { values: {}, errors: {} }, (n) => `${intent}-${n}`);
  const lead = event.viewer.isLead;
  const rowError = (organisationId: string) => (reply && reply.organisationId === organisationId && (reply.intent === "remove" || reply.intent === "decide") ? Object.values(reply.errors).flat() : undefined);
  return (
    <ProblemScope first="events:problems">
      <div className="max-w-3xl space-y-8">
        <p>
          <Link to={`/events/${event.id}`} className="text-brand-700 underline hover:text-brand-800">
            {t("joint.page.back")}
          </Link>
        </p>
        <h1 className="break-words text-3xl font-bold">{t("joint.page.title", { title: event.title })}</h1>
        {saved && params.get("saved") ? <Notice>{t("joint.page.saved")}</Notice> : null}
        <JointDemandSection event={event} choices={choices} reply={reply} canManage={false} />

        {lead && event.jointDemand.coBuyers.length ? (
          <ul className="space-y-2">
            {event.jointDemand.coBuyers.map((c) => (
              <li key={c.organisation.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3">
                <span className="font-semibold">{c.organisation.name}</span>
                <span className="text-sm text-slate-700">{t(`joint.statuses.${c.status}`)}</span>
                {c.status === "requested" ? (
                  <Form method="post" className="flex flex-wrap gap-2">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="organisationId" value={c.organisation.id} />
                    <SubmitButton name="decision" value="accept">
                      {t("joint.page.acceptRequest")}
                    </SubmitButton>
                    <SubmitButton name="decision" value="decline" variant="danger">
                      {t("joint.page.declineRequest")}
                    </SubmitButton>
                  </Form>
                ) : null}
                {c.status !== "accepted" || event.status === "draft" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="organisationId" value={c.organisation.id} />
                    <SubmitButton variant="danger">{t("joint.page.remove")}</SubmitButton>
                  </Form>
                ) : null}
                <FormErrors errors={rowError(c.organisation.id)} />
              </li>
            ))}
          </ul>
        ) : null}

        {lead && event.status !== "closed" ? (
          <>
            <Form method="post" className="space-y-3 rounded border border-slate-300 bg-white p-4">
              <fieldset className="space-y-3">
                <legend className="text-xl font-semibold">{t("joint.page.inviteHeading")}</legend>
                <p className="text-sm text-slate-700">{t("joint.page.inviteHint")}</p>
                <FormErrors errors={reply?.intent === "invite" ? reply.errors[""] : undefined} />
                <input type="hidden" name="intent" value="invite" />
                <Select field={fieldOf("invite")("organisationId")} label={t("joint.fields.organisationId")} placeholder="" options={invitable.map((o) => ({ value: o.id, label: o.name }))} />
                <ShareFields fieldOf={fieldOf("invite")} withExpectation={false} />
              </fieldset>
              <SubmitButton>{t("joint.page.invite")}</SubmitButton>
            </Form>
            <Form method="post" className="space-y-3 rounded border border-slate-300 bg-white p-4">
              <fieldset className="space-y-3">
                <legend className="text-xl font-semibold">{t("joint.page.openHeading")}</legend>
                <input type="hidden" name="intent" value="open" />
                <Field
                  type="date"
                  field={{ ...fieldOf("open")("openToJoinUntil"), value: reply?.intent === "open" ? fieldOf("open")("openToJoinUntil").value : (event.jointDemand.openToJoinUntil ?? "") }}
                  label={t("joint.fields.openToJoinUntil")}
                  hint={t("joint.fields.openToJoinHint")}
                />
              </fieldset>
              <SubmitButton>{t("joint.page.saveOpen")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </div>
    </ProblemScope>
  );
}
