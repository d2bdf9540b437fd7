import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ConfirmDisclosure, FieldErrors, ProblemScope } from "~/components/forms";
import { WATCH_FREQUENCIES } from "~/domain/watches";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { ActionResult, FieldErrorMap } from "./action-result";
import type { watchRows } from "./watch-rows.server";

// One watch: its filter, latest matches, feeds and the forms that change it.

export const sectionClass = "space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
export const inputClass = "mt-1 block w-full rounded border px-3 py-2 text-slate-900 shadow-sm";

type WatchRow = SerializeFrom<Awaited<ReturnType<typeof watchRows>>[number]>;
type ActionData = SerializeFrom<ActionResult> | undefined;

export function WatchCard({ watch, data }: { watch: WatchRow; data: ActionData }) {
  const { t, i18n } = useTranslation("watches");
  const language = i18n.language as Language;
  const mine = data?.id === watch.id ? data : null;
  const headingId = `watch-${watch.id}`;
  return (
    <ProblemScope first="forms">
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
                  <Link to={event.url} className="text-brand-800 underline">
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
            <ConfirmDisclosure
              id={`renew-${watch.id}-confirm`}
              summary={
                <>
                  {t("feeds.renew")}
                  <span className="sr-only"> ({watch.name})</span>
                </>
              }
              consequence={<p>{t("feeds.renewConsequence")}</p>}
              submit={t("feeds.renew")}
              errors={mine?.intent === "new-feed-url" ? mine.errors?.confirm : null}
            >
              <input type="hidden" name="intent" value="new-feed-url" />
              <input type="hidden" name="id" value={watch.id} />
            </ConfirmDisclosure>
            <ConfirmDisclosure
              id={`delete-${watch.id}-confirm`}
              summary={
                <>
                  {t("delete")}
                  <span className="sr-only"> ({watch.name})</span>
                </>
              }
              consequence={<p>{t("deleteConsequence")}</p>}
              submit={t("delete")}
              errors={mine?.intent === "delete" ? mine.errors?.confirm : null}
            >
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={watch.id} />
            </ConfirmDisclosure>
          </div>
        </div>
      </section>
    </ProblemScope>
  );
}

/** Name and frequency, with their errors by the field. */
export function WatchFields({ idPrefix, name, frequency, errors }: { idPrefix: string; name: string; frequency: string; errors: FieldErrorMap | null }) {
  const { t } = useTranslation("watches");
  const nameErrors = errors?.name ?? undefined;
  const frequencyErrors = errors?.frequency ?? undefined;
  const ids = { name: `${idPrefix}-name`, hint: `${idPrefix}-name-hint`, nameError: `${idPrefix}-name-error`, frequency: `${idPrefix}-frequency`, frequencyError: `${idPrefix}-frequency-error` };
  return (
    <ProblemScope first="forms">
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
    </ProblemScope>
  );
}
