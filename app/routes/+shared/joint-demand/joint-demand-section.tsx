import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors, NumberField, Select, SubmitButton, recordField, type Errors, type Values } from "~/components/forms";
import { SHARE_KINDS, type CoBuyerStatus, type ShareKind } from "~/domain/co-buyers";
import { EXPECTATION_STATUSES } from "~/domain/events";
import { formatDate, formatNok, formatNokRangeMillions, formatNumber, formatPercent } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// Joint demand (issue 19) on the event page and the co-buyers page: the combined frame, each
// buyer's share and answer, "open to join until", and the forms to answer an invitation or ask
// to join. The forms post to /events/:id/co-buyers, which shows its own page on a refusal.

export interface JointDemandView {
  id: string;
  buyer: { id: string; name: string; slug: string };
  expectation: { budgetMinNok: number | null; budgetMaxNok: number | null; quantity: number | null; unit: string | null } | null;
  jointDemand: {
    coBuyers: {
      organisation: { id: string; name: string; slug: string };
      status: CoBuyerStatus;
      share: { kind: ShareKind; value: number } | null;
      expectationStatus: string | null;
      shareOfFrame: { minNok: number | null; maxNok: number } | null;
    }[];
    leadFraction: number | null;
    openToJoinUntil: string | null;
    openToJoin: boolean;
  };
}

export interface CoBuyingChoices {
  answerFor: { id: string; name: string }[];
  joinAs: { id: string; name: string }[];
}

export interface CoBuyingReply {
  intent: string;
  organisationId: string;
  values: Values;
  errors: Errors;
}

export function useShareText() {
  const { t, i18n } = useTranslation("eventPage");
  const language = i18n.language as Language;
  return (share: { kind: ShareKind; value: number }, unit: string | null) =>
    t(`joint.shareValue.${share.kind}`, { value: share.kind === "budget_nok" ? formatNok(share.value, language) : formatNumber(share.value, language), unit: unit ?? "" });
}

/** Share kind, value and expectation status: what accepting or asking to join states. */
export function ShareFields({ fieldOf, withExpectation }: { fieldOf: (name: string) => ReturnType<typeof recordField>; withExpectation: boolean }) {
  const { t } = useTranslation(["eventPage", "events"]);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Select field={fieldOf("shareKind")} label={t("joint.fields.shareKind")} placeholder="" options={SHARE_KINDS.map((k) => ({ value: k, label: t(`joint.shareKinds.${k}`) }))} />
      <NumberField field={fieldOf("shareValue")} label={t("joint.fields.shareValue")} inputProps={{ min: 1, step: 1 }} />
      {withExpectation ? (
        <Select
          field={fieldOf("expectationStatus")}
          label={t("joint.fields.expectationStatus")}
          placeholder=""
          options={EXPECTATION_STATUSES.map((s) => ({ value: s, label: t(`expectation.statuses.${s}`) }))}
        />
      ) : null}
    </div>
  );
}

/** The section on the event page, and the list on the co-buyers page. */
export function JointDemandSection({ event, choices, reply, canManage }: { event: JointDemandView; choices: CoBuyingChoices; reply?: CoBuyingReply | null; canManage: boolean }) {
  const { t, i18n } = useTranslation(["eventPage", "events"]);
  const language = i18n.language as Language;
  const shareText = useShareText();
  const { jointDemand } = event;
  if (jointDemand.coBuyers.length === 0 && !jointDemand.openToJoinUntil && choices.answerFor.length === 0 && !canManage) return null;
  const frame = event.expectation ? formatNokRangeMillions(event.expectation.budgetMinNok, event.expectation.budgetMaxNok, language) : null;
  const fieldsFor = (intent: string, organisationId: string) => (name: string) =>
    recordField(
      name,
      reply && reply.intent === intent && reply.organisationId === organisationId ? { values: reply.values, errors: reply.errors } : { values: {}, errors: {} },
      (n) => `${intent}-${organisationId}-${n}`,
    );
  const errorsFor = (intent: string, organisationId: string) => (reply && reply.intent === intent && reply.organisationId === organisationId ? (reply.errors[""] ?? reply.errors.organisationId ?? reply.errors.status) : undefined);
  return (
    <section aria-labelledby="joint-title" className="space-y-3" id="joint">
      <h2 id="joint-title" className="text-xl font-semibold">
        {t("joint.heading")}
      </h2>
      {jointDemand.coBuyers.length ? (
        <>
          <p className="max-w-prose text-slate-700">{t("joint.intro")}</p>
          {frame ? (
            <p>
              <span className="font-medium">{t("joint.combinedFrame")}:</span> {frame}
            </p>
          ) : null}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            <li className="p-3">
              <span className="font-semibold">{t("joint.lead", { name: event.buyer.name })}</span>
              {jointDemand.leadFraction !== null ? <span className="block text-slate-700">{t("joint.leadShare", { share: formatPercent(jointDemand.leadFraction, language) })}</span> : null}
            </li>
            {jointDemand.coBuyers.map((c) => (
              <li key={c.organisation.id} className="p-3">
                <Link to={`/organisations/${c.organisation.slug}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
                  {c.organisation.name}
                </Link>{" "}
                <span className="text-sm text-slate-700">· {t(`joint.statuses.${c.status}`)}</span>
                <span className="block text-slate-800">
                  {c.share ? `${t("joint.share")}: ${shareText(c.share, event.expectation?.unit ?? null)}` : t("joint.noShare")}
                  {c.shareOfFrame ? ` (${t("joint.shareOfFrame", { range: formatNokRangeMillions(c.shareOfFrame.minNok, c.shareOfFrame.maxNok, language) })})` : ""}
                  {c.expectationStatus ? ` · ${t("joint.expectation")}: ${t(`expectation.statuses.${c.expectationStatus}`)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        // No co-buyer yet: the buyer's own frame is already at the top of the page.
        <p className="text-slate-700">{t("joint.none")}</p>
      )}
      {jointDemand.openToJoinUntil ? (
        <p className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
          {t(jointDemand.openToJoin ? "joint.openUntil" : "joint.openClosed", { date: formatDate(jointDemand.openToJoinUntil, language) })}
        </p>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/events/${event.id}/co-buyers`} className="text-brand-700 underline hover:text-brand-800">
            {t("joint.manage")}
          </Link>
        </p>
      ) : null}
      {choices.answerFor.map((o) => (
        <Form key={o.id} method="post" action={`/events/${event.id}/co-buyers`} className="space-y-3 rounded border border-slate-300 bg-white p-4">
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("joint.answerHeading", { name: o.name })}</legend>
            <p className="text-sm text-slate-700">{t("joint.answerHint")}</p>
            <FormErrors errors={errorsFor("answer", o.id)} />
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="organisationId" value={o.id} />
            <ShareFields fieldOf={fieldsFor("answer", o.id)} withExpectation />
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <SubmitButton name="answer" value="accept">
              {t("joint.accept")}
            </SubmitButton>
            <SubmitButton name="answer" value="decline" variant="danger">
              {t("joint.decline")}
            </SubmitButton>
          </div>
        </Form>
      ))}
      {choices.joinAs.length ? (
        <Form method="post" action={`/events/${event.id}/co-buyers`} className="space-y-3 rounded border border-slate-300 bg-white p-4">
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("joint.joinHeading")}</legend>
            <FormErrors errors={errorsFor("join", "")} />
            <input type="hidden" name="intent" value="join" />
            <Select field={fieldsFor("join", "")("organisationId")} label={t("joint.joinAs")} options={choices.joinAs.map((o) => ({ value: o.id, label: o.name }))} />
            <ShareFields fieldOf={fieldsFor("join", "")} withExpectation />
          </fieldset>
          <SubmitButton>{t("joint.join")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
