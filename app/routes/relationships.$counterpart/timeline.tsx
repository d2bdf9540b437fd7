import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { TIMELINE_TYPES, type parseTimelineType } from "~/domain/relationships";
import { formatDate, formatNok } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { relationshipTimeline } from "~/models/relationships.server";

// Everything that happened between the two organisations, filtered by type.

type TimelineData = SerializeFrom<{
  timeline: Awaited<ReturnType<typeof relationshipTimeline>>;
  type: ReturnType<typeof parseTimelineType>;
  organisation: { id: string };
}>;

export function Timeline({ data }: { data: TimelineData }) {
  const { t, i18n } = useTranslation(["relationships", "conduct"]);
  const language = i18n.language as Language;
  const { timeline, type, organisation } = data;
  return (
    <section id="timeline" aria-labelledby="timeline-title" className="space-y-3">
      <h2 id="timeline-title" className="text-xl font-semibold">
        {t("page.timeline")}
      </h2>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="type" className="block font-medium">
            {t("page.timelineFilter")}
          </label>
          <select id="type" name="type" defaultValue={type ?? ""} className="mt-1 block rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">{t("page.allTypes")}</option>
            {TIMELINE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
          {t("page.filter")}
        </button>
      </Form>
      {timeline.length === 0 ? (
        <p>{t("page.timelineEmpty")}</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4">
          {timeline.map((item) => {
            const ours = item.actorId === organisation.id;
            const status = item.status === "withdrawn" && item.type === "outcome" ? "withdrawn_event" : item.status;
            return (
              <li key={`${item.kind}-${item.id}`} className="space-y-0.5">
                <p className="text-sm text-slate-600">
                  <time dateTime={String(item.at)}>{formatDate(item.at, language)}</time> · {t(`kinds.${item.kind}`)} · {t("page.by", { name: ours ? t("page.us") : t("page.them") })}
                </p>
                <p>
                  {item.link ? (
                    <Link to={item.link} className="font-medium text-brand-700 underline">
                      {item.title}
                    </Link>
                  ) : (
                    <span className="font-medium">{item.title}</span>
                  )}
                  {status ? <span className="text-slate-700"> – {t(`statuses.${status}`, { defaultValue: status })}</span> : null}
                  {item.hours ? <span className="text-slate-700"> · {t("page.hours", { count: item.hours })}</span> : null}
                  {item.nok ? <span className="text-slate-700"> · {formatNok(item.nok, language)}</span> : null}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
