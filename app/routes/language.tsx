import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { languageCookie } from "~/i18n/language.server";
import { isLanguage } from "~/i18n/resources";
import { safeRedirectPath } from "~/http/safe-redirect";
import { readFormData } from "~/http/form-data.server";

// POST /language — switches bokmål/English and goes back where the visitor was.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const language = form.get("language");
  const to = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(language)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
