import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireMember, requireMemberForForm } from "~/auth/guards.server";
import { PageHeader } from "~/components/page";
import { ActivityNoticeSchema } from "~/domain/vendor-activity";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { readFormData } from "~/http/form-data.server";
import { getActivityNotices, listVendorActivity, setActivityNotices } from "~/models/vendor-activity.server";
import { ActivityList } from "./activity-list";
import { NoticeForm } from "./notice-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of a buyer organisation: what vendors did lately (questions, sign-ups, withdrawals,
// answers to effort requests), and how this member hears of it by e-mail.
export async function loader(args: LoaderFunctionArgs) {
  const { user, organisation } = await requireMember(args, { kind: "buyer" });
  const t = fixedT(await getLanguage(args.request), "participation");
  const [notices, activity] = await Promise.all([getActivityNotices(db(), user.id, organisation.id), listVendorActivity(db(), organisation.id)]);
  return json({
    title: `${t("buyerActivity.title")} – ${organisation.name} – Markedsdialog`,
    organisation: { id: organisation.id, name: organisation.name },
    notices,
    activity,
  });
}

export async function action(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const { user, organisation } = await requireMemberForForm(args, formData, { kind: "buyer" });
  const submission = parseWithZod(formData, { schema: ActivityNoticeSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  await setActivityNotices(db(), user.id, organisation.id, submission.value.mode);
  return json({ result: submission.reply(), saved: true });
}

export default function VendorActivityPage() {
  const { organisation, notices, activity } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["participation"]);
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link to="/workspace/events" className="text-brand-700 underline">
          {t("buyerQuestions.back")}
        </Link>
      </p>
      <PageHeader title={t("buyerActivity.title")} lead={t("buyerActivity.lead", { organisation: organisation.name })} />
      <NoticeForm organisationId={organisation.id} notices={notices} lastResult={actionData?.result} saved={actionData?.saved ?? false} />
      <ActivityList activity={activity} />
    </div>
  );
}
