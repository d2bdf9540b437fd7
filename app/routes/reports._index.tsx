import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireVerifiedUser } from "~/auth/guards.server";
import { ReportTable } from "~/components/protected-report";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listOwnReports } from "~/models/protected-reports.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// A person's own protected reports: not its colleagues', whose names would give them away.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const t = fixedT(await getLanguage(args.request), "reports");
  const reports = await listOwnReports(db(), user.id);
  return json({ title: `${t("list.title")} – Markedsdialog`, reports }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ReportsPage() {
  const { reports } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="text-slate-700">{t("list.lead")}</p>
        <p>
          <Link to="/reports/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white underline-offset-2 hover:underline">
            {t("list.new")}
          </Link>
        </p>
      </header>
      {reports.length === 0 ? (
        <p className="text-slate-700">{t("list.none")}</p>
      ) : (
        <ReportTable reports={reports} caption={t("list.caption")} hrefOf={(id) => `/reports/${id}`} />
      )}
    </div>
  );
}
