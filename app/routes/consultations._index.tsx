import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { PageHeader, primaryLinkClass } from "~/components/page";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { listConsultations } from "~/models/consultations.server";
import { consultationViewer, mayCreateConsultation } from "./consultations+shared/viewer.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  { tagName: "link", rel: "alternate", type: "application/atom+xml", title: data?.title ?? "Markedsdialog", href: "/consultations.atom" },
];

// Everyone reads the list of consultations; buyers' members and operators may open one.
export async function loader(args: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(args.request), "consultations");
  const [viewer, consultations] = await Promise.all([consultationViewer(args), listConsultations(db())]);
  return json({ title: `${t("list.title")} – Markedsdialog`, consultations, mayCreate: mayCreateConsultation(viewer) });
}

const stateClass = { open: "bg-green-100 text-green-900", awaiting_summary: "bg-slate-100 text-slate-800", missing_summary: "bg-amber-100 text-amber-900", concluded: "bg-blue-100 text-blue-900" } as const;

export default function Consultations() {
  const { consultations, mayCreate } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("consultations");
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        lead={t("list.lead")}
        action={
          mayCreate ? (
            <Link to="/consultations/new" className={primaryLinkClass}>
              {t("list.new")}
            </Link>
          ) : null
        }
      />
      <p className="flex flex-wrap gap-x-4 text-sm">
        <a href="/consultations.atom" className="text-brand-700 underline">
          {t("feeds.atom")}
        </a>
        <a href="/consultations.ics" className="text-brand-700 underline">
          {t("feeds.ics")}
        </a>
      </p>
      {consultations.length === 0 ? (
        <p className="text-slate-700">{t("list.empty")}</p>
      ) : (
        <TableScroll label={t("list.title")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("list.consultation")}</th>
                <th scope="col" className="p-2">{t("list.organiser")}</th>
                <th scope="col" className="p-2">{t("list.deadline")}</th>
                <th scope="col" className="p-2">{t("list.state")}</th>
                <th scope="col" className="p-2">{t("list.responses")}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <Link to={`/consultations/${c.id}`} className="font-semibold text-brand-700 underline">
                      {c.title}
                    </Link>
                    <span className="block text-sm text-slate-700">
                      {t("list.caseNumber")} {c.caseNumber} · {t(`subjects.${c.subject}`)}
                    </span>
                  </td>
                  <td className="p-2">{c.organiserName ?? t("operators")}</td>
                  <td className="p-2">{formatDateTime(c.deadline, language)}</td>
                  <td className="p-2">
                    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-medium ${stateClass[c.state]}`}>{t(`states.${c.state}`)}</span>
                  </td>
                  <td className="p-2">{c.responses === null ? <span className="text-sm text-slate-700">{t("list.hidden")}</span> : c.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
