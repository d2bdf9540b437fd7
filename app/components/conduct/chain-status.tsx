import { useTranslation } from "react-i18next";
import type { ChainVerdict } from "~/domain/hash-chain";

/** "Chain verified: N entries", or where it breaks and why. */
export function ChainStatus({ verdict }: { verdict: ChainVerdict }) {
  const { t } = useTranslation("conduct");
  if (verdict.ok) return <p className="text-emerald-800">{t("log.chainOk", { count: verdict.length })}</p>;
  return (
    <p role="alert" className="font-semibold text-red-800">
      {verdict.seq === null
        ? t("log.chainBrokenAtEnd", { reason: t(`reasons.${verdict.reason}`) })
        : t("log.chainBroken", { seq: verdict.seq, reason: t(`reasons.${verdict.reason}`) })}
    </p>
  );
}
