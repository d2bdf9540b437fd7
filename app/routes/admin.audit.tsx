import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { AuditTable } from "~/components/audit-table";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { pageAudit, parseAuditCursor } from "~/models/audit.server";
import { AdminNav } from "~/components/admin-nav";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Operators only: the whole platform's audit log.
export async function loader(args: LoaderFunctionArgs) {
  requireOperator(args);
  const t = fixedT(await getLanguage(args.request), "admin");
  const before = parseAuditCursor(new URL(args.request.url).searchParams.get("before"));
  return json({ ...(await pageAudit(db(), { before })), title: `${t("audit.title")} – Markedsdialog` });
}

export default function AdminAudit() {
  const { rows, nextBefore } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-6">
      <AdminNav />
      <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
      <p>{t("audit.lead")}</p>
      <AuditTable rows={rows} nextBefore={nextBefore} basePath="/admin/audit" showOrganisation />
    </div>
  );
}
