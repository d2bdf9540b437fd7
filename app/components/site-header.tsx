import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/resources";

export interface HeaderAccount {
  name: string;
  isOperator: boolean;
  activeOrganisation: { id: string; name: string; isBuyer: boolean; isVendor: boolean } | null;
  organisations: { id: string; name: string }[];
  /** Questions to the active buyer organisation that wait for an answer. */
  unansweredQuestions: number;
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `inline-block rounded px-1.5 py-2 text-[0.9rem] font-medium hover:bg-brand-50 ${isActive ? "text-brand-800 underline underline-offset-4" : "text-slate-700"}`;

export function SiteHeader({ language, currentPath, account }: { language: Language; currentPath: string; account: HeaderAccount | null }) {
  const { t } = useTranslation(["common", "auth", "eventPage", "effort", "relationships", "scorecard", "contracts", "participation", "consultations", "requests", "reports"]);
  const other: Language = language === "nb" ? "en" : "nb";
  type NavItem = { to: string; label: string; end: boolean; count?: number };
  // What anyone may read: the public portal.
  const publicLinks: NavItem[] = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/demand", label: t("nav.demand"), end: false },
    { to: "/organisations", label: t("nav.organisations"), end: false },
    { to: "/insights", label: t("scorecard:nav"), end: false },
    { to: "/conduct", label: t("nav.conduct"), end: false },
    { to: "/consultations", label: t("consultations:nav"), end: false },
  ];
  // What a signed-in person works on: a row of its own, so the menu does not wrap as it grows.
  const workLinks: NavItem[] = [
    // The buyer workspace: for people acting for a buyer organisation.
    ...(account?.activeOrganisation?.isBuyer ? [{ to: "/workspace/events", label: t("eventPage:workspace.title"), end: false, count: account.unansweredQuestions }] : []),
    // The vendor workspace: for people acting for a vendor organisation.
    ...(account?.activeOrganisation?.isVendor ? [{ to: "/workspace/participation", label: t("effort:nav.workspace"), end: false }] : []),
    // Contracts after award: for members of an organisation, buyer or vendor.
    ...(account?.activeOrganisation ? [{ to: "/workspace/contracts", label: t("contracts:workspace.nav"), end: false }] : []),
    ...(account ? [{ to: "/interactions", label: t("nav.interactions"), end: false }] : []),
    // Relationships with counterpart organisations: for members of an organisation.
    ...(account?.activeOrganisation ? [{ to: "/relationships", label: t("relationships:nav.relationships"), end: false }] : []),
    // Requests from vendors to buyers: for members of an organisation.
    ...(account?.activeOrganisation ? [{ to: "/requests", label: t("requests:nav"), end: false }] : []),
    // Protected reports of breaches of the code of conduct: the member's own.
    ...(account?.activeOrganisation ? [{ to: "/reports", label: t("reports:nav"), end: false }] : []),
    ...(account ? [{ to: "/watches", label: t("watches:title"), end: false }] : []),
  ];
  const links = [...publicLinks, ...workLinks];
  const itemsOf = (group: NavItem[]) =>
    group.map((link) => (
      <li key={link.to}>
        <NavLink to={link.to} end={link.end} className={navLinkClass}>
          {link.label}
          {link.count ? (
            <>
              {" "}
              <span aria-hidden="true" className="ml-0.5 inline-block min-w-[1.25rem] rounded-full bg-amber-700 px-1.5 text-center text-xs font-bold text-white">
                {link.count}
              </span>
              <span className="sr-only">({t("participation:buyerQuestions.workspaceLink", { count: link.count })})</span>
            </>
          ) : null}
        </NavLink>
      </li>
    ));
  const { pathname } = useLocation();
  const current = links.find((link) => (link.end ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`)));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold text-brand-800">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
            <rect width="32" height="32" rx="7" fill="#0b6b77" />
            <path d="M8 22V10l8 7 8-7v12" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" />
          </svg>
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          {account ? (
            <nav aria-label={t("auth:menu.label")}>
              <ul className="flex flex-wrap items-center gap-1">
                <li>
                  <NavLink to="/organisation" className={navLinkClass}>
                    {account.activeOrganisation?.name ?? t("auth:menu.organisation")}
                  </NavLink>
                </li>
                {account.isOperator ? (
                  <li>
                    <NavLink to="/admin/organisations" className={navLinkClass}>
                      {t("auth:menu.admin")}
                    </NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/settings" className={navLinkClass} title={t("auth:menu.signedInAs", { name: account.name })}>
                    {t("auth:menu.settings")}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="rounded px-3 py-2 font-medium text-slate-700 hover:bg-brand-50">
                      {t("auth:logout")}
                    </button>
                  </Form>
                </li>
              </ul>
            </nav>
          ) : (
            <>
              <NavLink to="/login" className={navLinkClass}>
                {t("auth:menu.login")}
              </NavLink>
              <Link to="/signup" className="rounded bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-brand-800">
                {t("auth:menu.signup")}
              </Link>
            </>
          )}
          {/* A whole new document: the browser holds only the current language's translations. */}
          <Form method="post" action="/language" reloadDocument className="flex items-center">
            <input type="hidden" name="language" value={other} />
            <input type="hidden" name="redirectTo" value={currentPath} />
            <button
              type="submit"
              lang={other}
              aria-label={t("language.switchToLabel")}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {t("language.switchTo")}
            </button>
          </Form>
        </div>
      </div>
      <div className="border-t border-slate-100">
        <nav aria-label={t("nav.label")} className="mx-auto max-w-6xl px-2">
          {/* On a phone the menu folds into one line (a details element: no script needed). */}
          <details className="group py-1 sm:hidden">
            <summary className="cursor-pointer rounded px-2 py-2 font-medium text-slate-800 hover:bg-brand-50">
              {t("nav.menu")}
              {current ? <span className="font-normal text-slate-600">: {current.label}</span> : null}
            </summary>
            <ul className="grid grid-cols-2 gap-1 pb-2">{itemsOf(publicLinks)}</ul>
            {workLinks.length > 0 ? (
              <>
                <p id="nav-work-phone" className="border-t border-slate-100 px-2 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {t("nav.work")}
                </p>
                <ul aria-labelledby="nav-work-phone" className="grid grid-cols-2 gap-1 pb-2">
                  {itemsOf(workLinks)}
                </ul>
              </>
            ) : null}
          </details>
          <ul className="hidden flex-wrap items-center gap-0.5 sm:flex">{itemsOf(publicLinks)}</ul>
          {workLinks.length > 0 ? (
            <div className="hidden flex-wrap items-center gap-x-2 border-t border-slate-100 sm:flex">
              <p id="nav-work" className="px-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
                {t("nav.work")}
              </p>
              <ul aria-labelledby="nav-work" className="flex flex-wrap items-center gap-0.5">
                {itemsOf(workLinks)}
              </ul>
            </div>
          ) : null}
        </nav>
      </div>
    </header>
  );
}
