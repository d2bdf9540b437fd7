import { useTranslation } from "~/i18n/use-translation";
import type { OutboxStatus } from "~/domain/outbox";

const tone: Record<OutboxStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

/** The status of an outgoing e-mail, in words (colour only repeats them). */
export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation("admin");
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tone[status]}`}>{t(`outbox.status.${status}`)}</span>;
}
