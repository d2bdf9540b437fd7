import { parseWithZod } from "@conform-to/zod/v4";
import { TableScroll } from "~/components/table-scroll";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { fieldErrors } from "~/domain/problems";
import { getUser, requireMember } from "~/auth/guards.server";
import { FieldErrors, Notice, ProblemScope } from "~/components/forms";
import { ROADMAP_STATUSES, RemoveRoadmapEntrySchema, RoadmapEntrySchema } from "~/domain/roadmap";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { demandFilterOptions } from "~/models/demand.server";
import { getMembership } from "~/models/memberships.server";
import { buyerRoadmap, removeRoadmapEntry, saveRoadmapEntry } from "~/models/roadmaps.server";
import { readFormData } from "~/http/form-data.server";
import { invariantResponse, notFound } from "~/http/responses.server";
import { isSlug } from "~/domain/slug";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Markedsdialog" },
  ...(data ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", title: data.atomTitle, href: `/organisations/${data.buyer.slug}.atom` }] : []),
];

async function findBuyer(slug: string | undefined) {
  invariantResponse(isSlug(slug), "Not Found");
  const buyer = await db()
    .selectFrom("organisations")
    .select(["id", "name", "slug"])
    .where("slug", "=", slug ?? "")
    .where("isBuyer", "=", true)
    .executeTakeFirst();
  invariantResponse(buyer, "Not Found");
  return buyer;
}

// Public to read; the buyer's own members edit it.
export async function loader(args: LoaderFunctionArgs) {
  const buyer = await findBuyer(args.params.slug);
  const language = await getLanguage(args.request);
  const t = fixedT(language, "standards");
  const user = getUser(args);
  const [roadmap, options, membership] = await Promise.all([
    buyerRoadmap(db(), buyer.id),
    demandFilterOptions(db()),
    user ? getMembership(db(), user.id, buyer.id) : null,
  ]);
  return json({
    title: `${t("buyerRoadmap.title", { name: buyer.name })} – Markedsdialog`,
    atomTitle: t("buyerRoadmap.atom", { name: buyer.name }),
    buyer,
    ...roadmap,
    standards: options.standards,
    canEdit: Boolean(membership),
  });
}

interface ActionResult {
  intent: "save" | "remove" | null;
  errors: Record<string, string[] | null> | null;
  values: Record<string, string> | null;
}

export async function action(args: ActionFunctionArgs) {
  const buyer = await findBuyer(args.params.slug);
  const member = await requireMember(args, { organisationId: buyer.id, kind: "buyer" });
  const actor = { organisationId: buyer.id, userId: member.user.id };
  const formData = await readFormData(args.request);
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  const reply = (fields: Partial<ActionResult>, status?: number) =>
    json<ActionResult>({ intent: null, errors: null, values: null, ...fields }, status ? { status } : undefined);

  if (formData.get("intent") === "save") {
    const submission = parseWithZod(formData, { schema: RoadmapEntrySchema });
    if (submission.status !== "success") return reply({ intent: "save", errors: submission.reply().error ?? null, values }, 400);
    const saved = await saveRoadmapEntry(db(), actor, submission.value);
    if (!saved.ok) return reply({ intent: "save", errors: fieldErrors(saved), values }, 400);
    return reply({ intent: "save" });
  }
  if (formData.get("intent") === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveRoadmapEntrySchema });
    if (submission.status !== "success" || !(await removeRoadmapEntry(db(), actor, submission.value.standard))) {
      notFound();
    }
    return reply({ intent: "remove" });
  }
  return reply({}, 400);
}

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
const inputClass = "mt-1 block w-full rounded border px-3 py-2 text-slate-900 shadow-sm";

export default function BuyerRoadmapPage() {
  const { buyer, entries, history, standards, canEdit } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation("standards");
  const language = i18n.language as Language;
  const failed = data?.intent === "save" && data.errors ? data : null;
  const errorsOf = (field: string) => failed?.errors?.[field] ?? undefined;
  const described = (field: string, hint?: string) =>
    [hint, errorsOf(field)?.length ? `roadmap-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <ProblemScope first="forms">
      <div className="space-y-8">
        <div className="space-y-2">
          <p>
            <Link to="/standards" className="font-medium text-brand-800 underline">
              {t("buyerRoadmap.back")}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("buyerRoadmap.title", { name: buyer.name })}</h1>
          <p className="max-w-3xl text-lg text-slate-700">{t("buyerRoadmap.lead", { name: buyer.name })}</p>
        </div>
        {data?.intent === "save" && !data.errors ? <Notice>{t("buyerRoadmap.saved")}</Notice> : null}
        {data?.intent === "remove" ? <Notice>{t("buyerRoadmap.removedNotice")}</Notice> : null}

        {entries.length === 0 ? (
          <p>{t("buyerRoadmap.empty", { name: buyer.name })}</p>
        ) : (
          <TableScroll label={t("buyerRoadmap.title", { name: buyer.name })}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("buyerRoadmap.title", { name: buyer.name })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="px-3 py-2">{t("buyerRoadmap.standard")}</th>
                  <th scope="col" className="px-3 py-2">{t("roadmaps.status")}</th>
                  <th scope="col" className="px-3 py-2">{t("roadmaps.date")}</th>
                  <th scope="col" className="px-3 py-2">{t("roadmaps.note")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("buyerRoadmap.events")}</th>
                  <th scope="col" className="px-3 py-2">{t("roadmaps.changed")}</th>
                  {canEdit ? <td /> : null}
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.code} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {entry.name}
                    </th>
                    <td className="px-3 py-2">{t(`roadmaps.statuses.${entry.status}`)}</td>
                    <td className="px-3 py-2">{entry.date ? formatDate(entry.date, language) : t("notDated")}</td>
                    <td className="px-3 py-2">{entry.note}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {entry.openEvents > 0 ? (
                        <Link to={`/demand?buyer=${buyer.slug}&standard=${entry.code}`} className="text-brand-800 underline">
                          {formatNumber(entry.openEvents, language)}
                        </Link>
                      ) : (
                        formatNumber(0, language)
                      )}
                    </td>
                    <td className="px-3 py-2">{t("roadmaps.changedBy", { date: formatDate(entry.changedAt, language), organisation: buyer.name })}</td>
                    {canEdit ? (
                      <td className="px-3 py-2">
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="standard" value={entry.code} />
                          <button type="submit" className="whitespace-nowrap rounded border border-slate-400 px-3 py-1 font-medium hover:bg-slate-100">
                            {t("buyerRoadmap.remove")}
                            <span className="sr-only"> ({entry.name})</span>
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}

        {canEdit ? (
          <section aria-labelledby="roadmap-edit-title" className={sectionClass}>
            <h2 id="roadmap-edit-title" className="text-xl font-semibold">
              {t("buyerRoadmap.editHeading")}
            </h2>
            <p className="text-slate-700">{t("buyerRoadmap.editLead")}</p>
            <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
              <input type="hidden" name="intent" value="save" />
              <div>
                <label htmlFor="roadmap-standard" className="block font-medium text-slate-800">
                  {t("buyerRoadmap.standard")}
                </label>
                <select id="roadmap-standard" name="standard" defaultValue={failed?.values?.standard ?? ""} aria-invalid={errorsOf("standard") ? true : undefined} aria-describedby={described("standard")} className={`${inputClass} ${errorsOf("standard") ? "border-red-700" : "border-slate-400"}`}>
                  <option value="">{t("buyerRoadmap.chooseStandard")}</option>
                  {standards.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <FieldErrors id="roadmap-standard-error" errors={errorsOf("standard")} />
              </div>
              <div>
                <label htmlFor="roadmap-status" className="block font-medium text-slate-800">
                  {t("roadmaps.status")}
                </label>
                <select id="roadmap-status" name="status" defaultValue={failed?.values?.status ?? "required"} aria-invalid={errorsOf("status") ? true : undefined} aria-describedby={described("status")} className={`${inputClass} ${errorsOf("status") ? "border-red-700" : "border-slate-400"}`}>
                  {ROADMAP_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`roadmaps.statuses.${status}`)}
                    </option>
                  ))}
                </select>
                <FieldErrors id="roadmap-status-error" errors={errorsOf("status")} />
              </div>
              <div>
                <label htmlFor="roadmap-date" className="block font-medium text-slate-800">
                  {t("roadmaps.date")}
                </label>
                <p id="roadmap-date-hint" className="text-sm text-slate-600">
                  {t("buyerRoadmap.dateHint")}
                </p>
                <input id="roadmap-date" name="date" type="date" defaultValue={failed?.values?.date ?? ""} aria-invalid={errorsOf("date") ? true : undefined} aria-describedby={described("date", "roadmap-date-hint")} className={`${inputClass} ${errorsOf("date") ? "border-red-700" : "border-slate-400"}`} />
                <FieldErrors id="roadmap-date-error" errors={errorsOf("date")} />
              </div>
              <div>
                <label htmlFor="roadmap-note" className="block font-medium text-slate-800">
                  {t("roadmaps.note")}
                </label>
                <textarea id="roadmap-note" name="note" rows={2} maxLength={1000} defaultValue={failed?.values?.note ?? ""} aria-invalid={errorsOf("note") ? true : undefined} aria-describedby={described("note")} className={`${inputClass} ${errorsOf("note") ? "border-red-700" : "border-slate-400"}`} />
                <FieldErrors id="roadmap-note-error" errors={errorsOf("note")} />
              </div>
              <div className="sm:col-span-2">
                <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                  {t("buyerRoadmap.save")}
                </button>
              </div>
            </Form>
          </section>
        ) : null}

        <section aria-labelledby="roadmap-history-title" className="space-y-3">
          <h2 id="roadmap-history-title" className="text-2xl font-bold">
            {t("buyerRoadmap.historyHeading")}
          </h2>
          {history.length === 0 ? (
            <p>{t("buyerRoadmap.historyEmpty")}</p>
          ) : (
            <ol className="space-y-2">
              {history.map((change) => (
                <li key={change.id} className="rounded border border-slate-200 bg-white px-4 py-2">
                  <span className="font-medium">{change.name}</span>:{" "}
                  {change.status
                    ? `${t(`roadmaps.statuses.${change.status}`)}${change.date ? ` ${formatDate(change.date, language)}` : ""}${change.note ? ` – ${change.note}` : ""}`
                    : t("roadmaps.removed")}
                  <span className="block text-sm text-slate-700">
                    {t("roadmaps.changedBy", { date: formatDate(change.changedAt, language), organisation: change.organisationName })}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </ProblemScope>
  );
}
