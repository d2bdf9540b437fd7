import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Notice } from "~/components/forms";

/** The top of a buyer's page under an event: the way back, the title, what the page is for, and a notice after a save. */
export function EventSubpageHeader({ eventId, back, title, lead, notice }: { eventId: string; back: string; title: string; lead: string; notice: ReactNode | null }) {
  return (
    <>
      <p>
        <Link to={`/events/${eventId}`} className="text-brand-700 underline hover:text-brand-800">
          {back}
        </Link>
      </p>
      <h1 className="break-words text-3xl font-bold">{title}</h1>
      <p className="text-slate-700">{lead}</p>
      {notice ? <Notice>{notice}</Notice> : null}
    </>
  );
}
