import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { AuditTable } from "~/components/audit-table";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { pageAudit, parseAuditCursor } from "~/models/audit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// An organisation's admins see what happened in their own organisation.
export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args, { role: "admin" });
  const t = fixedT(await getLanguage(args.request), "admin");
  const before = parseAuditCursor(new URL(args.request.url).searchParams.get("before"));
  const page = await pageAudit(db(), { organisationId: organisation.id, before });
  return json({ ...page, organisationName: organisation.name, title: `${t("audit.organisationTitle", { organisation: organisation.name })} – Markedsdialog` });
}

export default function OrganisationAudit() {
  const { rows, nextBefore, organisationName } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("audit.organisationTitle", { organisation: organisationName })}</h1>
      <p>{t("audit.lead")}</p>
      <AuditTable rows={rows} nextBefore={nextBefore} basePath="/organisation/audit" showOrganisation={false} />
    </div>
  );
}
