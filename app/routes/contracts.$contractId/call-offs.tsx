import { useTranslation } from "~/i18n/use-translation";
import { formatNok, formatNumber, formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { ContractParty } from "~/models/contract-reads.server";
import type { ContractData } from "./facts";
import { CallOffImportForm } from "./call-off-import";
import { CallOffForm, ResponseForm } from "./forms";
import { TableScroll } from "~/components/table-scroll";

// Call-offs per quarter with the vendor's answer. The public sees that a quarter is disputed;
// the note and the vendor's account are shown to the two parties only (the loader leaves them out).

const STATE_STYLE = { confirm: "text-emerald-800", dispute: "font-semibold text-red-800", none: "text-slate-700" } as const;

export function CallOffsSection({
  contract: c,
  party,
  recordable,
  language,
  csvHref,
}: {
  contract: ContractData;
  party: ContractParty;
  recordable: string[];
  language: Language;
  /** The parties' CSV of the call-offs, notes and accounts included; null for anyone else. */
  csvHref: string | null;
}) {
  const { t } = useTranslation("contracts");
  const unanswered = c.callOffs.filter((o) => o.response === null);
  return (
    <section aria-labelledby="call-offs-title" className="space-y-4">
      <h2 id="call-offs-title" className="text-xl font-semibold">
        {t("callOffs.heading")}
      </h2>
      {c.callOffs.length === 0 ? (
        <p>{t("callOffs.none")}</p>
      ) : (
        <TableScroll label={t("callOffs.caption")}>
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="mb-2 text-left font-medium">{t("callOffs.caption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-2 py-2">{t("callOffs.quarter")}</th>
                <th scope="col" className="px-2 py-2">{t("callOffs.value")}</th>
                <th scope="col" className="px-2 py-2">{t("callOffs.quantity")}</th>
                <th scope="col" className="px-2 py-2">{t("callOffs.state")}</th>
                {party ? <th scope="col" className="px-2 py-2">{t("callOffs.note")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {c.callOffs.map((o) => {
                const state = o.response ?? "none";
                return (
                  <tr key={o.quarter} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-2 py-2 font-normal">{formatQuarter(o.quarter, language)}</th>
                    <td className="px-2 py-2">{o.valueNok === null ? "–" : formatNok(o.valueNok, language)}</td>
                    <td className="px-2 py-2">{o.quantity === null ? "–" : `${formatNumber(o.quantity, language)} ${c.unit ?? ""}`}</td>
                    <td className={`px-2 py-2 ${STATE_STYLE[state]}`}>
                      {t(`callOffs.states.${state}`)}
                      {o.account ? (
                        <span className="mt-1 block font-normal text-slate-900">
                          {t("callOffs.account")}: {o.account}
                        </span>
                      ) : null}
                    </td>
                    {party ? <td className="px-2 py-2">{o.note ?? ""}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {csvHref && c.callOffs.length > 0 ? (
        <p className="text-sm">
          <a href={csvHref} className="font-semibold text-brand-700 underline" download>
            {t("callOffsCsv.link")}
          </a>{" "}
          <span className="text-slate-700">{t("callOffsCsv.linkHint")}</span>
        </p>
      ) : null}
      {party === "buyer" ? (
        <>
          <CallOffForm quarters={recordable} />
          <CallOffImportForm language={language} />
        </>
      ) : null}
      {party === "vendor" ? unanswered.map((o) => <ResponseForm key={o.quarter} quarter={o.quarter} label={formatQuarter(o.quarter, language)} />) : null}
    </section>
  );
}
