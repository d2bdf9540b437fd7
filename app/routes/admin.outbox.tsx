import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableScroll } from "~/components/table-scroll";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { requireOperator } from "~/auth/guards.server";
import { OutboxStatusBadge } from "~/components/outbox-status-badge";
import { fixedT } from "~/i18n/i18n";
import { formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { OUTBOX_STATUSES, isOutboxStatus } from "~/domain/outbox";
import { listOutbox } from "~/models/outbox.server";
import { AdminNav } from "~/components/admin-nav";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Operators only: recipients' addresses and the mail sent to them are personal data.
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireOperator({ request, context });
  const t = fixedT(await getLanguage(request), "admin");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = isOutboxStatus(statusParam) ? statusParam : null;
  const after = url.searchParams.get("after");
  const { messages, next } = await listOutbox(db(), { status, after, limit: 50 });
  return json(
    {
      title: `${t("outbox.title")} – Markedsdialog`,
      status,
      isFirstPage: !after,
      next,
      messages: messages.map((m) => ({
        id: m.id,
        createdAt: m.createdAt.toISOString(),
        template: m.template,
        toAddress: m.toAddress,
        language: m.language,
        subject: m.subject,
        status: m.status,
        attempts: m.attempts,
        // The table shows the start; the message page shows it all.
        lastError: m.lastError && m.lastError.length > 160 ? `${m.lastError.slice(0, 160)}…` : m.lastError,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AdminOutbox() {
  const { messages, status, isFirstPage, next } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const language = i18n.language as Language;
  const pageLink = (after: string | null) => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (after) params.set("after", after);
    const query = params.toString();
    return query ? `/admin/outbox?${query}` : "/admin/outbox";
  };
  const th = "px-3 py-2 text-left font-semibold text-slate-900";
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <AdminNav />
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("outbox.title")}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t("outbox.lead")}</p>
      </div>

      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="outbox-status" className="block text-sm font-medium text-slate-700">
            {t("outbox.filter.label")}
          </label>
          <select
            id="outbox-status"
            name="status"
            defaultValue={status ?? ""}
            className="mt-1 rounded border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">{t("outbox.filter.all")}</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("outbox.filter.submit")}
        </button>
      </Form>

      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <TableScroll label={t("outbox.caption")}>
          <table className="w-full divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            <caption className="sr-only">{t("outbox.caption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t("outbox.columns.createdAt")}
                </th>
                <th scope="col" className={th}>
                  {t("outbox.columns.status")}
                </th>
                <th scope="col" className={th}>
                  {t("outbox.columns.recipient")}
                </th>
                <th scope="col" className={th}>
                  {t("outbox.columns.subject")}
                </th>
                <th scope="col" className={th}>
                  {t("outbox.columns.template")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("outbox.columns.attempts")}
                </th>
                <th scope="col" className={th}>
                  {t("outbox.columns.lastError")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {messages.map((m) => (
                <tr key={m.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.createdAt, language)}</td>
                  <td className="px-3 py-2">
                    <OutboxStatusBadge status={m.status} />
                  </td>
                  <td className="px-3 py-2 break-all">{m.toAddress}</td>
                  <td className="px-3 py-2">
                    <Link to={`/admin/outbox/${m.id}`} lang={m.language} className="text-brand-700 underline hover:text-brand-800">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <code>{m.template}</code>
                  </td>
                  <td className="px-3 py-2 text-right">{m.attempts}</td>
                  <td className="px-3 py-2 break-words text-slate-700">{m.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {!isFirstPage || next ? (
        <nav aria-label={t("outbox.pagination")}>
          <ul className="flex gap-4">
            {!isFirstPage ? (
              <li>
                <Link to={pageLink(null)} className="font-semibold text-brand-700 underline hover:text-brand-800">
                  {t("outbox.newest")}
                </Link>
              </li>
            ) : null}
            {next ? (
              <li>
                <Link to={pageLink(next)} className="font-semibold text-brand-700 underline hover:text-brand-800">
                  {t("outbox.older")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
