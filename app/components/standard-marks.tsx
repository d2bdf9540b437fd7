import { useTranslation } from "~/i18n/use-translation";
import type { NationalStatus, StandardOrigin } from "~/domain/standard-readiness";

// Where a standard comes from and its status in the Directorate's reference catalogue, as two
// short marks in words (no colour carries meaning alone). "None" is left out: nothing to say.
export function StandardMarks({ origin, nationalStatus }: { origin: StandardOrigin; nationalStatus: NationalStatus }) {
  const { t } = useTranslation("standards");
  return (
    <span className="inline-flex flex-wrap gap-2 text-sm">
      <span className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5">{t(`origins.${origin}`)}</span>
      {nationalStatus !== "none" ? (
        <span className="rounded border border-brand-300 bg-brand-50 px-2 py-0.5 font-medium text-brand-900">{t(`nationalStatuses.${nationalStatus}`)}</span>
      ) : null}
    </span>
  );
}
