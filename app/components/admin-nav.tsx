import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** Sub-navigation between the operator pages. */
export function AdminNav() {
  const { t } = useTranslation("admin");
  const links = [
    { to: "/admin/organisations", label: t("nav.organisations") },
    { to: "/admin/audit", label: t("nav.audit") },
    { to: "/admin/outbox", label: t("nav.outbox") },
    { to: "/admin/conduct", label: t("nav.conduct") },
    { to: "/admin/reports", label: t("nav.reports") },
    { to: "/admin/interaction-chains", label: t("nav.chains") },
  ];
  return (
    <nav aria-label={t("nav.label")} className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              className={({ isActive }) =>
                `inline-block border-b-2 px-3 py-2 font-medium ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"}`
              }
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
