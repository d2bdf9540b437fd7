import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableScroll } from "~/components/table-scroll";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { ChainStatus } from "~/components/conduct/chain-status";
import { formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { adoptionPrompt } from "~/models/conduct.server";
import { listInteractions } from "~/models/interaction-reads.server";
import { decodeInteractionCursor, encodeInteractionCursor, INTERACTION_PAGE_DEFAULT } from "~/domain/interaction-page";
import { verifyOrganisationChain } from "~/models/interaction-chain.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  const member = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "conduct");
  // Older entries page by page; a cursor the portal did not write shows the newest.
  const cursor = new URL(args.request.url).searchParams.get("cursor");
  const after = cursor ? decodeInteractionCursor(cursor) : null;
  const [entries, verdict, prompt] = await Promise.all([
    listInteractions(db(), member.organisation.id, { limit: INTERACTION_PAGE_DEFAULT, after }),
    verifyOrganisationChain(db(), member.organisation.id),
    adoptionPrompt(db(), member),
  ]);
  const last = entries.length === INTERACTION_PAGE_DEFAULT ? entries[entries.length - 1] : undefined;
  const older = last ? encodeInteractionCursor({ occurredAt: last.occurredAt, recordedAt: last.recordedAt, id: last.id }) : null;
  return json({ title: `${t("log.title")} – Markedsdialog`, organisation: member.organisation, entries, verdict, prompt, older, paged: after !== null });
}

export default function Interactions() {
  const { organisation, entries, verdict, prompt, older, paged } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("conduct");
  const language = i18n.language as Language;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          {t("log.title")}: {organisation.name}
        </h1>
        <p className="text-slate-700">{t("log.lead")}</p>
      </header>
      {prompt ? (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3">
          <p>{t("adoption.prompt", { number: prompt.currentVersion, organisation: organisation.name })}</p>
          <Link to="/conduct" className="font-semibold text-brand-700 underline">
            {t("adoption.adopt", { number: prompt.currentVersion })}
          </Link>
        </div>
      ) : null}
      <p>
        <Link to="/interactions/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("log.new")}
        </Link>
      </p>
      {entries.length === 0 ? (
        <p>{t("log.empty")}</p>
      ) : (
        <TableScroll label={t("log.title")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("log.title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">{t("log.date")}</th>
                <th scope="col">{t("log.subject")}</th>
                <th scope="col">{t("log.counterpart")}</th>
                <th scope="col">{t("log.loggedBy")}</th>
                <th scope="col">{t("log.assessment")}</th>
                <th scope="col">{t("log.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const mine = e.organisationId === organisation.id;
                return (
                  <tr key={e.id} className="border-b border-slate-200 align-top">
                    <td className="py-2">{formatDateTime(e.occurredAt, language)}</td>
                    <td>
                      <Link to={`/interactions/${e.id}`} className="text-brand-700 underline">
                        {e.subject}
                      </Link>
                      {e.supersededById ? <span className="ml-2 rounded bg-slate-200 px-1 text-xs">{t("log.superseded")}</span> : null}
                      {e.quietPeriodContact ? <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("log.quietPeriod")}</span> : null}
                    </td>
                    <td>{mine ? e.counterpartName : e.organisationName}</td>
                    <td>
                      {e.loggedByName}, {e.organisationName}
                    </td>
                    <td>{e.assessment === "concern" && e.concernCategory ? t(`categories.${e.concernCategory}`) : t(`assessments.${e.assessment}`)}</td>
                    <td>{t(`responses.${e.answer ?? "none"}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {older || paged ? (
        <nav aria-label={t("log.pages")} className="flex flex-wrap gap-4">
          {paged ? (
            <Link to="/interactions" className="text-brand-700 underline">
              {t("log.newest")}
            </Link>
          ) : null}
          {older ? (
            <Link to={`/interactions?cursor=${older}`} className="text-brand-700 underline">
              {t("log.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <section aria-labelledby="chain-title" className="space-y-2">
        <h2 id="chain-title" className="text-xl font-semibold">
          {t("log.chainHeading")}
        </h2>
        <ChainStatus verdict={verdict} />
      </section>
    </div>
  );
}
