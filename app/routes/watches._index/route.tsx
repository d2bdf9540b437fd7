import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireUser } from "~/auth/guards.server";
import { Notice } from "~/components/forms";
import { CONFIRM_REQUIRED, isConfirmed } from "~/domain/confirmation";
import { CreateWatchSchema, UpdateWatchSchema, WatchIdSchema } from "~/domain/watches";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { demandFilterOptions } from "~/models/demand.server";
import { createWatch, deleteWatch, listWatches, renewFeedToken, updateWatch } from "~/models/watches.server";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";
import type { ActionResult, FieldErrorMap } from "./action-result";
import { sectionClass, WatchCard, WatchFields } from "./watch-card";
import { watchRows } from "./watch-rows.server";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Signed in: each person sees and changes only their own watches.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const language = await getLanguage(args.request);
  const t = fixedT(language, "watches");
  const [watches, options] = await Promise.all([listWatches(db(), user.id), demandFilterOptions(db())]);
  const names = Object.fromEntries(options.standards.map((s) => [s.code, s.name]));
  const rows = await watchRows(watches, language, names);
  return json({ title: `${t("title")} – Markedsdialog`, watches: rows });
}

function result(fields: Partial<ActionResult>, init?: number) {
  return json<ActionResult>({ intent: null, id: null, errors: null, values: null, feed: null, name: null, ...fields }, init ? { status: init } : undefined);
}

function feedUrls(token: string) {
  return { atom: absoluteUrl(`/feeds/watches/${token}.atom`), ics: absoluteUrl(`/feeds/watches/${token}.ics`) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CreateWatchSchema });
    if (submission.status !== "success") {
      const values = { name: String(formData.get("name") ?? ""), frequency: String(formData.get("frequency") ?? ""), query: String(formData.get("query") ?? "") };
      return result({ intent, errors: (submission.reply().error ?? null) as FieldErrorMap, values }, 400);
    }
    const created = await createWatch(db(), user.id, submission.value);
    return result({ intent, id: created.id, feed: feedUrls(created.token), name: submission.value.name });
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: UpdateWatchSchema });
    const id = String(formData.get("id") ?? "");
    if (submission.status !== "success") return result({ intent, id, errors: (submission.reply().error ?? null) as FieldErrorMap }, 400);
    if (!(await updateWatch(db(), user.id, submission.value.id, submission.value))) notFound();
    return result({ intent, id });
  }
  if (intent === "delete" || intent === "new-feed-url") {
    const submission = parseWithZod(formData, { schema: WatchIdSchema });
    // Someone else's watch gets the same answer as an unknown one.
    if (submission.status !== "success") notFound();
    const { id } = submission.value;
    if (!isConfirmed(formData)) return result({ intent: submission.value.intent, id, errors: { confirm: [CONFIRM_REQUIRED] } }, 400);
    if (intent === "delete") {
      if (!(await deleteWatch(db(), user.id, id))) notFound();
      return result({ intent, id });
    }
    const token = await renewFeedToken(db(), user.id, id);
    if (token === null) notFound();
    return result({ intent, id, feed: feedUrls(token) });
  }
  return result({}, 400);
}


export default function WatchesPage() {
  const { watches } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("watches");
  const failedCreate = data?.intent === "create" && data.errors ? data : null;
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
      </div>
      {data?.intent === "create" && data.name ? <Notice>{t("created", { name: data.name })}</Notice> : null}
      {data?.intent === "update" && !data.errors ? <Notice>{t("updated")}</Notice> : null}
      {data?.intent === "delete" ? <Notice>{t("deleted")}</Notice> : null}
      {data?.intent === "new-feed-url" ? <Notice>{t("renewed")}</Notice> : null}

      {failedCreate ? (
        <section aria-labelledby="create-title" className={sectionClass}>
          <h2 id="create-title" className="text-xl font-semibold">
            {t("create.heading")}
          </h2>
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="query" value={failedCreate.values?.query ?? ""} />
            <WatchFields idPrefix="create" name={failedCreate.values?.name ?? ""} frequency={failedCreate.values?.frequency ?? "daily"} errors={failedCreate.errors} />
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("create.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {watches.length === 0 ? (
        <p>
          {t("empty")}{" "}
          <Link to="/demand" className="font-medium text-brand-800 underline">
            {t("toDemand")}
          </Link>
        </p>
      ) : (
        <ul className="space-y-6">
          {watches.map((watch) => (
            <li key={watch.id}>
              <WatchCard watch={watch} data={data} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
