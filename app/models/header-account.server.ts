import type { Db } from "@db/client";
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
