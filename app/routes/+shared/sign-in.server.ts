import { db } from "@db/db.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { holdsCommercialRole } from "~/models/relationships.server";

/** Where a finished sign-in lands: where the person was going, or commercial-role holders' relationships. */
export async function homeAfterSignIn(userId: string, redirectTo: string | null | undefined): Promise<string> {
  const home = (await holdsCommercialRole(db(), userId)) ? "/relationships" : "/";
  return safeRedirectPath(redirectTo, home);
}
