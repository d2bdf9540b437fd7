import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableScroll } from "~/components/table-scroll";
import { AdminNav } from "~/components/admin-nav";
import { ChainBreakList } from "~/components/conduct/chain-status";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { verifyAllChains } from "~/models/interaction-chain.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const t = fixedT(await getLanguage(args.request), "conduct");
  return json({ title: `${t("chains.title")} – Markedsdialog`, chains: await verifyAllChains(db()) });
}

export default function InteractionChains() {
  const { chains } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conduct");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <AdminNav />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("chains.title")}</h1>
        <p className="text-slate-700">{t("chains.lead")}</p>
      </header>
      {chains.length === 0 ? (
        <p>{t("chains.empty")}</p>
      ) : (
        <TableScroll label={t("chains.title")}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">{t("chains.organisation")}</th>
                <th scope="col">{t("chains.entries")}</th>
                <th scope="col">{t("chains.status")}</th>
              </tr>
            </thead>
            <tbody>
              {chains.map(({ id, name, verdict }) => (
                <tr key={id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 font-medium">{name}</th>
                  <td>{verdict.length}</td>
                  <td className={verdict.ok ? "text-emerald-800" : "py-2 text-red-800"}>
                    {verdict.ok ? (
                      t("chains.ok")
                    ) : (
                      <>
                        <p className="font-semibold">{t("chains.broken", { count: verdict.breaks.length })}</p>
                        <ChainBreakList breaks={verdict.breaks} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
