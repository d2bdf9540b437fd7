import type { Db } from "@db/client";
import type { SignInWays } from "~/domain/sign-in-ways";

/** What is about to be removed: the person's link at an issuer, or one of their passkeys. */
export type WayOut = { issuer: string } | { passkeyId: string };

/** How the person could sign in on their own without `removed` (the rule is app/domain/sign-in-ways.ts). */
export async function signInWaysWithout(db: Db, userId: string, removed: WayOut): Promise<SignInWays> {
  let passkeys = db.selectFrom("passkeys").select((eb) => eb.fn.countAll<string>().as("n")).where("userId", "=", userId);
  if ("passkeyId" in removed) passkeys = passkeys.where("id", "<>", removed.passkeyId);
  let links = db
    .selectFrom("ssoLinks")
    .select((eb) => eb.fn.count<string>("ssoLinks.issuer").distinct().as("n"))
    .where("userId", "=", userId)
    .where((eb) => eb.exists(eb.selectFrom("identityProviders").select("id").whereRef("identityProviders.issuer", "=", "ssoLinks.issuer")));
  if ("issuer" in removed) links = links.where("issuer", "<>", removed.issuer);
  const [user, passkeyCount, linkCount] = await Promise.all([
    db.selectFrom("users").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow(),
    passkeys.executeTakeFirstOrThrow(),
    links.executeTakeFirstOrThrow(),
  ]);
  return { hasPassword: user.passwordHash !== null, passkeys: Number(passkeyCount.n), linksWithProvider: Number(linkCount.n) };
}
