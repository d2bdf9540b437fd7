import { cpvEntry } from "~/domain/cpv";
import { Facts, Section, Time, useFormatters, type EventView } from "./presentation";

export function SummarySection({ event }: { event: EventView }) {
  const { t, language } = useFormatters();
  return (
    <Section id="summary" title={t("summary.heading")}>
      <Facts
        stacked
        items={[
          [t("summary.kind"), t(`common:kinds.${event.kind}`)],
          [t("status.label"), t(`status.${event.status}`)],
          [t("summary.region"), event.region ? t(`common:regions.${event.region}`) : null],
          [
            t("summary.cpv"),
            event.cpv.length ? (
              <ul className="space-y-1">
                {event.cpv.map((code) => (
                  <li key={code}>
                    <span className="font-mono text-sm">{code}</span> {cpvEntry(code)?.[language] ?? ""}
                  </li>
                ))}
              </ul>
            ) : null,
          ],
          [t("summary.published"), event.publishedAt ? <Time value={event.publishedAt} language={language} dateOnly /> : null],
        ]}
      />
    </Section>
  );
}

export function WhenSection({ event, hasCalendar }: { event: EventView; hasCalendar: boolean }) {
  const { t, language } = useFormatters();
  const time = (value: string | null) => (value ? <Time value={value} language={language} /> : null);
  return (
    <Section id="when" title={t("when.heading")}>
      <Facts
        stacked
        items={[
          [t("when.registrationDeadline"), time(event.registrationDeadline)],
          [t("when.startsAt"), time(event.startsAt)],
          [t("when.endsAt"), time(event.endsAt)],
          [t("when.responseDeadline"), time(event.responseDeadline)],
          [t("when.place"), event.location],
          [
            t("when.online"),
            event.onlineUrl ? (
              <a href={event.onlineUrl} rel="nofollow noopener noreferrer" className="break-all text-brand-700 underline">
                {event.onlineUrl}
              </a>
            ) : null,
          ],
          [t("when.capacity"), event.capacity !== null ? t("when.capacityValue", { count: event.capacity }) : null],
        ]}
      />
      {hasCalendar ? (
        <p>
          <a
            href={`/events/${event.id}.ics`}
            download
            aria-describedby="calendar-hint"
            className="inline-block rounded border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("when.calendar")}
          </a>
          <span id="calendar-hint" className="mt-1 block text-sm text-slate-600">
            {t("when.calendarHint")}
          </span>
        </p>
      ) : (
        <p className="text-slate-700">{t("when.notGiven")}</p>
      )}
    </Section>
  );
}
