import { Link } from "@remix-run/react";
import { TableScroll } from "./table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  subject: string | null;
  ip: string | null;
  actorName: string | null;
  actorEmail: string | null;
  organisationName: string | null;
}

/** The audit log, newest first, paged by the last id shown (keyset). */
export function AuditTable({ rows, nextBefore, basePath, showOrganisation }: { rows: AuditRow[]; nextBefore: number | null; basePath: string; showOrganisation: boolean }) {
  const { t, i18n } = useTranslation("admin");
  if (rows.length === 0) return <p>{t("audit.empty")}</p>;
  return (
    <div className="space-y-4">
      <TableScroll label={t("audit.title")}>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("audit.at")}</th>
              <th scope="col" className="py-2 pr-4">{t("audit.action")}</th>
              <th scope="col" className="py-2 pr-4">{t("audit.actor")}</th>
              {showOrganisation ? <th scope="col" className="py-2 pr-4">{t("audit.organisation")}</th> : null}
              <th scope="col" className="py-2 pr-4">{t("audit.subject")}</th>
              <th scope="col" className="py-2 pr-4">{t("audit.ip")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(row.at, i18n.language as Language)}</td>
                <td className="py-2 pr-4">{t(`audit.actions.${row.action}`, { defaultValue: row.action })}</td>
                <td className="py-2 pr-4">{row.actorName ? `${row.actorName} (${row.actorEmail})` : t("audit.system")}</td>
                {showOrganisation ? <td className="py-2 pr-4">{row.organisationName ?? ""}</td> : null}
                <td className="py-2 pr-4">{row.subject ?? ""}</td>
                <td className="py-2 pr-4">{row.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label={t("audit.title")} className="flex gap-4">
        <Link to={basePath} className="text-brand-700 underline">
          {t("audit.newest")}
        </Link>
        {nextBefore !== null ? (
          <Link to={`${basePath}?before=${nextBefore}`} className="text-brand-700 underline">
            {t("audit.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
