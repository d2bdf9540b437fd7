import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { fixedT } from "~/i18n/i18n";
import { formatDate } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";

// The date the statement was last reviewed; update it when the statement changes.
const REVIEWED = "2026-11-24";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(request), "accessibility");
  return json({ title: `${t("title")} – Markedsdialog` });
}

export default function AccessibilityStatement() {
  useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("accessibility");
  const measures = t("measures", { returnObjects: true }) as unknown as string[];
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <section aria-labelledby="a11y-status" className="space-y-2">
        <h2 id="a11y-status" className="text-xl font-semibold">
          {t("statusHeading")}
        </h2>
        <p>{t("status", { date: formatDate(REVIEWED, i18n.language as Language) })}</p>
      </section>
      <section aria-labelledby="a11y-measures" className="space-y-2">
        <h2 id="a11y-measures" className="text-xl font-semibold">
          {t("measuresHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {measures.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-feedback" className="space-y-2">
        <h2 id="a11y-feedback" className="text-xl font-semibold">
          {t("feedbackHeading")}
        </h2>
        <p>{t("feedback")}</p>
        <p>
          <a href="https://www.uutilsynet.no/" className="text-brand-700 underline">
            {t("supervisoryLink")}
          </a>
        </p>
      </section>
    </article>
  );
}
