// /admin/outbox/:id – one outgoing e-mail. The trailing underscore in the file
// name keeps this page out of the list page's layout (Remix flat routes).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { OutboxStatusBadge } from "~/components/outbox-status-badge";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { audit } from "~/models/audit.server";
import { getOutboxMessage, retryFailedMessage } from "~/models/outbox.server";
import { notFound } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireOperator({ request, context });
  const message = await getOutboxMessage(db(), params.id ?? "");
  if (!message) notFound();
  const t = fixedT(await getLanguage(request), "admin");
  return json(
    {
      title: `${t("message.title", { to: message.toAddress })} – Markedsdialog`,
      message: {
        id: message.id,
        createdAt: message.createdAt.toISOString(),
        template: message.template,
        toAddress: message.toAddress,
        language: message.language,
        subject: message.subject,
        status: message.status,
        attempts: message.attempts,
        nextAttemptAt: message.nextAttemptAt.toISOString(),
        sentAt: message.sentAt?.toISOString() ?? null,
        lastError: message.lastError,
        text: message.text,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          bytes: Buffer.from(a.content, "base64").length,
        })),
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const operator = requireOperator({ request, context });
  const message = await getOutboxMessage(db(), params.id ?? "");
  if (!message) notFound();
  const retried = await retryFailedMessage(db(), message.id);
  if (!retried) return json({ result: "notFailed" as const }, { status: 409 });
  await audit(db(), {
    action: "outbox_message_retried",
    actorUserId: operator.id,
    subject: message.toAddress,
    ip: context.ip,
    details: { outboxId: message.id, template: message.template },
  });
  return json({ result: "retried" as const });
}

export default function AdminOutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin");
  const language = i18n.language as Language;
  const row = "grid gap-1 py-2 sm:grid-cols-4";
  const dt = "font-medium text-slate-700";
  const dd = "sm:col-span-3";
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link to="/admin/outbox" className="text-brand-700 underline hover:text-brand-800">
            {t("message.back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 break-words">
          {t("message.title", { to: message.toAddress })}
        </h1>
      </div>

      {actionData ? (
        <p
          role="status"
          className={`max-w-3xl rounded-lg border-l-4 p-4 ${actionData.result === "retried" ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
        >
          {actionData.result === "retried" ? t("message.retried") : t("message.notFailed")}
        </p>
      ) : null}

      {message.status === "failed" ? (
        <Form method="post" className="max-w-3xl space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t("message.retry")}
          </button>
          <p className="text-sm text-slate-700">{t("message.retryHelp")}</p>
        </Form>
      ) : null}

      <section aria-labelledby="message-details" className="space-y-2">
        <h2 id="message-details" className="text-xl font-semibold">
          {t("message.details")}
        </h2>
        <dl className="max-w-3xl divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
          <div className={row}>
            <dt className={dt}>{t("message.status")}</dt>
            <dd className={dd}>
              <OutboxStatusBadge status={message.status} />
            </dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.recipient")}</dt>
            <dd className={`${dd} break-all`}>{message.toAddress}</dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.subject")}</dt>
            <dd className={dd} lang={message.language}>
              {message.subject}
            </dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.language")}</dt>
            <dd className={dd}>{t(`languages.${message.language}`)}</dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.template")}</dt>
            <dd className={dd}>
              <code>{message.template}</code>
            </dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.createdAt")}</dt>
            <dd className={dd}>{formatDateTime(message.createdAt, language)}</dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.attempts")}</dt>
            <dd className={dd}>{message.attempts}</dd>
          </div>
          {message.status === "pending" ? (
            <div className={row}>
              <dt className={dt}>{t("message.nextAttemptAt")}</dt>
              <dd className={dd}>{formatDateTime(message.nextAttemptAt, language)}</dd>
            </div>
          ) : null}
          {message.sentAt ? (
            <div className={row}>
              <dt className={dt}>{t("message.sentAt")}</dt>
              <dd className={dd}>{formatDateTime(message.sentAt, language)}</dd>
            </div>
          ) : null}
          <div className={row}>
            <dt className={dt}>{t("message.lastError")}</dt>
            <dd className={`${dd} break-words`}>{message.lastError ?? t("message.none")}</dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.attachments")}</dt>
            <dd className={dd}>
              {message.attachments.length === 0 ? (
                t("message.none")
              ) : (
                <ul>
                  {message.attachments.map((a, i) => (
                    <li key={i}>
                      {a.filename} ({a.contentType}, {a.bytes} B)
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div className={row}>
            <dt className={dt}>{t("message.id")}</dt>
            <dd className={dd}>
              <code>{message.id}</code>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="message-text" className="space-y-2">
        <h2 id="message-text" className="text-xl font-semibold">
          {t("message.textPart")}
        </h2>
        <pre
          lang={message.language}
          className="max-w-3xl whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-mono text-sm"
        >
          {message.text}
        </pre>
      </section>

      <section aria-labelledby="message-html" className="space-y-2">
        <h2 id="message-html" className="text-xl font-semibold">
          {t("message.htmlPart")}
        </h2>
        {/* Its own URL and policy (a srcdoc frame would inherit this page's, which blocks the mail's
            inline styles); sandbox="": no scripts, forms, plugins or navigation, a unique origin. */}
        <iframe
          title={t("message.htmlFrameTitle")}
          sandbox=""
          src={`/admin/outbox/${message.id}/preview`}
          className="h-[40rem] w-full max-w-3xl rounded-lg border border-slate-200 bg-white"
        />
      </section>
    </div>
  );
}
