import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";
import type { ResponseRead } from "~/models/event-responses.server";

// Who at the buyer opened a part the vendor marked as a business secret, and who was refused.

export function ReadLog({ reads }: { reads: SerializeFrom<ResponseRead>[] }) {
  const { t, i18n } = useTranslation("responses");
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="read-log" className="space-y-3">
      <h2 id="read-log" className="text-xl font-semibold">
        {t("vendor.readLog")}
      </h2>
      {reads.length === 0 ? (
        <p className="text-slate-700">{t("vendor.readLogEmpty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("vendor.readLogOncePerDay")}</p>
          <ul className="list-disc space-y-1 pl-5" data-testid="read-log">
            {reads.map((r, i) => (
              <li key={i} className="break-words">
                {t(r.outcome === "read" ? "vendor.read" : "vendor.refused", { name: r.readerName, time: formatDateTime(r.at, language) })}
                {" – "}
                {t(`vendor.parts.${r.part}`, { label: r.partLabel, version: r.version })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
