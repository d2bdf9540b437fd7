import { participationCounts } from "~/models/registration-reads.server";
import { registrationOpen } from "~/domain/participation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ProblemScope } from "~/components/forms";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "@db/db.server";
import { getUser, requireVerifiedUser } from "~/auth/guards.server";
import { Markdown } from "~/components/markdown";
import { markdownToPlainText } from "~/domain/markdown-text";
import { getLanguage } from "~/i18n/language.server";
import { getEvent } from "~/models/event-reads.server";
import { getMembership } from "~/models/memberships.server";
import { listEventContracts } from "~/models/contract-reads.server";
import { investmentFigures } from "~/models/pilot-investment.server";
import { needsPilotTerms } from "~/domain/pilot";
import { listStandards, listVendorChoices } from "~/models/organisations.server";
import { hasCalendarDates } from "~/i18n/event-calendar";
import { expectationText } from "~/i18n/event-text";
import { readFormData } from "~/http/form-data.server";
import { SummarySection, WhenSection } from "./aside-sections";
import { ChangeLog } from "./change-log";
import { ContractsSection } from "./contracts-section";
import { ContractSection, EffortSection, ExpectationSection, OwnDeliverySection, SourcingSection } from "./commitment-sections";
import { EventHeader } from "./header";
import { IpTermsSection } from "./ip-terms-section";
import { DocumentsSection } from "./documents-section";
import { ResponsesLink } from "./responses-link";
import { responseLinkFor } from "~/models/event-responses.server";
import { listEventDocuments } from "~/models/event-documents.server";
import { getQuestionnaire } from "~/models/questionnaires.server";
import { QuestionnaireSection } from "./questionnaire-section";
import { manageAction } from "./manage.server";
import { ManageSection } from "./manage-section";
import { OutcomeSection } from "./outcome-section";
import { ParticipantsSection } from "./participants-section";
import { DONE, isParticipationIntent, participationAction, participationData } from "./participation.server";
import type { ParticipationReply, ParticipationView } from "./participation-view";
import { Section, useFormatters } from "./presentation";
import { QuestionsSection } from "./questions-section";
import { RegistrationPanel } from "./registration-panel";
import { DataProtectionSection, PilotPathSection, ScopeSection, StandardsSection } from "./requirement-sections";
import { CostBenefitSection } from "./cost-benefit-section";
import { invariantResponse } from "~/http/responses.server";
import { coBuyingChoicesFor } from "~/models/co-buyers.server";
import { JointDemandSection } from "../+shared/joint-demand/joint-demand-section";

// The event page. Its parts live beside it: the page's sections, the participation part
// (participation.server.ts and its forms) and the buyer's manage forms (manage.server.ts).

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.event.title} – Markedsdialog` },
        { name: "description", content: data.metaDescription },
      ]
    : [{ title: "Markedsdialog" }];

const SAVED = ["closed", "outcome", "published"] as const;

// Published and closed events are public; a draft only for its buyer's and co-buyers' members (else 404).
export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const event = await getEvent(db(), args.params.eventId ?? "", user);
  invariantResponse(event);
  const language = await getLanguage(args.request);
  // Closing and recording the outcome are the buyer's: members of the buyer organisation.
  const isBuyerMember = user ? (await getMembership(db(), user.id, event.buyer.id)) !== null : false;
  const mayManage = isBuyerMember && event.status !== "draft" && event.outcome === null;
  const procured = event.outcome?.outcome === "procured";
  // næringsutvikling (issue 16): the vendors' corrections of the pilot's expected investment, inline; names to the buyer's members.
  const pilotTerms = event.status !== "draft" && needsPilotTerms(event.kind, event.contract.form);
  const [standards, vendors, contracts, documents, questions, investment] = await Promise.all([
    event.standards.length ? listStandards(db()) : Promise.resolve([]),
    mayManage ? listVendorChoices(db()) : Promise.resolve([]),
    procured ? listEventContracts(db(), event.id) : Promise.resolve([]),
    listEventDocuments(db(), event.id),
    getQuestionnaire(db(), event.id),
    pilotTerms ? investmentFigures(db(), event.id, { withNames: isBuyerMember }) : Promise.resolve(null),
  ]);
  const participation = await participationData(event.id, user);
  const coBuying = await coBuyingChoicesFor(db(), user, event);
  const responseLink = await responseLinkFor(db(), user, { id: event.id, kind: event.kind, status: event.status, buyerId: event.buyer.id });
  // Publishing sends the buyer here with ?published=1 (the event form and the API's docs name it); said only of a published event.
  const query = new URL(args.request.url).searchParams;
  const saved = query.get("published") === "1" ? (event.status === "published" ? "published" : null) : query.get("saved");
  const done = new URL(args.request.url).searchParams.get("done");
  const summary = markdownToPlainText(event.description ?? "").replace(/\s+/g, " ");
  return json({
    event,
    standardNames: Object.fromEntries(standards.filter((s) => event.standards.some((e) => e.code === s.code)).map((s) => [s.code, s.name])),
    standardMarks: Object.fromEntries(standards.map((s) => [s.code, { origin: s.origin, nationalStatus: s.nationalStatus }])),
    manage: mayManage
      ? { canClose: event.status === "published", vendors, registered: (await participationCounts(db(), event.id)).registered, beforeDeadline: registrationOpen(event.registrationDeadline ? new Date(event.registrationDeadline) : null, new Date()) }
      : null,
    contracts,
    documents,
    questions,
    investment,
    // The buyer's members record the contract a procurement led to (one per event here; more through the API).
    mayRecordContract: isBuyerMember && procured && contracts.length === 0,
    hasCalendar: hasCalendarDates(event),
    saved: SAVED.find((s) => s === saved) ?? null,
    done: DONE.find((d) => d === done) ?? null,
    participation,
    coBuying,
    responseLink,
    metaDescription: `${expectationText(event.expectation, language)}. ${summary.length > 160 ? `${summary.slice(0, 157)}…` : summary}`,
  });
}

// Close and record the outcome (manage.server.ts): the buyer's members only.
// Registration, questions and answers (participation intents): see participation.server.ts.
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const id = args.params.eventId ?? "";
  const event = await getEvent(db(), id, user);
  invariantResponse(event);
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");
  if (isParticipationIntent(intent)) return participationAction(args, intent, formData);
  return manageAction(args, user, event.buyer.id, intent, formData);
}

export default function EventPage() {
  const { event, standardNames, standardMarks, manage, contracts, documents, questions, investment, mayRecordContract, hasCalendar, saved, done, participation, coBuying, responseLink } = useLoaderData<typeof loader>();
  const { t, language } = useFormatters();
  const actionData = useActionData<typeof action>();
  const participationReply = (actionData && "questionId" in actionData ? actionData : undefined) as ParticipationReply;
  const view = participation as ParticipationView | null;
  return (
    <article className="space-y-8">
      <EventHeader event={event} saved={saved} done={done} />

      <div className="grid gap-10 lg:grid-cols-3">
        <div className="space-y-10 lg:col-span-2">
          <OwnDeliverySection event={event} />
          {event.outcome ? <OutcomeSection event={event} /> : null}
          <ContractsSection event={event} contracts={contracts} mayRecord={mayRecordContract} />
          {event.description ? (
            <Section id="description" title={t("description")}>
              <Markdown source={event.description} className="max-w-prose space-y-3 text-slate-900" />
            </Section>
          ) : null}
          <ExpectationSection event={event} />
          <DocumentsSection event={event} documents={documents} />
          <QuestionnaireSection event={event} questions={questions} />
          <ProblemScope first="events:problems">
            <JointDemandSection event={event} choices={coBuying} canManage={event.viewer.isLead && event.status !== "closed"} />
          </ProblemScope>
          <EffortSection event={event} />
          <ContractSection event={event} />
          <SourcingSection event={event} />
          <StandardsSection event={event} names={standardNames} marks={standardMarks} />
          <ScopeSection event={event} names={standardNames} />
          <IpTermsSection event={event} />
          <DataProtectionSection event={event} />
          <PilotPathSection event={event} investment={investment} />
          <CostBenefitSection event={event} />
          {view ? <ProblemScope first="participation:problems"><QuestionsSection view={view} reply={participationReply} language={language} /></ProblemScope> : null}
          {view?.buyer ? <ProblemScope first="participation:problems"><ParticipantsSection view={view} eventId={event.id} reply={participationReply} /></ProblemScope> : null}
          <ChangeLog event={event} language={language} />
        </div>

        <aside className="space-y-8" aria-label={t("summary.heading")}>
          <SummarySection event={event} />
          <WhenSection event={event} hasCalendar={hasCalendar} />
          {view ? <ProblemScope first="participation:problems"><RegistrationPanel view={view} reply={participationReply} eventId={event.id} /></ProblemScope> : null}
          <ResponsesLink eventId={event.id} to={responseLink} />
          {event.viewer.canEdit && event.status !== "closed" ? (
            <p>
              <Link to={`/events/${event.id}/edit`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t(event.status === "draft" ? "editDraft" : "amend")}
              </Link>
            </p>
          ) : null}
          {manage ? <ManageSection event={event} canClose={manage.canClose} vendors={manage.vendors} registered={manage.registered} beforeDeadline={manage.beforeDeadline} /> : null}
        </aside>
      </div>
    </article>
  );
}
