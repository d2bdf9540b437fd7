import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PageHeader, primaryLinkClass } from "~/components/page";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listBuyerEffortRequests } from "~/models/effort-requests.server";
import { countBlockedPublishAttempts, listBuyerEvents } from "~/models/event-reads.server";
import { listPilotRegister } from "~/models/pilot-register.server";
import { EMPTY_REGISTER_FILTER } from "~/domain/pilot-register";
import { countUnanswered } from "~/models/questions.server";
import { openInvitationsFor } from "~/models/co-buyers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of a buyer organisation: their organisation's own and joint events.
export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "eventPage");
  const [events, blockedAttempts, effortRequests, unansweredQuestions, missingExits, invitations] = await Promise.all([
    listBuyerEvents(db(), organisation.id),
    countBlockedPublishAttempts(db(), organisation.id),
    listBuyerEffortRequests(db(), organisation.id),
    countUnanswered(db(), organisation.id),
    // næringsutvikling: pilots ended more than 90 days ago without an exit record ("mangler sluttføring").
    listPilotRegister(db(), { ...EMPTY_REGISTER_FILTER, buyer: organisation.slug, outcome: "missing" }),
    // Joint demand (issue 19): invitations to answer, and the organisation's own requests to join.
    openInvitationsFor(db(), organisation.id),
  ]);
  return json({
    organisation: { name: organisation.name },
    events,
    blockedAttempts,
    effortRequests,
    unansweredQuestions,
    missingExits: missingExits.map((p) => ({ id: p.id, title: p.title })),
    invitations,
    title: `${t("workspace.title")} – ${organisation.name} – Markedsdialog`,
  });
}

type Summary = ReturnType<typeof useLoaderData<typeof loader>>["events"]["drafts"][number];

function EventList({ id, events, empty, detail }: { id: string; events: Summary[]; empty: string; detail: (e: Summary) => string | null }) {
  const { t } = useTranslation(["eventPage", "common"]);
  if (events.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-labelledby={`${id}-title`}>
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
          <div>
            <Link to={`/events/${e.id}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
              {e.title}
            </Link>
            <p className="text-sm text-slate-700">
              {t(`common:kinds.${e.kind}`)}
              {e.role === "co_buyer" ? ` · ${t("workspace.coBuyer")}` : ""}
            </p>
          </div>
          <p className="text-sm text-slate-700">{detail(e)}</p>
        </li>
      ))}
    </ul>
  );
}

export default function BuyerWorkspace() {
  const { invitations, organisation, events, blockedAttempts, effortRequests, unansweredQuestions, missingExits } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["eventPage", "common", "effort", "participation", "pilots"]);
  const language = i18n.language as Language;
  const deadline = (e: Summary) => {
    const d = e.registrationDeadline ?? e.responseDeadline;
    return d ? t("workspace.deadline", { date: formatDateTime(d, language) }) : null;
  };
  const section = (key: "drafts" | "published" | "closed", detail: (e: Summary) => string | null) => (
    <section aria-labelledby={`${key}-title`} className="space-y-3">
      <h2 id={`${key}-title`} className="text-xl font-semibold">
        {t(`workspace.${key}.heading`)} <span className="font-normal text-slate-600">({formatNumber(events[key].length, language)})</span>
      </h2>
      <EventList id={key} events={events[key]} empty={t(`workspace.${key}.empty`)} detail={detail} />
    </section>
  );
  return (
    <div className="space-y-10">
      <PageHeader
        title={t("workspace.title")}
        lead={t("workspace.lead", { organisation: organisation.name })}
        action={
          <Link to="/events/new" className={primaryLinkClass}>
            {t("workspace.newEvent")}
          </Link>
        }
      />

      {/* A call to act only when something waits; with nothing waiting it is an ordinary section. */}
      <section
        aria-labelledby="needs-outcome-title"
        data-attention={events.needsOutcome.length > 0 ? "true" : "false"}
        className={`space-y-3 rounded-lg p-4 ${events.needsOutcome.length > 0 ? "border-l-4 border-amber-600 bg-amber-50" : "border border-slate-200 bg-white"}`}
      >
        <h2 id="needs-outcome-title" className={`text-xl font-semibold ${events.needsOutcome.length > 0 ? "text-amber-900" : ""}`}>
          {t("workspace.needsOutcome.heading")} ({formatNumber(events.needsOutcome.length, language)})
        </h2>
        <p className="text-slate-800">{t("workspace.needsOutcome.lead")}</p>
        <EventList
          id="needs-outcome"
          events={events.needsOutcome}
          empty={t("workspace.needsOutcome.empty")}
          detail={(e) => (e.closedAt ? t("workspace.needsOutcome.closedAt", { date: formatDate(e.closedAt, language) }) : null)}
        />
      </section>

      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="space-y-2 rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
          <h2 id="invitations-title" className="text-xl font-semibold">
            {t("workspace.invitations.heading")} ({formatNumber(invitations.length, language)})
          </h2>
          <p className="text-slate-800">{t("workspace.invitations.lead")}</p>
          <ul className="list-disc space-y-1 pl-6">
            {invitations.map((i) => (
              <li key={i.eventId}>
                <Link to={`/events/${i.eventId}#joint`} className="font-semibold text-brand-700 underline hover:text-brand-800">
                  {i.eventTitle}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  · {t(`workspace.invitations.${i.status === "invited" ? "from" : "requested"}`, { lead: i.leadName, date: formatDate(i.invitedAt, language) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {missingExits.length > 0 ? (
        <section aria-labelledby="missing-exits-title" className="space-y-2 rounded-lg border-l-4 border-red-700 bg-red-50 p-4">
          <h2 id="missing-exits-title" className="text-xl font-semibold text-red-900">
            {t("pilots:workspace.missingHeading")} ({formatNumber(missingExits.length, language)})
          </h2>
          <p className="text-slate-800">{t("pilots:workspace.missingLead")}</p>
          <ul className="list-disc space-y-1 pl-6">
            {missingExits.map((p) => (
              <li key={p.id}>
                <Link to={`/events/${p.id}/pilot-exit`} className="text-brand-800 underline">
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link to="/workspace/questions" className={unansweredQuestions > 0 ? "font-semibold text-brand-700 underline" : "text-brand-700 underline"}>
            {t("participation:buyerQuestions.workspaceLink", { count: unansweredQuestions })}
          </Link>
        </li>
        <li>
          <Link to="/workspace/activity" className="text-brand-700 underline">
            {t("participation:buyerActivity.workspaceLink")}
          </Link>
        </li>
      </ul>

      <dl className="inline-block rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm text-slate-700">{t("workspace.blockedAttempts")}</dt>
        <dd className="text-2xl font-bold">{formatNumber(blockedAttempts, language)}</dd>
        <dd className="max-w-md text-sm text-slate-600">{t("workspace.blockedAttemptsHint")}</dd>
      </dl>

      {section("drafts", (e) => t("workspace.updated", { date: formatDate(e.updatedAt, language) }))}
      {section("published", deadline)}
      {section("closed", (e) => (e.outcome ? t(`outcome.kinds.${e.outcome}`) : t("workspace.noOutcome")))}

      <section aria-labelledby="effort-requests-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="effort-requests-title" className="text-xl font-semibold">
            {t("effort:buyerList.heading")} <span className="font-normal text-slate-600">({formatNumber(effortRequests.length, language)})</span>
          </h2>
          <Link to="/effort-requests/new" className="font-semibold text-brand-700 underline">
            {t("effort:buyerList.new")}
          </Link>
        </div>
        {effortRequests.length === 0 ? (
          <p className="text-slate-700">{t("effort:buyerList.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {effortRequests.map((r) => (
              <li key={r.id} className="p-4">
                <Link to={`/effort-requests/${r.id}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
                  {r.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {t("effort:buyerList.summary", { recipients: r.recipients, open: r.open, deadline: formatDateTime(r.deadline, language) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
