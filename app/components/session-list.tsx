import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";
import type { ApproximateAddress, Device } from "~/domain/sessions";
import { formatDateTime } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** A session as a loader sends it (see SessionView in app/models/sessions.server.ts). */
export interface SessionRow {
  handle: string;
  current: boolean;
  device: Device;
  address: ApproximateAddress;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export function deviceText(t: TFunction<"auth">, device: Device): string {
  if (device.browser && device.os) return t("sessionList.device", { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t("sessionList.unknownDevice");
}

function addressText(t: TFunction<"auth">, address: ApproximateAddress): string {
  return address.kind === "network" ? t("sessionList.address.network", { network: address.network }) : t(`sessionList.address.${address.kind}`);
}

/**
 * Live sign-ins, each with its device, network and times, and a form to end it. The form posts
 * `intent` and `handle` (plus `hidden` fields) to the page's own action; the session in use is
 * marked, and ended by logging out instead.
 */
export function SessionList({ sessions, intent, hidden = {} }: { sessions: SerializeFrom<SessionRow>[]; intent: string; hidden?: Record<string, string> }) {
  const { t, i18n } = useTranslation("auth");
  const language = i18n.language as Language;
  if (sessions.length === 0) return <p className="text-slate-700">{t("sessionList.none")}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {sessions.map((session) => {
        const device = deviceText(t, session.device);
        const lastUsed = formatDateTime(session.lastUsedAt, language);
        return (
          <li key={session.handle} className="flex flex-wrap items-start justify-between gap-2 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium">
                {device} <span className="font-normal text-slate-600">· {t(`sessionList.types.${session.device.type}`)}</span>
                {session.current ? <strong className="ml-2 inline-block whitespace-nowrap rounded bg-brand-50 px-2 py-0.5 text-brand-800">{t("sessionList.current")}</strong> : null}
              </p>
              <p className="text-slate-700">{addressText(t, session.address)}</p>
              <p className="text-slate-700">
                {t("sessionList.signedIn", { when: formatDateTime(session.createdAt, language) })}, {t("sessionList.lastUsed", { when: lastUsed })}
              </p>
            </div>
            {session.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value={intent} />
                <input type="hidden" name="handle" value={session.handle} />
                {Object.entries(hidden).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <button type="submit" className="font-semibold text-red-700 underline" aria-label={t("sessionList.endLabel", { device, when: lastUsed })}>
                  {t("sessionList.end")}
                </button>
              </Form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
