import { db } from "@db/db.server";
import type { Member } from "~/auth/guards.server";
import { toZonedLocal } from "~/domain/zoned-time";
import { notFound } from "~/http/responses.server";
import { getInteractionForViewer } from "~/models/interaction-reads.server";

// Correcting an entry: the new entry starts as a copy of the one it supersedes.

export interface InteractionDefaults {
  counterpartId?: string;
  occurredAt?: string;
  channel?: string;
  ownParticipants?: string[];
  ownOthers?: string;
  counterpartNames?: string;
  eventId?: string;
  subject?: string;
  summary?: string;
  clauses?: string[];
  assessment?: string;
  concernCategory?: string;
  concernDescription?: string;
  supersedesId?: string;
}

/** The entry a correction replaces: only the organisation that logged it, and only once. */
export async function entryToCorrect(id: string | null, member: Member) {
  if (!id) return null;
  const view = await getInteractionForViewer(db(), id, { userId: member.user.id, isOperator: false });
  if (!view || !view.canSupersede || view.entry.organisationId !== member.organisation.id) notFound();
  return view.entry;
}

/** The form's starting values for a correction of `old`. */
export function correctionDefaults(old: NonNullable<Awaited<ReturnType<typeof entryToCorrect>>>): InteractionDefaults {
  return {
    counterpartId: old.counterpartId,
    occurredAt: toZonedLocal(new Date(old.occurredAt)),
    channel: old.channel,
    ownParticipants: old.participants.filter((p) => p.side === "own" && p.userId).map((p) => p.userId!),
    ownOthers: old.participants.filter((p) => p.side === "own" && !p.userId).map((p) => p.name).join("\n"),
    counterpartNames: old.participants.filter((p) => p.side === "counterpart").map((p) => p.name).join("\n"),
    eventId: old.eventId ?? "",
    subject: old.subject,
    summary: old.summary,
    clauses: old.clauses.map(String),
    assessment: old.assessment,
    concernCategory: old.concernCategory ?? "",
    concernDescription: old.concernDescription ?? "",
    supersedesId: old.id,
  };
}
