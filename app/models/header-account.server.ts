import type { Db } from "@db/client";
import { emailJustConfirmed } from "~/domain/email-links";
import { listMemberships } from "./memberships.server";
import { countUnanswered } from "./questions.server";

// What the site header shows a signed-in person: who they are, the organisation they act
// for and the others they belong to, and for a buyer the questions waiting for an answer
// (its time to answer is published, so the count sits in the navigation).

export async function headerAccount(db: Db, user: { id: string; name: string; isOperator: boolean; activeOrganisationId: string | null }) {
  const memberships = await listMemberships(db, user.id);
  const active = memberships.find((m) => m.organisation.id === user.activeOrganisationId) ?? memberships[0] ?? null;
  const unansweredQuestions = active?.organisation.isBuyer ? await countUnanswered(db, active.organisation.id) : 0;
  return {
    name: user.name,
    isOperator: user.isOperator,
    activeOrganisation: active ? { id: active.organisation.id, name: active.organisation.name, isBuyer: active.organisation.isBuyer, isVendor: active.organisation.isVendor } : null,
    organisations: memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name })),
    unansweredQuestions,
  };
}

/**
 * What every page shows of the signed-in person, beyond the page itself: the header's account,
 * and the notice after an e-mailed confirmation link. The root loader renders it; the page cache
 * keys a signed-in person's pages by it (ADR 0039), so it is read once per request and handed to
 * the loader through the load context.
 */
export async function signedInView(
  db: Db,
  user: Parameters<typeof headerAccount>[1] & { emailVerifiedAt: Date | null },
  url: URL,
) {
  return { account: await headerAccount(db, user), emailConfirmed: emailJustConfirmed(url, user) };
}

export type SignedInView = Awaited<ReturnType<typeof signedInView>>;
