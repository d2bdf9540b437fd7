import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

// "Save as watch" on /demand: posts the page's filter (its query string; /watches
// normalises it) with a name and a frequency. A plain form: no JavaScript needed, and
// no validation library added to the demand page's bundle. Errors come back on /watches.
export function SaveWatchForm() {
  const { t } = useTranslation("watches");
  // The root loader's account (not imported from root.tsx, which pulls in the stylesheet).
  const root = useRouteLoaderData<{ account: object | null }>("root");
  const location = useLocation();
  if (!root?.account) {
    return (
      <p>
        <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`} className="font-medium text-brand-800 underline">
          {t("create.signIn")}
        </Link>
      </p>
    );
  }
  return (
    // Outside the filter's GET form (forms do not nest), folded away until asked for.
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t("create.heading")}</summary>
      <p className="mt-2 text-sm text-slate-700">{t("create.lead")}</p>
      <Form method="post" action="/watches" className="mt-3 flex flex-wrap items-end gap-4">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="query" value={location.search} />
        <div>
          <label htmlFor="save-watch-name" className="block font-medium text-slate-800">
            {t("fields.name")}
          </label>
          <input id="save-watch-name" name="name" required maxLength={100} className="mt-1 block w-64 rounded border border-slate-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="save-watch-frequency" className="block font-medium text-slate-800">
            {t("fields.frequency")}
          </label>
          <select id="save-watch-frequency" name="frequency" defaultValue="daily" className="mt-1 block rounded border border-slate-400 px-3 py-2">
            <option value="immediate">{t("frequency.immediate")}</option>
            <option value="daily">{t("frequency.daily")}</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("create.submit")}
        </button>
      </Form>
    </details>
  );
}
