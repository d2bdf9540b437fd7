import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { RelationshipFigures } from "~/components/relationship-figures";
import { ContactForm, FollowUpForm, NoteForm, RowAction, type FormResult } from "~/components/relationship-forms";
import { Notice } from "~/components/forms";
import { followUpState, parseTimelineType, sortFollowUps } from "~/domain/relationships";
import { osloDate } from "~/domain/zoned-time";
import { formatDate, formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getContractWorkspace } from "~/models/contract-reads.server";
import { listOwnMembers } from "~/models/interaction-reads.server";
import { listContacts, listFollowUps, listNotes } from "~/models/relationship-records.server";
import { listRelationships, relationshipTimeline } from "~/models/relationships.server";
import { PrivateBadge, StateBadge } from "./badges";
import { RelationshipContracts } from "./contracts";
import { Timeline } from "./timeline";
import { counterpartFor, NOTICES, recordAction } from "./records.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const counterpart = await counterpartFor(args, member.organisation.id);
  const url = new URL(args.request.url);
  const type = parseTimelineType(url.searchParams.get("type"));
  const scope = { organisationId: member.organisation.id, counterpartId: counterpart.id };
  const [[summary], timeline, notes, followUps, contacts, owners, contracts] = await Promise.all([
    listRelationships(db(), member.organisation.id, { sort: "name", show: "all" }, { counterpartId: counterpart.id }),
    relationshipTimeline(db(), member.organisation.id, counterpart.id, { type }),
    listNotes(db(), scope),
    listFollowUps(db(), scope),
    listContacts(db(), scope),
    listOwnMembers(db(), member.organisation.id),
    getContractWorkspace(db(), member.organisation.id),
  ]);
  const t = fixedT(await getLanguage(args.request), "relationships");
  const notice = NOTICES.find((key) => key === url.searchParams.get("notice")) ?? null;
  const today = osloDate(new Date());
  return json({
    title: `${t("page.title", { name: counterpart.name })} – Markedsdialog`,
    me: member.user.id,
    organisation: member.organisation,
    counterpart,
    summary: summary!,
    type,
    timeline,
    notes,
    followUps: sortFollowUps(followUps, today),
    today,
    contacts,
    owners,
    // The contracts between the two, from either side: public facts and this side's tasks.
    contracts: contracts.filter((c) => c.counterparts.some((o) => o.id === counterpart.id)),
    edit: url.searchParams.get("edit"),
    notice,
  });
}

// Adding, changing and deleting notes, follow-ups and contacts (records.server.ts).
export async function action(args: ActionFunctionArgs) {
  return recordAction(args);
}

export default function Relationship() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["relationships", "conduct"]);
  const language = i18n.language as Language;
  const { organisation, counterpart, summary, notes, followUps, contacts, owners, edit, notice, me, today } = data;
  const resultFor = (form: string): FormResult => (actionData?.form === form ? (actionData.result as SubmissionResult<string[]>) : undefined);
  const base = `/relationships/${counterpart.slug}`;
  // A fresh, empty add-form after each saved change (the page is the same route, so
  // the forms would otherwise keep what was typed).
  const { key: visit } = useLocation();
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <header className="space-y-2">
        <p>
          <Link to="/relationships" className="text-brand-700 underline">
            ← {t("page.back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("page.title", { name: counterpart.name })}</h1>
        <p className="max-w-3xl text-slate-700">{t("page.lead", { organisation: organisation.name, counterpart: counterpart.name })}</p>
        <p>
          <Link to={`/organisations/${counterpart.slug}`} className="text-brand-700 underline">
            {t("page.publicProfile", { name: counterpart.name })}
          </Link>
        </p>
      </header>
      {notice ? <Notice>{t(notice)}</Notice> : null}

      <section aria-labelledby="summary-title" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="summary-title" className="text-xl font-semibold">
          {t("page.summary")}
        </h2>
        <RelationshipFigures figures={summary} viewer={organisation} />
      </section>

      <RelationshipContracts contracts={data.contracts} language={language} />

      <div className="grid gap-8 lg:grid-cols-5">
        <div className="space-y-8 lg:col-span-3">
          <Timeline data={data} />
        </div>
        <div className="space-y-8 lg:col-span-2">
          <section id="follow-ups" aria-labelledby="follow-ups-title" className="space-y-3">
            <h2 id="follow-ups-title" className="text-xl font-semibold">
              {t("followUps.heading")} <PrivateBadge name={organisation.name} />
            </h2>
            {followUps.length === 0 ? <p>{t("followUps.empty")}</p> : null}
            <ul className="space-y-3">
              {followUps.map((f) => {
                const state = followUpState(f, today);
                return (
                  <li key={f.id} className="rounded border border-slate-200 bg-white p-3">
                    {edit === `follow-up:${f.id}` ? (
                      <FollowUpForm organisationId={organisation.id} followUp={f} owners={owners} defaultOwnerId={me} lastResult={resultFor(`edit-follow-up-${f.id}`)} cancelTo={`${base}#follow-ups`} />
                    ) : (
                      <>
                        <p className={`font-medium ${state === "done" ? "text-slate-600 line-through" : ""}`}>{f.title}</p>
                        <p className="text-sm text-slate-700">
                          <StateBadge state={state} /> {formatDate(f.dueOn, language)} · {f.ownerName ?? t("followUps.noOwner")}
                        </p>
                        <div className="mt-1 flex flex-wrap gap-1 text-sm">
                          <RowAction
                            intent="toggle-follow-up"
                            organisationId={organisation.id}
                            id={f.id}
                            label={f.doneAt ? t("followUps.markUndone") : t("followUps.markDone")}
                            ariaLabel={f.doneAt ? t("followUps.markUndoneLabel", { title: f.title }) : t("followUps.markDoneLabel", { title: f.title })}
                          />
                          <Link to={`${base}?edit=follow-up:${f.id}#follow-ups`} className="rounded px-2 py-1 text-brand-700 underline" aria-label={t("followUps.editLabel", { title: f.title })}>
                            {t("followUps.edit")}
                          </Link>
                          <RowAction intent="delete-follow-up" organisationId={organisation.id} id={f.id} label={t("followUps.delete")} ariaLabel={t("followUps.deleteLabel", { title: f.title })} danger />
                        </div>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            <FollowUpForm key={visit} organisationId={organisation.id} owners={owners} defaultOwnerId={me} lastResult={resultFor("add-follow-up")} />
          </section>

          <section id="notes" aria-labelledby="notes-title" className="space-y-3">
            <h2 id="notes-title" className="text-xl font-semibold">
              {t("notes.heading")} <PrivateBadge name={organisation.name} />
            </h2>
            {notes.length === 0 ? <p>{t("notes.empty")}</p> : null}
            <ul className="space-y-3">
              {notes.map((note) => {
                const date = formatDateTime(note.createdAt, language);
                return (
                  <li key={note.id} className="rounded border border-slate-200 bg-white p-3">
                    {edit === `note:${note.id}` ? (
                      <NoteForm organisationId={organisation.id} note={note} lastResult={resultFor(`edit-note-${note.id}`)} cancelTo={`${base}#notes`} />
                    ) : (
                      <>
                        <p className="whitespace-pre-line">{note.body}</p>
                        <p className="mt-1 text-sm text-slate-600">{t("notes.written", { name: note.authorName ?? "–", date })}</p>
                        <div className="mt-1 flex flex-wrap gap-1 text-sm">
                          <Link to={`${base}?edit=note:${note.id}#notes`} className="rounded px-2 py-1 text-brand-700 underline" aria-label={t("notes.editLabel", { date })}>
                            {t("notes.edit")}
                          </Link>
                          <RowAction intent="delete-note" organisationId={organisation.id} id={note.id} label={t("notes.delete")} ariaLabel={t("notes.deleteLabel", { date })} danger />
                        </div>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            <NoteForm key={visit} organisationId={organisation.id} lastResult={resultFor("add-note")} />
          </section>

          <section id="contacts" aria-labelledby="contacts-title" className="space-y-3">
            <h2 id="contacts-title" className="text-xl font-semibold">
              {t("contacts.heading", { name: counterpart.name })} <PrivateBadge name={organisation.name} />
            </h2>
            {contacts.length === 0 ? <p>{t("contacts.empty")}</p> : null}
            <ul className="space-y-3">
              {contacts.map((c) => (
                <li key={c.id} className="rounded border border-slate-200 bg-white p-3">
                  {edit === `contact:${c.id}` ? (
                    <ContactForm organisationId={organisation.id} contact={c} lastResult={resultFor(`edit-contact-${c.id}`)} cancelTo={`${base}#contacts`} />
                  ) : (
                    <>
                      <p className="font-medium">
                        {c.name}
                        {c.role ? <span className="font-normal text-slate-700">, {c.role}</span> : null}
                      </p>
                      <p className="text-sm">
                        {c.email ? (
                          <a href={`mailto:${c.email}`} className="text-brand-700 underline">
                            {c.email}
                          </a>
                        ) : null}
                        {c.email && c.phone ? " · " : null}
                        {c.phone ? (
                          <a href={`tel:${c.phone.replace(/[^+0-9]/g, "")}`} className="text-brand-700 underline">
                            {c.phone}
                          </a>
                        ) : null}
                      </p>
                      <div className="mt-1 flex flex-wrap gap-1 text-sm">
                        <Link to={`${base}?edit=contact:${c.id}#contacts`} className="rounded px-2 py-1 text-brand-700 underline" aria-label={t("contacts.editLabel", { name: c.name })}>
                          {t("contacts.edit")}
                        </Link>
                        <RowAction intent="delete-contact" organisationId={organisation.id} id={c.id} label={t("contacts.delete")} ariaLabel={t("contacts.deleteLabel", { name: c.name })} danger />
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <ContactForm key={visit} organisationId={organisation.id} lastResult={resultFor("add-contact")} />
          </section>
        </div>
      </div>
    </div>
  );
}
