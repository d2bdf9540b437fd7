import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { SubmitButton } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { unsubscribeWatch, watchForUnsubscribe } from "~/models/watches.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }, { name: "robots", content: "noindex" }];

// A digest's unsubscribe link: the secret in the link is the permission, so it works without
// signing in. GET only asks (link scanners and previews fetch links); POST — the button here,
// or a mail client's one-click request under RFC 8058 — deletes the watch.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "watches");
  const watch = await watchForUnsubscribe(db(), params.token ?? "");
  return json({ title: `${t("unsubscribe.title")} – Markedsdialog`, watchName: watch?.name ?? null }, { status: watch ? 200 : 404 });
}

export async function action({ params }: ActionFunctionArgs) {
  const removed = await unsubscribeWatch(db(), params.token ?? "");
  return json({ unsubscribed: removed?.name ?? null }, { status: removed ? 200 : 404 });
}

export default function UnsubscribePage() {
  const { watchName } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation("watches");
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("unsubscribe.title")}</h1>
      {done?.unsubscribed ? (
        <p role="status">{t("unsubscribe.done", { name: done.unsubscribed })}</p>
      ) : watchName && !done ? (
        <>
          <p>{t("unsubscribe.confirm", { name: watchName })}</p>
          <Form method="post">
            <SubmitButton>{t("unsubscribe.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p role="alert">{t("unsubscribe.invalid")}</p>
      )}
      <p>
        <Link to="/watches" className="text-brand-700 underline">
          {t("unsubscribe.manage")}
        </Link>
      </p>
    </section>
  );
}
