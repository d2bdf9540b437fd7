import type { Db } from "@db/client";
import type { OutcomeInput } from "~/domain/event-input";
import type { Outcome } from "~/domain/events";
import { countsAsBlockedAttempt } from "~/domain/predictability";
import { checkPublishable } from "~/domain/publishing";
import { eventFor, type ActingUser } from "./event-access.server";
import { fail, type Result } from "~/domain/result";
import type { EventRow } from "./event-row.server";
import { isUuid } from "~/domain/ids";
import { insertContract } from "./contracts.server";
import { notifyEventEnded } from "./event-ending-notices.server";
import { undertakingColumns } from "./non-use-undertaking.server";
import { publishableOf } from "./event-reads.server";

// An event's way through its statuses: a draft is published when the publishing rules
// hold, a published event closes (by hand or when its deadlines pass), and its outcome
// is recorded once.

/**
 * Publishes a draft when every publishing rule holds for it and its buyer is verified.
 * A refusal is answered with every problem, in form order, and counted (blocked_publish_attempts,
 * for the buyer's scorecard) when the predictability rule refused a verified buyer's well-formed draft.
 */
export async function publishEvent(
  db: Db,
  actor: ActingUser,
  id: string,
  {
    now = new Date(),
    nonUseUndertaking = false,
  }: { now?: Date; /** The buyer ticks the non-use undertaking (app/domain/ip-terms.ts) with this publish. */ nonUseUndertaking?: boolean } = {},
): Promise<Result<{ id: string; status: "published" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (event.status !== "draft") return fail("conflict", [{ path: "status", code: "not_a_draft" }]);

    const buyer = await trx.selectFrom("organisations").select("verificationStatus").where("id", "=", event.buyerId).executeTakeFirstOrThrow();
    const buyerVerified = buyer.verificationStatus === "verified";
    const publishable = await publishableOf(trx, event, { now });
    const undertakingNow = nonUseUndertaking && !publishable.nonUseUndertaking;
    const gate = checkPublishable({ ...publishable, nonUseUndertaking: publishable.nonUseUndertaking || nonUseUndertaking }, { buyerVerified, now });
    if (!gate.ok) {
      // Committed with the refusal: the count is the point (only what the rule counts; see countsAsBlockedAttempt).
      if (countsAsBlockedAttempt(gate.problems, { buyerVerified })) {
        await trx
          .insertInto("blockedPublishAttempts")
          .values({ buyerId: event.buyerId, eventId: id, byUserId: actor.id, at: now, codes: gate.problems.map((p) => p.code) })
          .execute();
      }
      return fail("refused", gate.problems);
    }
    const undertaking = undertakingNow ? await undertakingColumns(trx, actor, now) : {};
    // The earlier pilots on the same need it was shown stay with it, beside the buyer's answer (issue 16).
    const pilotDuplicateOf = [...(publishable.similarPilots ?? [])];
    await trx.updateTable("events").set({ status: "published", publishedAt: now, updatedAt: now, pilotDuplicateOf, ...undertaking }).where("id", "=", id).execute();
    return { ok: true, value: { id, status: "published" as const } };
  });
}

/** Closes a published event by hand (registration over, dialogue done); those taking part and watching are told. `confirmed: false` refuses with confirm_required. */
export async function closeEvent(
  db: Db,
  actor: ActingUser,
  id: string,
  { now = new Date(), baseUrl, confirmed = true }: { now?: Date; baseUrl: string; confirmed?: boolean },
): Promise<Result<{ id: string; status: "closed" }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    if (found.value.status !== "published") return fail("conflict", [{ path: "status", code: "not_published" }]);
    // The page asks for a ticked confirmation (irreversible); checked after access, so it tells outsiders nothing.
    if (!confirmed) return fail("invalid", [{ path: "confirm", code: "confirm_required" }]);
    await notifyEventEnded(trx, found.value, "closed", { now, baseUrl });
    await trx.updateTable("events").set({ status: "closed", closedAt: now, updatedAt: now }).where("id", "=", id).execute();
    return { ok: true, value: { id, status: "closed" as const } };
  });
}

function lastDeadline(event: EventRow): Date | null {
  const times = [event.registrationDeadline, event.responseDeadline, event.endsAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/**
 * Records how it turned out. `withdrawn` may end a published event at any time (and closes
 * it); `procured` and `not_procured` come after it closed, by hand or because every
 * deadline has passed (then it is closed now). An outcome is recorded once, and those
 * taking part (the winner in its own words) and watching are told.
 */
export async function recordOutcome(
  db: Db,
  actor: ActingUser,
  id: string,
  outcome: OutcomeInput,
  { now = new Date(), baseUrl }: { now?: Date; baseUrl: string },
): Promise<Result<{ id: string; status: "closed"; outcome: Outcome; contractId: string | null }>> {
  return db.transaction().execute(async (trx) => {
    const found = await eventFor(trx, actor, id, "buyer");
    if (!found.ok) return found;
    const event = found.value;
    if (event.status === "draft") return fail("conflict", [{ path: "status", code: "not_published" }]);
    if (event.outcome !== null) return fail("conflict", [{ path: "outcome", code: "outcome_recorded" }]);
    if (event.status === "published" && outcome.outcome !== "withdrawn") {
      const last = lastDeadline(event);
      if (last === null || last.getTime() > now.getTime()) return fail("conflict", [{ path: "status", code: "not_closed" }]);
    }
    if (outcome.outcome === "procured" && outcome.winningVendorId) {
      const winner = isUuid(outcome.winningVendorId)
        ? await trx.selectFrom("organisations").select("isVendor").where("id", "=", outcome.winningVendorId).executeTakeFirst()
        : undefined;
      if (!winner) return fail("invalid", [{ path: "winningVendorId", code: "unknown_organisation" }]);
      if (!winner.isVendor) return fail("invalid", [{ path: "winningVendorId", code: "not_a_vendor" }]);
    }
    let contractId: string | null = null;
    if (outcome.outcome === "procured" && outcome.contract) {
      // Judged before anything is written: a refused contract leaves the outcome unrecorded too.
      const contract = await insertContract(trx, { buyerId: event.buyerId, userId: actor.id, eventId: id, defaultTitle: event.title }, outcome.contract);
      if (!contract.ok) return { ...contract, problems: contract.problems.map((p) => ({ ...p, path: `contract.${p.path}` })) };
      contractId = contract.value.contractId;
    }
    await notifyEventEnded(trx, event, outcome.outcome, {
      why: outcome.outcome === "procured" ? "" : outcome.reason,
      winnerId: outcome.outcome === "procured" ? (outcome.winningVendorId ?? null) : null,
      now,
      baseUrl,
    });
    await trx
      .updateTable("events")
      .set({
        status: "closed",
        closedAt: event.closedAt ?? now,
        outcome: outcome.outcome,
        outcomeRecordedAt: now,
        outcomeContractValueNok: outcome.outcome === "procured" ? outcome.contractValueNok : null,
        outcomeContractDate: outcome.outcome === "procured" ? outcome.contractDate : null,
        outcomeNoticeReference: outcome.outcome === "procured" ? (outcome.noticeReference ?? null) : null,
        outcomeWinnerId: outcome.outcome === "procured" ? (outcome.winningVendorId ?? null) : null,
        outcomeNotProcuredReason: outcome.outcome === "not_procured" ? outcome.reason : null,
        outcomeWithdrawnReason: outcome.outcome === "withdrawn" ? outcome.reason : null,
        updatedAt: now,
      })
      .where("id", "=", id)
      .execute();
    return { ok: true, value: { id, status: "closed" as const, outcome: outcome.outcome, contractId } };
  });
}
