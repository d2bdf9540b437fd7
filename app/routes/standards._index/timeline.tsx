import { useTranslation } from "~/i18n/use-translation";
import { timelineSpan, timelineX, yearTicks, type TimelineSpan } from "~/domain/timeline";
import { formatDate } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// When buyers require or plan each standard, on one line per standard: what published events
// declare and what buyers' own roadmaps say, with today marked. Drawn as SVG attributes (the
// Content-Security-Policy refuses styles); each line also says in words what it shows.

export type MarkKind = "required" | "planned" | "implemented";

export interface TimelineMark {
  date: string;
  kind: MarkKind;
  buyerName: string;
  /** From a published event ("event") or the buyer's own roadmap ("roadmap"). */
  source: "event" | "roadmap";
}

export interface TimelineRow {
  code: string;
  name: string;
  marks: TimelineMark[];
}

const WIDTH = 200;
const HEIGHT = 24;
const MARK = {
  required: "fill-brand-700",
  planned: "fill-amber-500",
  implemented: "fill-slate-500",
} as const;

export function StandardsTimeline({ rows, today, language }: { rows: TimelineRow[]; today: string; language: Language }) {
  const { t } = useTranslation("standards");
  const dated = rows.filter((row) => row.marks.length > 0);
  const span = timelineSpan(
    dated.flatMap((row) => row.marks.map((m) => m.date)),
    today,
  );
  const years = yearTicks(span, WIDTH);
  return (
    <section aria-labelledby="timeline-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="timeline-title" className="text-xl font-semibold">
        {t("timeline.heading")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("timeline.lead")}</p>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label={t("timeline.legend")}>
        {(["required", "planned", "implemented"] as const).map((kind) => (
          <li key={kind} className="flex items-center gap-2">
            <svg aria-hidden="true" viewBox="0 0 10 10" className="h-3 w-3">
              <rect width="10" height="10" className={MARK[kind]} />
            </svg>
            {t(`timeline.kinds.${kind}`)}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <svg aria-hidden="true" viewBox="0 0 10 10" className="h-3 w-3">
            <rect x="4" width="2" height="10" className="fill-red-700" />
          </svg>
          {t("timeline.today")}
        </li>
      </ul>
      {dated.length === 0 ? (
        <p>{t("timeline.none")}</p>
      ) : (
        <div className="space-y-1">
          <div aria-hidden="true" className="grid grid-cols-[minmax(0,9rem)_1fr] gap-x-3 sm:grid-cols-[minmax(0,14rem)_1fr]">
            <span />
            <span className="flex text-xs text-slate-600">
              {years.map((tick) => (
                <span key={tick.year} className="flex-1 border-l border-slate-300 pl-1">
                  {tick.year}
                </span>
              ))}
            </span>
          </div>
          <ul className="space-y-1">
            {dated.map((row) => (
              <li key={row.code} className="grid grid-cols-[minmax(0,9rem)_1fr] items-center gap-x-3 sm:grid-cols-[minmax(0,14rem)_1fr]">
                <a href={`#standard-${row.code}`} className="break-words text-sm font-medium text-brand-800 underline">
                  {row.name}
                </a>
                <Strip row={row} span={span} today={today} language={language} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Strip({ row, span, today, language }: { row: TimelineRow; span: TimelineSpan; today: string; language: Language }) {
  const { t } = useTranslation("standards");
  const years = yearTicks(span, WIDTH);
  const now = timelineX(today, span, WIDTH).x;
  const words = row.marks
    .map((m) =>
      t(`timeline.mark.${m.source}`, {
        buyer: m.buyerName,
        kind: t(`timeline.kinds.${m.kind}`),
        date: formatDate(m.date, language),
      }),
    )
    .join("; ");
  return (
    <svg
      role="img"
      aria-label={t("timeline.rowLabel", { name: row.name, marks: words })}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      className="h-7 w-full"
    >
      {years.map((tick, i) => (
        <rect key={tick.year} x={tick.x} y={0} width={WIDTH / years.length} height={HEIGHT} className={i % 2 ? "fill-slate-100" : "fill-slate-50"} />
      ))}
      {row.marks.map((m, i) => {
        const { x } = timelineX(m.date, span, WIDTH);
        const tall = m.source === "event";
        return (
          <rect
            key={`${m.buyerName}-${m.date}-${i}`}
            x={Math.min(WIDTH - 2.5, x)}
            y={tall ? 2 : 7}
            width={1.5}
            height={tall ? HEIGHT - 4 : HEIGHT - 14}
            className={MARK[m.kind]}
          />
        );
      })}
      <rect x={now} y={0} width={0.6} height={HEIGHT} className="fill-red-700" />
    </svg>
  );
}
