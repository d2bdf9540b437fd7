import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { BuyerResponseView } from "~/models/event-responses.server";

// The buyer's table of submitted responses, to an event or an effort request: a row per vendor,
// its latest version, and whether (not what) it marked as a business secret.

export function ResponsesTable({ responses, label, hrefOf }: { responses: SerializeFrom<BuyerResponseView>[]; label: string; hrefOf: (responseId: string) => string }) {
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  if (responses.length === 0) return <p>{t("buyer.empty")}</p>;
  return (
    <TableScroll label={label}>
      <table className="min-w-full text-left">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t("buyer.vendor")}</th>
            <th scope="col" className="p-2">{t("buyer.version")}</th>
            <th scope="col" className="p-2">{t("buyer.submittedAt")}</th>
            <th scope="col" className="p-2">{t("buyer.documentCount")}</th>
            <th scope="col" className="p-2">{t("buyer.confidentiality")}</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-medium">
                <Link to={hrefOf(r.id)} className="text-brand-700 underline hover:text-brand-800" aria-label={t("buyer.open", { vendor: r.organisation.name })}>
                  {r.organisation.name}
                </Link>
              </th>
              <td className="p-2">{r.version}</td>
              <td className="p-2">{formatDateTime(r.submittedAt, language)}</td>
              <td className="p-2">{r.documents.length}</td>
              <td className="p-2">
                {r.confidentialReason !== null ? t("buyer.whole") : r.textConfidentialReason !== null || r.documents.some((d) => d.confidential) || r.answers.some((a) => a.confidential) ? t("buyer.parts") : t("buyer.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
