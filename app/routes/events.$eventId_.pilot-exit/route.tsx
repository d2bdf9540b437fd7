import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { forbidden, getUser, requireVerifiedUser } from "~/auth/guards.server";
import { Notice, ProblemScope } from "~/components/forms";
import { fieldErrors } from "~/domain/problems";
import type { Failure, Result } from "~/domain/result";
import { readFormData } from "~/http/form-data.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { notFound, notFoundUnless } from "~/http/responses.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { formatDate } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import { getPilotExitPage, recordPilotExit, respondToPilotExit } from "~/models/pilot-exits.server";
import { parseExit, parseExitResponse, type ExitReply } from "./exit-input";
import { ExitForm, ExitResponseForm } from "./exit-forms";
import { ExitRecord } from "./exit-record";

// The decision after a pilot, an R&D or an innovation partnership ends (issue 16): public once
// recorded. The buyer's members record it (intent=exit); each vendor that took part answers
// every judgement (intent=respond). Anyone else posting: 403.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" }];

const SAVED = ["exit", "respond"] as const;

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const page = notFoundUnless(await getPilotExitPage(db(), args.params.eventId ?? "", user?.id ?? null));
  const t = fixedT(await getLanguage(args.request), "pilots");
  const saved = SAVED.find((s) => s === new URL(args.request.url).searchParams.get("saved")) ?? null;
  return json({ ...page, title: t("exitTitle", { title: page.event.title }), saved });
}

function refused(failure: Failure, request: Request) {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden(request);
  return { fieldErrors: fieldErrors(failure), status: FAILURE_STATUS[failure.reason] };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const page = notFoundUnless(await getPilotExitPage(db(), args.params.eventId ?? "", user.id));
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");
  if (intent !== "exit" && intent !== "respond") throw new Response(null, { status: 400, statusText: "Bad Request" });
  if (page.party !== (intent === "exit" ? "buyer" : "vendor")) forbidden(args.request);
  const reply = (result: ExitReply["result"], status = 400) => json({ form: intent, result } satisfies ExitReply, { status });
  const finish = (result: Result<unknown>, submission: { reply: (options?: { fieldErrors: Record<string, string[]> }) => ExitReply["result"] }) => {
    if (result.ok) return redirect(`/events/${page.event.id}/pilot-exit?saved=${intent}`);
    const { fieldErrors: errors, status } = refused(result, args.request);
    return reply(submission.reply({ fieldErrors: errors }), status);
  };
  if (intent === "exit") {
    const submission = parseExit(formData);
    if (submission.status !== "success") return reply(submission.reply());
    return finish(await recordPilotExit(db(), user.id, page.event.id, submission.value), submission);
  }
  const submission = parseExitResponse(formData);
  if (submission.status !== "success") return reply(submission.reply());
  return finish(await respondToPilotExit(db(), user.id, page.event.id, submission.value), submission);
}

export default function PilotExitPage() {
  const { event, ended, exit, party, mayRecord, mayRespondFor, choices, title, saved } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("pilots");
  const { t: tc } = useTranslation("common");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="forms">
      <article className="space-y-8">
        <header className="space-y-2">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{tc(`kinds.${event.kind}`)}</p>
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p>
            <Link to={`/events/${event.id}`} className="text-brand-800 underline">
              {t("backToEvent")}
            </Link>
            {" · "}
            <Link to={`/buyers/${event.buyer.slug}`} className="text-brand-800 underline">
              {event.buyer.name}
            </Link>
            {" · "}
            <Link to="/pilots" className="text-brand-800 underline">
              {t("register.title")}
            </Link>
          </p>
          {event.endedAt ? <p className="text-slate-700">{t(ended ? "endedOn" : "endsOn", { date: formatDate(event.endedAt, language) })}</p> : null}
          {saved ? <Notice>{t(`saved.${saved}`)}</Notice> : null}
        </header>
        {exit ? <ExitRecord exit={exit} criteria={event.criteria} /> : <p className="max-w-prose rounded border border-slate-200 bg-white p-4">{t(ended ? "noExit" : "notEnded")}</p>}
        {mayRecord ? <ExitForm criteria={event.criteria} previous={exit} choices={choices} hasOption={event.plan === "purchase_option"} /> : null}
        {party === "buyer" && !ended ? <p className="max-w-prose text-slate-700">{t("form.afterEnd")}</p> : null}
        {mayRespondFor ? <ExitResponseForm criteria={event.criteria} organisation={mayRespondFor.name} /> : null}
      </article>
    </ProblemScope>
  );
}
