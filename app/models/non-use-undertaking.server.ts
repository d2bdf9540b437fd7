import type { Db } from "@db/client";
import type { ActingUser } from "./event-access.server";

// The buyer's non-use undertaking (issue 17, app/domain/ip-terms.ts): given by a named person at
// a time, when publishing (or amending into) an event that needs IP terms. The name is kept as
// given, so the undertaking still says who gave it after the account is gone.

/** The columns that record the undertaking as given now by the actor. */
export async function undertakingColumns(trx: Db, actor: ActingUser, now: Date) {
  const user = await trx.selectFrom("users").select("name").where("id", "=", actor.id).executeTakeFirstOrThrow();
  return { nonUseUndertakingBy: actor.id, nonUseUndertakingName: user.name, nonUseUndertakingAt: now };
}
