import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export function SiteFooter() {
  const { t } = useTranslation(["common", "scorecard", "pilots"]);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-slate-700 md:grid-cols-3">
        <p className="md:col-span-2">{t("footer.about")}</p>
        <ul className="space-y-2">
          <li>
            <Link to="/insights" className="text-brand-700 underline hover:text-brand-800">
              {t("scorecard:nav")}
            </Link>
          </li>
          <li>
            <Link to="/pilots" className="text-brand-700 underline hover:text-brand-800">
              {t("pilots:register.title")}
            </Link>
          </li>
          <li>
            <Link to="/accessibility" className="text-brand-700 underline hover:text-brand-800">
              {t("footer.accessibility")}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
