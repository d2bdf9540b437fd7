import { useTranslation } from "~/i18n/use-translation";
import { stackedSegments } from "~/domain/chart-geometry";
import type { ReadinessCounts } from "~/domain/standard-readiness";
import { formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

// Vendor readiness for one standard as one stacked bar (supported, planned, not supported):
// a reader sees the balance at a glance. The figures are written out beside the bar, which is
// hidden from assistive technology, so nothing is only in the picture. Counts, never names.

const WIDTH = 100;
const HEIGHT = 8;
const PARTS = [
  { key: "supported", fill: "fill-emerald-700", swatch: "bg-emerald-700" },
  { key: "planned", fill: "fill-amber-500", swatch: "bg-amber-500" },
  { key: "notSupported", fill: "fill-slate-400", swatch: "bg-slate-400" },
] as const;
const LABEL = {
  supported: "supported",
  planned: "planned",
  notSupported: "not_supported",
} as const;

export function ReadinessChart({ name, counts, language }: { name: string; counts: ReadinessCounts | undefined; language: Language }) {
  const { t } = useTranslation("standards");
  const c = counts ?? { supported: 0, planned: 0, notSupported: 0 };
  if (c.supported + c.planned + c.notSupported === 0) return <p className="text-sm text-slate-700">{t("readinessNone")}</p>;
  const segments = stackedSegments(
    PARTS.map((p) => c[p.key]),
    WIDTH,
  );
  return (
    <figure className="max-w-xl space-y-1">
      <figcaption className="text-sm font-medium">
        {t("readinessHeading")}
        <span className="sr-only">: {t("readinessChart", { name })}</span>
      </figcaption>
      <svg aria-hidden="true" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-4 w-full">
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="fill-slate-100" />
        {segments.map((s, i) => (s.width > 0 ? <rect key={PARTS[i]!.key} x={s.x} y={0} width={s.width} height={HEIGHT} className={PARTS[i]!.fill} /> : null))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {PARTS.map((p) => (
          <li key={p.key} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${p.swatch}`} />
            {t(`readiness.${LABEL[p.key]}`)}: <span className="font-medium tabular-nums">{formatNumber(c[p.key], language)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
