import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { DeclineSchema, RegistrationSchema } from "~/domain/participation-input";
import { ConfirmAction, FieldErrors, FormErrors, SubmitButton, inputClass } from "~/components/forms";
import { lastResult, type ParticipationReply, type ParticipationView } from "./participation-view";

// The aside: the count and the vendor's registration, withdrawal and decline.

export function RegistrationPanel({ view, reply, eventId }: { view: ParticipationView; reply: ParticipationReply; eventId: string }) {
  const { t } = useTranslation(["participation"]);
  const { counts, capacity } = view;
  const left = capacity === null ? null : Math.max(capacity - counts.registered, 0);
  return (
    <section id="participation" aria-labelledby="participation-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="participation-title" className="text-xl font-semibold">
        {t("counts.heading")}
      </h2>
      <ul className="space-y-1">
        <li>{t("counts.registered", { count: counts.registered })}</li>
        {counts.waitlisted > 0 ? <li>{t("counts.waitlisted", { count: counts.waitlisted })}</li> : null}
        {left !== null ? <li>{left > 0 ? t("counts.placesLeft", { count: left }) : t("counts.full")}</li> : null}
        {view.attendeeLimit !== null ? <li>{t("counts.attendeeLimit", { count: view.attendeeLimit })}</li> : null}
      </ul>
      {view.published ? <VendorPart view={view} reply={reply} eventId={eventId} /> : null}
    </section>
  );
}

function VendorPart({ view, reply, eventId }: { view: ParticipationView; reply: ParticipationReply; eventId: string }) {
  const { t } = useTranslation(["participation"]);
  if (view.buyer) return null;
  if (!view.signedIn) {
    return (
      <p>
        {t("register.signIn")}{" "}
        <Link to={`/login?redirectTo=${encodeURIComponent(`/events/${eventId}`)}`} className="font-semibold text-brand-700 underline">
          {t("register.signInLink")}
        </Link>
      </p>
    );
  }
  const vendor = view.vendor;
  if (!vendor) return <p className="text-slate-700">{t("register.notVendor")}</p>;
  const registration = vendor.registration;
  return (
    <div className="space-y-4">
      {registration ? (
        <p role="status" className="rounded bg-brand-50 p-2">
          {t("register.current", { organisationName: vendor.organisation.name, status: t(`status.${registration.status}`) })}
          {registration.waitlistPosition !== null ? ` ${t("register.waitlistPosition", { position: registration.waitlistPosition })}` : ""}
        </p>
      ) : null}
      {registration?.status === "declined" && registration.declineReason ? <p className="text-slate-700">{t("register.declined", { reason: registration.declineReason })}</p> : null}
      {view.open ? (
        <>
          <RegisterForm vendor={vendor} reply={reply} />
          {vendor.takesPart ? <WithdrawForm organisationId={vendor.organisation.id} reply={reply} /> : null}
          {registration?.status !== "declined" ? <DeclineForm organisationId={vendor.organisation.id} reply={reply} /> : null}
        </>
      ) : (
        <p className="text-slate-700">{t("register.closed")}</p>
      )}
      {vendor.others ? <OtherParticipants others={vendor.others} /> : null}
    </div>
  );
}

function RegisterForm({ vendor, reply }: { vendor: NonNullable<ParticipationView["vendor"]>; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const registration = vendor.takesPart ? vendor.registration : null;
  const [form, fields] = useForm({
    id: "participation-register",
    lastResult: lastResult(reply, "register"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const attendeesError = fields.attendees.errors?.length ? fields.attendees.errorId : undefined;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-labelledby="register-title">
      <h3 id="register-title" className="font-semibold">
        {registration ? t("register.changeHeading") : t("register.heading", { organisationName: vendor.organisation.name })}
      </h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="register" />
      <input type="hidden" name="organisationId" value={vendor.organisation.id} />
      <fieldset aria-describedby={["attendees-hint", attendeesError].filter(Boolean).join(" ")}>
        <legend className="font-medium">{t("register.attendees")}</legend>
        <p id="attendees-hint" className="text-sm text-slate-600">
          {t("register.attendeesHint")}
        </p>
        <div className="mt-1 space-y-1">
          {vendor.members.map((m) => (
            <label key={m.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="attendees"
                value={m.id}
                defaultChecked={registration ? registration.attendeeIds.includes(m.id) : vendor.members.length === 1}
                className="h-4 w-4"
              />
              {m.name}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.attendees.errorId} errors={fields.attendees.errors} />
      </fieldset>
      <div>
        <label htmlFor={fields.note.id} className="block font-medium">
          {t("register.note")}
        </label>
        <textarea {...getTextareaProps(fields.note)} key={fields.note.key} defaultValue={registration?.note ?? ""} rows={3} className={inputClass} />
        <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="shareAttendees" defaultChecked={registration?.shareAttendees ?? false} className="mt-1 h-4 w-4" />
        <span>{t("register.share")}</span>
      </label>
      <SubmitButton>{registration ? t("register.update") : t("register.submit")}</SubmitButton>
    </Form>
  );
}

function WithdrawForm({ organisationId, reply }: { organisationId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const errors = lastResult(reply, "withdraw")?.error?.[""] ?? undefined;
  return (
    <Form method="post" className="space-y-2 border-t border-slate-200 pt-3">
      <FormErrors id="withdraw-errors" errors={errors} />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="organisationId" value={organisationId} />
      <ConfirmAction id="withdraw-confirm" consequence={<p>{t("register.withdrawHint")}</p>} errors={lastResult(reply, "withdraw")?.error?.confirm} />
      <SubmitButton variant="secondary">{t("register.withdraw")}</SubmitButton>
    </Form>
  );
}

function DeclineForm({ organisationId, reply }: { organisationId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const result = lastResult(reply, "decline");
  const [form, fields] = useForm({
    id: "participation-decline",
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <details className="border-t border-slate-200 pt-3" open={result !== undefined}>
      <summary className="cursor-pointer font-medium text-brand-700">{t("register.decline.summary")}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="organisationId" value={organisationId} />
        <div>
          <label htmlFor={fields.reason.id} className="block font-medium">
            {t("register.decline.reason")}
          </label>
          <p id={`${fields.reason.id}-hint`} className="text-sm text-slate-600">
            {t("register.decline.reasonHint")}
          </p>
          <textarea {...getTextareaProps(fields.reason, { ariaDescribedBy: `${fields.reason.id}-hint` })} key={fields.reason.key} rows={3} className={inputClass} />
          <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <SubmitButton variant="secondary">{t("register.decline.submit")}</SubmitButton>
      </Form>
    </details>
  );
}

function OtherParticipants({ others }: { others: { organisationName: string; attendees: string[] }[] }) {
  const { t } = useTranslation(["participation"]);
  return (
    <div className="border-t border-slate-200 pt-3">
      <h3 className="font-semibold">{t("others.heading")}</h3>
      <p className="text-sm text-slate-700">{t("others.lead")}</p>
      {others.length === 0 ? (
        <p className="text-slate-700">{t("others.none")}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {others.map((o) => (
            <li key={o.organisationName}>
              {o.organisationName}
              {o.attendees.length ? `: ${o.attendees.join(", ")}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
