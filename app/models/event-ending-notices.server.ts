import type { Db } from "@db/client";
import type { EmailData } from "@emails/messages";
import { enqueueEmail } from "@emails/outbox.server";
import { watchFilter } from "~/domain/watches";
import { fixedT } from "~/i18n/i18n";
import type { Language } from "~/i18n/resources";
import { matchingEventIds } from "./demand-feeds.server";

// Who hears that an event ended (closed, withdrawn, outcome recorded): every member of every
// vendor taking part — the recorded winner in words of its own — and every person with a watch
// that told them of the event or matches it now (forutsigbarhet: a vendor who planned around
// an event learns how it ended without having to look). Called inside the transaction that
// ends the event, before its status changes, so a watch's filter still sees it as it was.

type Ending = EmailData<"event-ended">["ending"];

interface Person {
  id: string;
  email: string;
  name: string;
  language: Language;
}

export async function notifyEventEnded(
  trx: Db,
  event: { id: string; title: string; buyerId: string },
  ending: Ending,
  { why = "", winnerId = null, now, baseUrl }: { why?: string; winnerId?: string | null; now: Date; baseUrl: string },
): Promise<number> {
  const participants = await trx
    .selectFrom("registrations")
    .innerJoin("organisations", "organisations.id", "registrations.organisationId")
    .innerJoin("memberships", "memberships.organisationId", "registrations.organisationId")
    .innerJoin("users", "users.id", "memberships.userId")
    .select(["users.id", "users.email", "users.name", "users.language", "organisations.id as organisationId", "organisations.name as organisationName"])
    .where("registrations.eventId", "=", event.id)
    .where("registrations.status", "in", ["registered", "waitlisted"])
    .orderBy("users.email")
    .execute();
  const watchers = await watchersOf(trx, event.id, now);
  const buyer = await trx.selectFrom("organisations").select("name").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
  const url = new URL(`/events/${event.id}`, baseUrl).toString();

  const told = new Set<string>();
  const send = async (person: Person, recipient: EmailData<"event-ended">["recipient"], organisationName: string) => {
    if (told.has(person.id)) return;
    told.add(person.id);
    // A not-procured reason is a code; a withdrawal's reason is the buyer's own words.
    const shownWhy = ending === "not_procured" && why ? String(fixedT(person.language, "eventPage")(`outcome.reasons.${why}`)) : why;
    await enqueueEmail(trx, {
      template: "event-ended",
      to: person.email,
      language: person.language,
      data: { name: person.name, eventTitle: event.title, buyerName: buyer.name, ending, recipient, organisationName, why: shownWhy, url },
    });
  };
  // The winner's people first, so that someone in two taking-part vendors hears the winner's words.
  const ordered = [...participants].sort((a, b) => Number(b.organisationId === winnerId) - Number(a.organisationId === winnerId));
  for (const p of ordered) await send(p, p.organisationId === winnerId && ending === "procured" ? "winner" : "participant", p.organisationName);
  for (const w of watchers) await send(w, "watcher", "");
  return told.size;
}

/** People with a confirmed address whose watch told them of the event or matches it now. */
async function watchersOf(trx: Db, eventId: string, now: Date): Promise<Person[]> {
  const watches = await trx
    .selectFrom("watches")
    .innerJoin("users", "users.id", "watches.userId")
    .select(["watches.id as watchId", "watches.query", "users.id", "users.email", "users.name", "users.language"])
    .where("users.emailVerifiedAt", "is not", null)
    .orderBy("users.email")
    .execute();
  if (watches.length === 0) return [];
  const delivered = new Set(
    (await trx.selectFrom("watchDeliveries").select("watchId").distinct().where("eventId", "=", eventId).execute()).map((row) => row.watchId),
  );
  const out: Person[] = [];
  for (const { watchId, query, ...person } of watches) {
    if (delivered.has(watchId) || (await matchingEventIds(trx, watchFilter(query), [eventId], now)).has(eventId)) out.push(person);
  }
  return out;
}
