import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { forbidden, getUser, requireVerifiedUser } from "~/auth/guards.server";
import { ExpectationSummary } from "~/components/expectation-summary";
import { ParticipantsSection, QuestionsSection, RegistrationPanel, type ParticipationReply, type ParticipationView } from "~/components/participation";
import { Markdown, markdownToPlainText } from "~/components/markdown";
import { totalMonths } from "~/domain/contract";
import { cpvEntry } from "~/domain/cpv";
import { OutcomeSchema } from "~/domain/event-input";
import { NOT_PROCURED_REASONS, parseQuarter } from "~/domain/events";
import { formatDate, formatDateTime, formatNok, formatNokRangeMillions, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { closeEvent, recordOutcome } from "~/models/event-lifecycle.server";
import { getEvent } from "~/models/event-reads.server";
import type { Failure } from "~/models/event-access.server";
import { getMembership } from "~/models/memberships.server";
import { listStandards, listVendorChoices } from "~/models/organisations.server";
import { hasCalendarDates } from "~/utils/event-calendar";
import { expectationText } from "~/utils/event-text";
import { DONE, isParticipationIntent, participationAction, participationData } from "~/utils/participation-page.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.event.title} – Markedsdialog` },
        { name: "description", content: data.metaDescription },
      ]
    : [{ title: "Markedsdialog" }];

const SAVED = ["closed", "outcome"] as const;

// Published and closed events are public; a draft only for its buyer's and co-buyers' members (else 404).
export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const event = await getEvent(db(), args.params.eventId ?? "", user);
  if (!event) throw new Response(null, { status: 404, statusText: "Not Found" });
  const language = await getLanguage(args.request);
  // Closing and recording the outcome are the buyer's: members of the buyer organisation.
  const isBuyerMember = user ? (await getMembership(db(), user.id, event.buyer.id)) !== null : false;
  const mayManage = isBuyerMember && event.status !== "draft" && event.outcome === null;
  const [standards, vendors] = await Promise.all([
    event.standards.length ? listStandards(db()) : Promise.resolve([]),
    mayManage ? listVendorChoices(db()) : Promise.resolve([]),
  ]);
  const participation = await participationData(event.id, user);
  const saved = new URL(args.request.url).searchParams.get("saved");
  const done = new URL(args.request.url).searchParams.get("done");
  const summary = markdownToPlainText(event.description ?? "").replace(/\s+/g, " ");
  return json({
    event,
    standardNames: Object.fromEntries(standards.filter((s) => event.standards.some((e) => e.code === s.code)).map((s) => [s.code, s.name])),
    manage: mayManage ? { canClose: event.status === "published", vendors } : null,
    hasCalendar: hasCalendarDates(event),
    saved: SAVED.find((s) => s === saved) ?? null,
    done: DONE.find((d) => d === done) ?? null,
    participation,
    metaDescription: `${expectationText(event.expectation, language)}. ${summary.length > 160 ? `${summary.slice(0, 157)}…` : summary}`,
  });
}

type FormName = "close" | "procured" | "not_procured" | "withdrawn";

/** The outcome forms' fields through OutcomeSchema, on the server and in the browser alike. */
function parseOutcome(formData: FormData) {
  const fields = new FormData();
  for (const [key, value] of formData) {
    if (key === "intent") continue;
    // Kroner as people write them: "4 500 000" is 4500000.
    fields.append(key, key === "contractValueNok" && typeof value === "string" ? value.replace(/[\s\u00a0\u202f.]/g, "") : value);
  }
  return parseWithZod(fields, { schema: OutcomeSchema });
}

function reply(form: FormName, result: SubmissionResult<string[]>, status = 400) {
  return json({ form, result }, { status });
}

/** A model's refusal, said beside the field it concerns or above the form. */
function refusal(failure: Failure, request: Request): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  if (failure.reason === "not_found") throw new Response(null, { status: 404, statusText: "Not Found" });
  if (failure.reason === "forbidden") forbidden(request);
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const { path, code } of failure.problems) {
    if (path === "winningVendorId") (fieldErrors[path] ??= []).push(code);
    else formErrors.push(code);
  }
  return { fieldErrors, formErrors };
}

// Close (intent=close) and record the outcome (intent=outcome): the buyer's members only.
// Registration, questions and answers (participation intents): see participation-page.server.ts.
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const id = args.params.eventId ?? "";
  const event = await getEvent(db(), id, user);
  if (!event) throw new Response(null, { status: 404, statusText: "Not Found" });
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");
  if (isParticipationIntent(intent)) return participationAction(args, intent, formData);
  if (!(await getMembership(db(), user.id, event.buyer.id))) forbidden(args.request);

  if (intent === "close") {
    const closed = await closeEvent(db(), user, id);
    if (!closed.ok) {
      return reply("close", { status: "error", error: { "": refusal(closed, args.request).formErrors } }, closed.reason === "conflict" ? 409 : 400);
    }
    return redirect(`/events/${id}?saved=closed`);
  }
  if (intent === "outcome") {
    const outcome = formData.get("outcome");
    const form: FormName = outcome === "procured" || outcome === "not_procured" || outcome === "withdrawn" ? outcome : "procured";
    const submission = parseOutcome(formData);
    if (submission.status !== "success") return reply(form, submission.reply());
    const recorded = await recordOutcome(db(), user, id, submission.value);
    if (!recorded.ok) return reply(form, submission.reply(refusal(recorded, args.request)), recorded.reason === "conflict" ? 409 : 400);
    return redirect(`/events/${id}?saved=outcome`);
  }
  throw new Response(null, { status: 400, statusText: "Bad Request" });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Event = Data["event"];

// --- Presentation helpers ----------------------------------------------------------------

function Time({ value, language, dateOnly = false }: { value: string; language: Language; dateOnly?: boolean }) {
  return <time dateTime={value}>{dateOnly ? formatDate(value, language) : formatDateTime(value, language)}</time>;
}

/** A definition list of the facts that are given; nothing when none is. */
function Facts({ items, stacked = false }: { items: [string, ReactNode][]; stacked?: boolean }) {
  const given = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (given.length === 0) return null;
  // Beside the main text (the aside), terms sit above their values; in the main column, in a fixed column.
  return (
    <dl className={stacked ? "space-y-3" : "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]"}>
      {given.map(([term, value]) => (
        <div key={term} className={stacked ? "" : "contents"}>
          <dt className={stacked ? "text-sm font-medium text-slate-700" : "font-medium text-slate-700"}>{term}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function useFormatters() {
  const { t, i18n } = useTranslation(["eventPage", "common", "events", "forms", "participation"]);
  const language = i18n.language as Language;
  const quarter = (value: string | null) => {
    const q = value ? parseQuarter(value) : null;
    return q ? t("expectation.quarter", { quarter: q.quarter, year: q.year }) : value;
  };
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t("yes") : t("no"));
  const months = (count: number | null) => (count === null ? null : t("contract.months", { count }));
  const nok = (amount: number | null) => (amount === null ? null : formatNok(amount, language));
  return { t, language, quarter, yesNo, months, nok };
}

// --- The page ----------------------------------------------------------------------------

export default function EventPage() {
  const { event, standardNames, manage, hasCalendar, saved, done, participation } = useLoaderData<typeof loader>();
  const { t, language } = useFormatters();
  const actionData = useActionData<typeof action>();
  const participationReply = (actionData && "questionId" in actionData ? actionData : undefined) as ParticipationReply;
  const view = participation as ParticipationView | null;
  return (
    <article className="space-y-8">
      <header className="space-y-4">
        <p className="flex flex-wrap items-center gap-3 text-sm font-medium">
          <span className="text-brand-700">{t(`common:kinds.${event.kind}`)}</span>
          <span
            className={`rounded px-2 py-0.5 ${event.status === "published" ? "bg-green-50 text-green-900" : event.status === "draft" ? "bg-amber-50 text-amber-900" : "bg-slate-200 text-slate-800"}`}
          >
            {t(`status.${event.status}`)}
          </span>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{event.title}</h1>
        <p className="text-lg text-slate-700">
          <Link to={`/organisations/${event.buyer.slug}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
            {event.buyer.name}
          </Link>
          {event.coBuyerOrganisations.map((o) => (
            <span key={o.id}>
              {", "}
              <Link to={`/organisations/${o.slug}`} className="text-brand-700 underline hover:text-brand-800">
                {o.name}
              </Link>
            </span>
          ))}
        </p>
        {event.status === "draft" ? (
          <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-900">{t("draftNotice")}</p>
        ) : null}
        {saved ? (
          <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
            {t(`saved.${saved}`)}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
            {t(`participation:saved.${done}`)}
          </p>
        ) : null}
        <div className="rounded-lg border-l-4 border-brand-600 bg-white p-4 shadow-sm">
          <p className="text-xl">
            <ExpectationSummary
              status={event.expectation?.status ?? null}
              budgetMinNok={event.expectation?.budgetMinNok ?? null}
              budgetMaxNok={event.expectation?.budgetMaxNok ?? null}
              expectedTenderQuarter={event.expectation?.expectedTenderQuarter ?? null}
            />
          </p>
          {event.expectation?.status === "none" ? <p className="mt-1 text-slate-700">{t("expectation.noneExplained")}</p> : null}
          {event.expectation === null ? <p className="mt-1 text-slate-700">{t("expectation.notDeclaredExplained")}</p> : null}
          <p className="mt-2 text-slate-800">
            <span className="font-semibold">{t("effort.heading")}:</span> {t(`common:effort.${event.effort.level}`)}
            {event.effort.hoursPerVendor !== null ? `, ${t("common:effort.hoursPerVendor", { count: event.effort.hoursPerVendor })}` : ""}
          </p>
        </div>
      </header>

      <div className="grid gap-10 lg:grid-cols-3">
        <div className="space-y-10 lg:col-span-2">
          {event.outcome ? <OutcomeSection event={event} /> : null}
          {event.description ? (
            <Section id="description" title={t("description")}>
              <Markdown source={event.description} className="max-w-prose space-y-3 text-slate-900" />
            </Section>
          ) : null}
          <ExpectationSection event={event} />
          <EffortSection event={event} />
          <ContractSection event={event} />
          <SourcingSection event={event} />
          <StandardsSection event={event} names={standardNames} />
          {event.ipTerms ? (
            <Section id="ip" title={t("ipTerms")}>
              <p className="max-w-prose whitespace-pre-line">{event.ipTerms}</p>
            </Section>
          ) : null}
          <DataProtectionSection event={event} />
          <PilotPathSection event={event} />
          {view ? <QuestionsSection view={view} reply={participationReply} language={language} /> : null}
          {view?.buyer ? <ParticipantsSection view={view} eventId={event.id} reply={participationReply} /> : null}
          <ChangeLog event={event} language={language} />
        </div>

        <aside className="space-y-8" aria-label={t("summary.heading")}>
          <Section id="summary" title={t("summary.heading")}>
            <Facts
              stacked
              items={[
                [t("summary.kind"), t(`common:kinds.${event.kind}`)],
                [t("status.label"), t(`status.${event.status}`)],
                [t("summary.region"), event.region ? t(`common:regions.${event.region}`) : null],
                [
                  t("summary.cpv"),
                  event.cpv.length ? (
                    <ul className="space-y-1">
                      {event.cpv.map((code) => (
                        <li key={code}>
                          <span className="font-mono text-sm">{code}</span> {cpvEntry(code)?.[language] ?? ""}
                        </li>
                      ))}
                    </ul>
                  ) : null,
                ],
                [t("summary.published"), event.publishedAt ? <Time value={event.publishedAt} language={language} dateOnly /> : null],
              ]}
            />
          </Section>
          <WhenSection event={event} hasCalendar={hasCalendar} />
          {view ? <RegistrationPanel view={view} reply={participationReply} eventId={event.id} /> : null}
          {event.viewer.canEdit && event.status !== "closed" ? (
            <p>
              <Link to={`/events/${event.id}/edit`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t(event.status === "draft" ? "editDraft" : "amend")}
              </Link>
            </p>
          ) : null}
          {manage ? <ManageSection event={event} canClose={manage.canClose} vendors={manage.vendors} /> : null}
        </aside>
      </div>
    </article>
  );
}

function WhenSection({ event, hasCalendar }: { event: Event; hasCalendar: boolean }) {
  const { t, language } = useFormatters();
  const time = (value: string | null) => (value ? <Time value={value} language={language} /> : null);
  return (
    <Section id="when" title={t("when.heading")}>
      <Facts
        stacked
        items={[
          [t("when.registrationDeadline"), time(event.registrationDeadline)],
          [t("when.startsAt"), time(event.startsAt)],
          [t("when.endsAt"), time(event.endsAt)],
          [t("when.responseDeadline"), time(event.responseDeadline)],
          [t("when.place"), event.location],
          [
            t("when.online"),
            event.onlineUrl ? (
              <a href={event.onlineUrl} rel="nofollow noopener noreferrer" className="break-all text-brand-700 underline">
                {event.onlineUrl}
              </a>
            ) : null,
          ],
          [t("when.capacity"), event.capacity !== null ? t("when.capacityValue", { count: event.capacity }) : null],
        ]}
      />
      {hasCalendar ? (
        <p>
          <a
            href={`/events/${event.id}.ics`}
            download
            aria-describedby="calendar-hint"
            className="inline-block rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("when.calendar")}
          </a>
          <span id="calendar-hint" className="mt-1 block text-sm text-slate-600">
            {t("when.calendarHint")}
          </span>
        </p>
      ) : (
        <p className="text-slate-700">{t("when.notGiven")}</p>
      )}
    </Section>
  );
}

function ExpectationSection({ event }: { event: Event }) {
  const { t, language, quarter, nok } = useFormatters();
  const e = event.expectation;
  if (e === null || e.status === "none") return null;
  return (
    <Section id="expectation" title={t("expectation.heading")}>
      <Facts
        items={[
          [t("expectation.status"), t(`expectation.statuses.${e.status}`)],
          [t("expectation.budget"), formatNokRangeMillions(e.budgetMinNok, e.budgetMaxNok, language)],
          [t("expectation.fundingSource"), e.fundingSource],
          [t("expectation.expectedValue"), nok(e.expectedValueNok)],
          [t("expectation.quantity"), e.quantity !== null ? `${formatNumber(e.quantity, language)} ${e.unit ?? ""}`.trim() : null],
          [t("expectation.tenderQuarter"), quarter(e.expectedTenderQuarter)],
          [t("expectation.contractStart"), e.expectedContractStart ? <Time value={e.expectedContractStart} language={language} dateOnly /> : null],
        ]}
      />
    </Section>
  );
}

function EffortSection({ event }: { event: Event }) {
  const { t, nok } = useFormatters();
  const e = event.effort;
  return (
    <Section id="effort" title={t("effort.heading")}>
      <Facts
        items={[
          [t("effort.level"), e.level ? t(`common:effort.${e.level}`) : null],
          [t("effort.hours"), e.hoursPerVendor !== null ? t("effort.hoursValue", { count: e.hoursPerVendor }) : null],
          [t("effort.kindsOfWork"), e.kindsOfWork.length ? e.kindsOfWork.map((k) => t(`effort.work.${k}`)).join(", ") : null],
          [t("effort.compensation"), e.level === "none" ? null : (nok(e.compensationNok) ?? t("effort.noCompensation"))],
          [t("effort.compensationReason"), e.compensationReason],
        ]}
      />
    </Section>
  );
}

function ContractSection({ event }: { event: Event }) {
  const { t, months } = useFormatters();
  const c = event.contract;
  if ([c.form, c.baseMonths, c.optionMonths, c.horizonMonths, c.justification].every((v) => v === null)) return null;
  const total = totalMonths(c.baseMonths, c.optionMonths);
  // kontraktsvalg: vendors see why a contract is shorter than the need it serves.
  const short = total !== null && c.horizonMonths !== null && total < c.horizonMonths;
  return (
    <Section id="contract" title={t("contract.heading")}>
      <Facts
        items={[
          [t("contract.form"), c.form ? t(`contract.forms.${c.form}`) : null],
          [t("contract.base"), months(c.baseMonths)],
          [t("contract.options"), months(c.optionMonths)],
          [t("contract.total"), c.optionMonths ? months(total) : null],
          [t("contract.horizon"), months(c.horizonMonths)],
        ]}
      />
      {short ? (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="font-semibold text-amber-900">{t("contract.shorterThanHorizon", { total, horizon: c.horizonMonths })}</p>
          <p className="mt-1 whitespace-pre-line text-slate-900">{c.justification ?? t("notGiven")}</p>
        </div>
      ) : c.justification ? (
        <Facts items={[[t("contract.justification"), <span key="j" className="whitespace-pre-line">{c.justification}</span>]]} />
      ) : null}
    </Section>
  );
}

function SourcingSection({ event }: { event: Event }) {
  const { t } = useFormatters();
  const s = event.sourcing;
  if (s === null) return null;
  return (
    <Section id="sourcing" title={t("sourcing.heading")}>
      <p className="text-sm text-slate-700">{t("sourcing.explanation")}</p>
      <Facts
        items={[
          [t("sourcing.risk"), s.risk ? t(`sourcing.risks.${s.risk}`) : null],
          [t("sourcing.need"), s.need ? t(`sourcing.needs.${s.need}`) : null],
          [t("sourcing.advice"), s.advice ? <strong key="a">{t(`sourcing.advices.${s.advice}`)}</strong> : null],
          [t("sourcing.reason"), s.reason ? <span key="r" className="whitespace-pre-line">{s.reason}</span> : null],
        ]}
      />
    </Section>
  );
}

function StandardsSection({ event, names }: { event: Event; names: Record<string, string> }) {
  const { t, language } = useFormatters();
  if (event.standards.length === 0) return null;
  return (
    <Section id="standards" title={t("standards.heading")}>
      <table className="w-full text-left">
        <thead>
          <tr className="border-b border-slate-300 text-sm text-slate-700">
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("standards.standard")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("standards.level")}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t("standards.from")}
            </th>
          </tr>
        </thead>
        <tbody>
          {event.standards.map((s) => (
            <tr key={s.code} className="border-b border-slate-200">
              <td className="py-2 pr-4">{names[s.code] ?? s.code}</td>
              <td className="py-2 pr-4">{t(`standards.levels.${s.level}`)}</td>
              <td className="py-2">{s.from ? <Time value={s.from} language={language} dateOnly /> : t("notGiven")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function DataProtectionSection({ event }: { event: Event }) {
  const { t, yesNo } = useFormatters();
  const d = event.dataProtection;
  if ([d.healthData, d.dataResidency, d.cloudAllowed, d.dpiaNeeded].every((v) => v === null)) return null;
  return (
    <Section id="data-protection" title={t("dataProtection.heading")}>
      <Facts
        items={[
          [t("dataProtection.healthData"), yesNo(d.healthData)],
          [t("dataProtection.dataResidency"), d.dataResidency ? t(`dataProtection.residencies.${d.dataResidency}`) : null],
          [t("dataProtection.cloudAllowed"), yesNo(d.cloudAllowed)],
          [t("dataProtection.dpiaNeeded"), yesNo(d.dpiaNeeded)],
        ]}
      />
    </Section>
  );
}

function PilotPathSection({ event }: { event: Event }) {
  const { t, quarter, nok } = useFormatters();
  const p = event.pilotPath;
  if (p.plan === null && event.kind !== "pilot") return null;
  return (
    <Section id="pilot-path" title={t("pilotPath.heading")}>
      <Facts
        items={[
          [t("pilotPath.heading"), p.plan ? t(`pilotPath.plans.${p.plan}`) : t("notGiven")],
          [t("pilotPath.quarter"), quarter(p.quarter)],
          [t("pilotPath.budget"), nok(p.budgetNok)],
        ]}
      />
    </Section>
  );
}

function OutcomeSection({ event }: { event: Event }) {
  const { t, language, nok } = useFormatters();
  const o = event.outcome;
  if (!o) return null;
  return (
    <Section id="outcome" title={t("outcome.heading")}>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-lg font-semibold">{t(`outcome.kinds.${o.outcome}`)}</p>
        <div className="mt-2">
          <Facts
            items={[
              [t("outcome.contractValue"), o.outcome === "procured" ? nok(o.contractValueNok) : null],
              [t("outcome.contractDate"), o.outcome === "procured" && o.contractDate ? <Time value={o.contractDate} language={language} dateOnly /> : null],
              [t("outcome.noticeReference"), o.outcome === "procured" ? o.noticeReference : null],
              [t("outcome.winner"), o.outcome === "procured" ? (o.winningVendor?.name ?? null) : null],
              [t("outcome.reason"), o.outcome === "not_procured" ? (o.reason ? t(`outcome.reasons.${o.reason}`) : null) : o.outcome === "withdrawn" ? o.reason : null],
              [t("outcome.recordedAt"), <Time key="at" value={o.recordedAt} language={language} dateOnly />],
            ]}
          />
        </div>
      </div>
    </Section>
  );
}

// --- Change log --------------------------------------------------------------------------

const DATE_TIME_FIELDS = new Set(["registrationDeadline", "startsAt", "endsAt", "responseDeadline"]);
const DATE_FIELDS = new Set(["expectation.expectedContractStart"]);
const QUARTER_FIELDS = new Set(["expectation.expectedTenderQuarter", "pilotPath.quarter"]);
const CHOICE_FIELDS: Record<string, string> = {
  kind: "common:kinds",
  region: "common:regions",
  "effort.level": "common:effort",
  "effort.kindsOfWork": "eventPage:effort.work",
  "expectation.status": "eventPage:expectation.statuses",
  "contract.form": "eventPage:contract.forms",
  "sourcing.risk": "eventPage:sourcing.risks",
  "sourcing.need": "eventPage:sourcing.needs",
  "sourcing.advice": "eventPage:sourcing.advices",
  "dataProtection.dataResidency": "eventPage:dataProtection.residencies",
  "pilotPath.plan": "eventPage:pilotPath.plans",
};

function ChangeLog({ event, language }: { event: Event; language: Language }) {
  const { t, yesNo, quarter, nok } = useFormatters();
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return yesNo(value) ?? "–";
    if (typeof value === "string" && DATE_TIME_FIELDS.has(field)) return formatDateTime(value, language);
    if (typeof value === "string" && DATE_FIELDS.has(field)) return formatDate(value, language);
    if (typeof value === "string" && QUARTER_FIELDS.has(field)) return quarter(value) ?? value;
    if (typeof value === "number" && field.endsWith("Nok")) return nok(value) ?? "–";
    if (typeof value === "number") return formatNumber(value, language);
    const choices = CHOICE_FIELDS[field];
    if (Array.isArray(value)) {
      if (field === "standards") {
        return value
          .map((s: { code?: string; level?: string }) => `${s.code ?? ""}${s.level ? ` (${t(`standards.levels.${s.level}`).toLowerCase()})` : ""}`)
          .join(", ");
      }
      if (field === "coBuyers") return formatNumber(value.length, language);
      return value.map((v) => (choices ? t(`${choices}.${String(v)}`) : String(v))).join(", ") || "–";
    }
    if (typeof value === "string") return choices ? t(`${choices}.${value}`) : value;
    return JSON.stringify(value);
  };
  return (
    <Section id="changes" title={t("changeLog.heading")}>
      {event.amendments.length === 0 ? (
        <p className="text-slate-700">{t("changeLog.empty")}</p>
      ) : (
        <>
          <p className="text-slate-700">{t("changeLog.lead")}</p>
          <ol className="space-y-6">
            {[...event.amendments].reverse().map((amendment) => (
              <li key={amendment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  <time dateTime={amendment.at}>{formatDateTime(amendment.at, language)}</time>
                </h3>
                <p className="mt-1">
                  <span className="font-medium">{t("changeLog.reason")}:</span> {amendment.reason}
                </p>
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="sr-only">{t("changeLog.changes", { date: formatDateTime(amendment.at, language) })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300 text-slate-700">
                      <th scope="col" className="py-1 pr-4 font-medium">
                        {t("changeLog.field")}
                      </th>
                      <th scope="col" className="py-1 pr-4 font-medium">
                        {t("changeLog.before")}
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        {t("changeLog.after")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {amendment.changes.map((change) => (
                      <tr key={change.field} className="border-b border-slate-200 align-top">
                        <th scope="row" className="py-1 pr-4 font-medium">
                          {t(`changeLog.fields.${change.field}`, { defaultValue: change.field })}
                        </th>
                        <td className="py-1 pr-4">
                          <del className="text-slate-700">{show(change.field, change.before)}</del>
                        </td>
                        <td className="py-1">
                          <ins className="no-underline">{show(change.field, change.after)}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

// --- The buyer's forms -------------------------------------------------------------------

function Problems({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation(["events", "forms"]);
  if (!errors?.length) return null;
  return (
    <div id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((code) => (
        <p key={code}>{t([`events:problems.${code}`, `forms:${code}`, "forms:invalid_value"])}</p>
      ))}
    </div>
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 focus:outline-none focus:ring-2 focus:ring-brand-600";

/** The hint's id; Conform adds the error's id itself when the field is invalid. */
function describedBy(field: FieldMetadata<unknown>, hint?: string) {
  return hint ? `${field.id}-hint` : undefined;
}

function Labelled({ field, label, hint, children }: { field: FieldMetadata<unknown>; label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <Problems id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Button({ children, variant = "primary" }: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <button type="submit" className={`rounded px-4 py-2 font-semibold ${style}`}>
      {children}
    </button>
  );
}

function useOutcomeForm(name: FormName) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: `event-${name}`,
    lastResult: actionData?.form === name ? (actionData.result as SubmissionResult<string[]>) : undefined,
    onValidate: ({ formData }) => parseOutcome(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

function ManageSection({ event, canClose, vendors }: { event: Event; canClose: boolean; vendors: { id: string; name: string }[] }) {
  const { t } = useFormatters();
  const actionData = useActionData<typeof action>();
  const closeErrors = actionData?.form === "close" ? (actionData.result as SubmissionResult<string[]>).error?.[""] : undefined;
  const [procured, p] = useOutcomeForm("procured");
  const [notProcured, n] = useOutcomeForm("not_procured");
  const [withdrawn, w] = useOutcomeForm("withdrawn");
  const isClosed = event.status === "closed";
  const formErrors = (errors: string[] | undefined, id: string) =>
    errors?.length ? (
      <div role="alert">
        <Problems id={id} errors={errors} />
      </div>
    ) : null;
  return (
    <section aria-labelledby="manage-title" className="space-y-6 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="manage-title" className="text-xl font-semibold">
        {t("manage.heading")}
      </h2>
      {canClose ? (
        <Form method="post" className="space-y-2" aria-labelledby="close-title">
          <h3 id="close-title" className="font-semibold">
            {t("manage.close.heading")}
          </h3>
          <p className="text-sm text-slate-700">{t("manage.close.hint")}</p>
          {formErrors(closeErrors ?? undefined, "close-errors")}
          <input type="hidden" name="intent" value="close" />
          <Button variant="secondary">{t("manage.close.submit")}</Button>
        </Form>
      ) : null}

      <div className="space-y-4">
        <h3 className="font-semibold">{t("manage.outcome.heading")}</h3>
        <p className="text-sm text-slate-700">{isClosed ? t("manage.outcome.lead") : t("manage.outcome.withdrawOnly")}</p>

        {isClosed ? (
          <Form method="post" {...getFormProps(procured)} className="space-y-3 border-t border-slate-200 pt-4">
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("manage.outcome.procured.legend")}</legend>
              {formErrors(procured.errors, procured.errorId)}
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="outcome" value="procured" />
              <Labelled field={p.contractValueNok} label={t("manage.outcome.procured.contractValue")} hint={t("manage.outcome.procured.contractValueHint")}>
                <input
                  {...getInputProps(p.contractValueNok, { type: "text", ariaDescribedBy: describedBy(p.contractValueNok, "hint") })}
                  key={p.contractValueNok.key}
                  inputMode="numeric"
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.contractDate} label={t("manage.outcome.procured.contractDate")}>
                <input
                  {...getInputProps(p.contractDate, { type: "date", ariaDescribedBy: describedBy(p.contractDate) })}
                  key={p.contractDate.key}
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.noticeReference} label={t("manage.outcome.procured.noticeReference")} hint={t("manage.outcome.procured.noticeReferenceHint")}>
                <input
                  {...getInputProps(p.noticeReference, { type: "text", ariaDescribedBy: describedBy(p.noticeReference, "hint") })}
                  key={p.noticeReference.key}
                  className={inputClass}
                />
              </Labelled>
              <Labelled field={p.winningVendorId} label={t("manage.outcome.procured.winner")}>
                <select
                  {...getSelectProps(p.winningVendorId, { ariaDescribedBy: describedBy(p.winningVendorId) })}
                  key={p.winningVendorId.key}
                  className={inputClass}
                >
                  <option value="">{t("manage.outcome.procured.winnerNone")}</option>
                  {vendors.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Button>{t("manage.outcome.procured.submit")}</Button>
            </fieldset>
          </Form>
        ) : null}

        {isClosed ? (
          <Form method="post" {...getFormProps(notProcured)} className="space-y-3 border-t border-slate-200 pt-4">
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("manage.outcome.notProcured.legend")}</legend>
              {formErrors(notProcured.errors, notProcured.errorId)}
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="outcome" value="not_procured" />
              <Labelled field={n.reason} label={t("manage.outcome.notProcured.reason")}>
                <select {...getSelectProps(n.reason, { ariaDescribedBy: describedBy(n.reason) })} key={n.reason.key} className={inputClass}>
                  <option value="">{t("manage.outcome.notProcured.choose")}</option>
                  {NOT_PROCURED_REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`outcome.reasons.${reason}`)}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Button>{t("manage.outcome.notProcured.submit")}</Button>
            </fieldset>
          </Form>
        ) : null}

        <Form method="post" {...getFormProps(withdrawn)} className="space-y-3 border-t border-slate-200 pt-4">
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("manage.outcome.withdrawn.legend")}</legend>
            {formErrors(withdrawn.errors, withdrawn.errorId)}
            <input type="hidden" name="intent" value="outcome" />
            <input type="hidden" name="outcome" value="withdrawn" />
            <Labelled field={w.reason} label={t("manage.outcome.withdrawn.reason")}>
              <textarea {...getTextareaProps(w.reason, { ariaDescribedBy: describedBy(w.reason) })} key={w.reason.key} rows={3} className={inputClass} />
            </Labelled>
            <Button variant="secondary">{t("manage.outcome.withdrawn.submit")}</Button>
          </fieldset>
        </Form>
      </div>
    </section>
  );
}
