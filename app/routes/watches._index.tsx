import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "@db/db.server";
import { requireUser } from "~/auth/guards.server";
import { FieldErrors, Notice } from "~/components/ui/field";
import { CreateWatchSchema, UpdateWatchSchema, WATCH_FREQUENCIES, WatchIdSchema, watchFilter } from "~/domain/watches";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatDateTime } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { demandFilterOptions, demandHref } from "~/models/demand.server";
import { createWatch, deleteWatch, latestForWatch, listWatches, renewFeedToken, updateWatch } from "~/models/watches.server";
import { describeDemandFilter } from "~/i18n/demand-filter-text";
import { absoluteUrl } from "~/http/public-url.server";
import { readFormData } from "~/http/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Signed in: each person sees and changes only their own watches.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const language = await getLanguage(args.request);
  const t = fixedT(language, "watches");
  const [watches, options] = await Promise.all([listWatches(db(), user.id), demandFilterOptions(db())]);
  const names = Object.fromEntries(options.standards.map((s) => [s.code, s.name]));
  const rows = await Promise.all(
    watches.map(async (watch) => {
      const filter = watchFilter(watch.query);
      return {
        ...watch,
        filterLines: describeDemandFilter(filter, language, names),
        demandHref: demandHref("/demand", filter),
        latest: await latestForWatch(db(), watch.query),
      };
    }),
  );
  return json({ title: `${t("title")} – Markedsdialog`, watches: rows });
}

type FieldErrorMap = Record<string, string[] | null> | null;

interface ActionResult {
  intent: "create" | "update" | "delete" | "new-feed-url" | null;
  id: string | null;
  errors: FieldErrorMap;
  /** What a refused "create" sent, to show again. */
  values: { name: string; frequency: string; query: string } | null;
  /** New feed addresses: shown once. */
  feed: { atom: string; ics: string } | null;
  name: string | null;
}

function result(fields: Partial<ActionResult>, init?: number) {
  return json<ActionResult>({ intent: null, id: null, errors: null, values: null, feed: null, name: null, ...fields }, init ? { status: init } : undefined);
}

function feedUrls(request: Request, token: string) {
  return { atom: absoluteUrl(`/feeds/watches/${token}.atom`), ics: absoluteUrl(`/feeds/watches/${token}.ics`) };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const formData = await readFormData(args.request);
  const intent = formData.get("intent");
  const notFound = () => new Response(null, { status: 404 });

  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CreateWatchSchema });
    if (submission.status !== "success") {
      const values = { name: String(formData.get("name") ?? ""), frequency: String(formData.get("frequency") ?? ""), query: String(formData.get("query") ?? "") };
      return result({ intent, errors: (submission.reply().error ?? null) as FieldErrorMap, values }, 400);
    }
    const created = await createWatch(db(), user.id, submission.value);
    return result({ intent, id: created.id, feed: feedUrls(args.request, created.token), name: submission.value.name });
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: UpdateWatchSchema });
    const id = String(formData.get("id") ?? "");
    if (submission.status !== "success") return result({ intent, id, errors: (submission.reply().error ?? null) as FieldErrorMap }, 400);
    if (!(await updateWatch(db(), user.id, submission.value.id, submission.value))) throw notFound();
    return result({ intent, id });
  }
  if (intent === "delete" || intent === "new-feed-url") {
    const submission = parseWithZod(formData, { schema: WatchIdSchema });
    // Someone else's watch gets the same answer as an unknown one.
    if (submission.status !== "success") throw notFound();
    const { id } = submission.value;
    if (intent === "delete") {
      if (!(await deleteWatch(db(), user.id, id))) throw notFound();
      return result({ intent, id });
    }
    const token = await renewFeedToken(db(), user.id, id);
    if (token === null) throw notFound();
    return result({ intent, id, feed: feedUrls(args.request, token) });
  }
  return result({}, 400);
}

const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
const inputClass = "mt-1 block w-full rounded border px-3 py-2 text-slate-900 shadow-sm";

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

type WatchRow = ReturnType<typeof useLoaderData<typeof loader>>["watches"][number];
type ActionData = ReturnType<typeof useActionData<typeof action>>;

function WatchCard({ watch, data }: { watch: WatchRow; data: ActionData }) {
  const { t, i18n } = useTranslation("watches");
  const language = i18n.language as Language;
  const mine = data?.id === watch.id ? data : null;
  const headingId = `watch-${watch.id}`;
  return (
    <section aria-labelledby={headingId} className={sectionClass}>
      <h2 id={headingId} className="text-xl font-semibold">
        {watch.name}
      </h2>
      <div>
        <h3 className="font-semibold">{t("filter")}</h3>
        {watch.filterLines.length === 0 ? (
          <p>{t("allEvents")}</p>
        ) : (
          <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {watch.filterLines.map((line) => (
              <div key={line.label} className="contents">
                <dt className="font-medium text-slate-700">{line.label}:</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="mt-2">
          <Link to={watch.demandHref} className="font-medium text-brand-800 underline">
            {t("showMatches")}
            <span className="sr-only"> ({watch.name})</span>
          </Link>
        </p>
      </div>
      <div>
        <h3 className="font-semibold">{t("latest")}</h3>
        {watch.latest.length === 0 ? (
          <p>{t("noMatches")}</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {watch.latest.map((event) => (
              <li key={event.id}>
                <Link to={`/events/${event.id}`} className="text-brand-800 underline">
                  {event.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  – {event.buyerName}, {formatDate(event.updatedAt, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="id" value={watch.id} />
        <WatchFields idPrefix={watch.id} name={watch.name} frequency={watch.frequency} errors={mine?.intent === "update" ? mine.errors : null} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("save")}
        </button>
      </Form>

      <div className="space-y-2 border-t border-slate-200 pt-4">
        <h3 className="font-semibold">{t("feeds.heading")}</h3>
        <p className="text-sm text-slate-700">{t("feeds.lead")}</p>
        {mine?.feed ? (
          <div role="status" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3">
            <p>
              <span className="font-medium">{t("feeds.atom")}:</span>{" "}
              <a href={mine.feed.atom} className="break-all font-mono text-sm text-brand-800 underline">
                {mine.feed.atom}
              </a>
            </p>
            <p>
              <span className="font-medium">{t("feeds.ics")}:</span>{" "}
              <a href={mine.feed.ics} className="break-all font-mono text-sm text-brand-800 underline">
                {mine.feed.ics}
              </a>
            </p>
          </div>
        ) : (
          <p>{t("feeds.shownOnce", { date: formatDateTime(watch.feedTokenCreatedAt, language) })}</p>
        )}
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value="new-feed-url" />
            <input type="hidden" name="id" value={watch.id} />
            <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
              {t("feeds.renew")}
              <span className="sr-only"> ({watch.name})</span>
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={watch.id} />
            <button type="submit" className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
              {t("delete")}
              <span className="sr-only"> ({watch.name})</span>
            </button>
          </Form>
        </div>
      </div>
    </section>
  );
}

/** Name and frequency, with their errors by the field. */
function WatchFields({ idPrefix, name, frequency, errors }: { idPrefix: string; name: string; frequency: string; errors: FieldErrorMap | null }) {
  const { t } = useTranslation("watches");
  const nameErrors = errors?.name ?? undefined;
  const frequencyErrors = errors?.frequency ?? undefined;
  const ids = { name: `${idPrefix}-name`, hint: `${idPrefix}-name-hint`, nameError: `${idPrefix}-name-error`, frequency: `${idPrefix}-frequency`, frequencyError: `${idPrefix}-frequency-error` };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor={ids.name} className="block font-medium text-slate-800">
          {t("fields.name")}
        </label>
        <p id={ids.hint} className="text-sm text-slate-600">
          {t("fields.nameHint")}
        </p>
        <input
          id={ids.name}
          name="name"
          defaultValue={name}
          required
          maxLength={100}
          aria-invalid={nameErrors?.length ? true : undefined}
          aria-describedby={nameErrors?.length ? `${ids.hint} ${ids.nameError}` : ids.hint}
          className={`${inputClass} ${nameErrors?.length ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldErrors id={ids.nameError} errors={nameErrors} />
      </div>
      <div>
        <label htmlFor={ids.frequency} className="block font-medium text-slate-800">
          {t("fields.frequency")}
        </label>
        <select
          id={ids.frequency}
          name="frequency"
          defaultValue={frequency}
          aria-invalid={frequencyErrors?.length ? true : undefined}
          aria-describedby={frequencyErrors?.length ? ids.frequencyError : undefined}
          className={`${inputClass} ${frequencyErrors?.length ? "border-red-700" : "border-slate-400"}`}
        >
          {WATCH_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequency.${f}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={ids.frequencyError} errors={frequencyErrors} />
      </div>
    </div>
  );
}
