import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/forms";
import { lastResult, type ParticipationReply, type ParticipationView } from "./participation-view";
import { TableScroll } from "~/components/table-scroll";

// The buyer's participant list, with removal and the CSV download.

export function ParticipantsSection({ view, eventId, reply }: { view: ParticipationView; eventId: string; reply: ParticipationReply }) {
  const { t } = useTranslation(["participation"]);
  const participants = view.buyer?.participants ?? [];
  const errors = lastResult(reply, "remove")?.error?.[""] ?? undefined;
  return (
    <section aria-labelledby="participants-title" className="space-y-3">
      <h2 id="participants-title" className="text-xl font-semibold">
        {t("participants.heading")}
      </h2>
      <p className="text-slate-700">{t("participants.lead")}</p>
      <FormErrors id="remove-errors" errors={errors} />
      {participants.length === 0 ? (
        <p className="text-slate-700">{t("participants.empty")}</p>
      ) : (
        <TableScroll label={t("participants.caption")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("participants.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.organisation")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.status")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.attendees")}</th>
                <th scope="col" className="py-1 pr-4 font-medium">{t("participants.note")}</th>
                {view.published ? <th scope="col" className="py-1 font-medium">{t("participants.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.registrationId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-1 pr-4 font-medium">
                    {p.organisationName}
                    {p.shareAttendees ? <span className="block text-xs font-normal text-slate-700">{t("participants.shared")}</span> : null}
                  </th>
                  <td className="py-1 pr-4">{t(`status.${p.status}`)}</td>
                  <td className="py-1 pr-4">{p.attendees.join(", ")}</td>
                  <td className="py-1 pr-4 whitespace-pre-line">{p.declineReason ?? p.note ?? ""}</td>
                  {view.published ? (
                    <td className="py-1">
                      {p.status === "registered" || p.status === "waitlisted" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="registrationId" value={p.registrationId} />
                          <button type="submit" className="text-brand-700 underline hover:text-brand-800">
                            {t("participants.remove")}
                            <span className="sr-only"> ({p.organisationName})</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <a href={`/events/${eventId}/participants.csv`} className="font-semibold text-brand-700 underline" download>
          {t("participants.csv")}
        </a>
      </p>
    </section>
  );
}
