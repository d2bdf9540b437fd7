import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

// The way to responses (issue 17): a vendor's member to its own response, the buyer's members to the table.
export function ResponsesLink({ eventId, to }: { eventId: string; to: "buyer" | "vendor" | null }) {
  const { t } = useTranslation("responses");
  if (!to) return null;
  return (
    <p>
      <Link to={`/events/${eventId}/${to === "buyer" ? "responses" : "response"}`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t(`eventLink.${to}`)}
      </Link>
    </p>
  );
}
