import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ChainBreak, ChainVerdict } from "~/domain/hash-chain";

/** "Chain verified: N entries", or every place where it breaks and why. */
export function ChainStatus({ verdict }: { verdict: ChainVerdict }) {
  const { t } = useTranslation("conduct");
  if (verdict.ok) return <p className="text-emerald-800">{t("log.chainOk", { count: verdict.length })}</p>;
  return (
    <div role="alert" className="space-y-1 text-red-800">
      <p className="font-semibold">{t("log.chainBroken", { count: verdict.breaks.length })}</p>
      <ChainBreakList breaks={verdict.breaks} />
    </div>
  );
}

/** Every broken link, not the first only: the row (linked to its entry) and why, in words. */
export function ChainBreakList({ breaks }: { breaks: readonly ChainBreak[] }) {
  const { t } = useTranslation("conduct");
  return (
    <ul className="list-disc space-y-1 pl-6">
      {breaks.map(({ index, seq, row, reason }) => {
        const where = seq === null ? t("breaks.end") : t(`breaks.${row?.type ?? "entry"}`, { seq });
        return (
          <li key={`${index}-${reason}`}>
            {row ? (
              <Link to={`/interactions/${row.entryId}`} className="underline">
                {where}
              </Link>
            ) : (
              where
            )}
            : {t(`reasons.${reason}`)}
          </li>
        );
      })}
    </ul>
  );
}
