import { useTranslation } from "~/i18n/use-translation";

/** Buyer, vendor or both, said openly wherever an organisation is named. */
export function OrganisationRoles({ organisation }: { organisation: { isBuyer: boolean; isVendor: boolean } }) {
  const { t } = useTranslation("organisations");
  const roles = [organisation.isBuyer ? "buyer" : null, organisation.isVendor ? "vendor" : null].filter((r): r is string => r !== null);
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("public.roles")}>
      {roles.map((role) => (
        <li key={role} className="rounded-full bg-brand-50 px-3 py-0.5 text-sm font-semibold text-brand-800">
          {t(`kinds.${role}`)}
        </li>
      ))}
    </ul>
  );
}
