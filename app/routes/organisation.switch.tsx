import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { SwitchOrganisationSchema } from "~/domain/organisation-forms";
import { switchActiveOrganisation } from "~/models/memberships.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { readFormData } from "~/http/form-data.server";

// POST /organisation/switch: act for another of one's own organisations.
export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const submission = parseWithZod(await readFormData(args.request), { schema: SwitchOrganisationSchema });
  if (submission.status !== "success") throw new Response(null, { status: 400 });
  const switched = await switchActiveOrganisation(db(), user.id, submission.value.organisationId);
  if (!switched) forbidden(args.request);
  return redirect(safeRedirectPath(submission.value.redirectTo, "/organisation"));
}

export function loader() {
  return redirect("/organisation");
}
