import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { ReportTable } from "~/components/protected-report";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listReportsForOperators } from "~/models/protected-reports.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Operators only, and without who reported: that is read one report at a time, logged.
export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const t = fixedT(await getLanguage(args.request), "reports");
  const reports = await listReportsForOperators(db());
  return json({ title: `${t("admin.title")} – Markedsdialog`, reports }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AdminReports() {
  const { reports } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  return (
    <div className="space-y-6">
      <AdminNav />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("admin.lead")}</p>
      </header>
      {reports.length === 0 ? (
        <p>{t("admin.none")}</p>
      ) : (
        <ReportTable reports={reports} caption={t("admin.caption")} hrefOf={(id) => `/admin/reports/${id}`} />
      )}
    </div>
  );
}
